package org.yizhan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deque's axe-core rules (WCAG 2.x A and AA, and best practices) over the console's main
 * pages at a desk and the public finder on a phone (issue 21): no violation of serious or
 * critical impact. Each is listed with the elements it concerns, so a failure says what
 * to fix.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityTests {

	static final Set<String> BLOCKING = Set.of("serious", "critical");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Test
	void theConsolesMainPagesHaveNoSeriousOrCriticalViolations() {
		long station = jdbc.sql("select id from station where code = '330106-0003'").query(Long.class).single();
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("stations", "/console/stations");
		pages.put("station", "/console/stations/" + station);
		pages.put("tickets", "/console/tickets");
		pages.put("coverage", "/console/coverage?org=330106&p=3");
		pages.put("figures", "/console/figures");
		pages.put("accounts", "/console/accounts");
		pages.put("account form", "/console/accounts/new");
		pages.put("notifications", "/console/notifications");
		List<String> found = new ArrayList<>();
		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signIn(page, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
			pages.forEach((name, path) -> {
				page.navigate(path);
				page.locator("main").waitFor();
				if (name.equals("station")) {
					page.locator("#station-figures > *").first().waitFor();
					page.locator("#station-tickets > *").first().waitFor();
					page.locator("#station-qr > *").first().waitFor();
				}
				found.addAll(blocking(name, page));
			});
		}
		assertThat(found).isEmpty();
	}

	@Test
	void thePublicFinderHasNoSeriousOrCriticalViolations() {
		long station = jdbc.sql("select id from station where code = '330106-0003'").query(Long.class).single();
		List<String> found = new ArrayList<>();
		try (BrowserContext phone = chromium.newPhoneContext("zh-CN", 30.259, 120.130)) {
			Page page = phone.newPage();
			page.navigate("/");
			page.locator("#results li").first().waitFor();
			found.addAll(blocking("finder", page));
			page.navigate("/stations/" + station);
			found.addAll(blocking("finder station", page));
		}
		assertThat(found).isEmpty();
	}

	private static List<String> blocking(String name, Page page) {
		AxeResults results = new AxeBuilder(page).analyze();
		assertThat(results.isErrored()).as(results.getErrorMessage()).isFalse();
		List<String> found = new ArrayList<>();
		for (Rule rule : results.getViolations()) {
			if (BLOCKING.contains(rule.getImpact())) {
				List<String> where = new ArrayList<>();
				for (CheckedNode node : rule.getNodes()) {
					where.add(String.valueOf(node.getTarget()) + " " + node.getHtml());
				}
				found.add(name + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
						+ String.join(" | ", where.subList(0, Math.min(5, where.size()))));
			}
		}
		return found;
	}

}
