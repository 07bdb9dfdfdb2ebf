package org.yizhan.organization.web;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.TestAccounts;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin's journey through the union tree and the audit log in a real browser: find a
 * county, load its streets, add an industry union, rename the county, then find those
 * changes in the audit log and export them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OrganizationConsoleJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void adminEditsACountyUnionAndFindsEveryChangeInTheAuditLog() throws Exception {
		BrowserContext context = chromium.newContext("zh-CN");
		Page page = context.newPage();
		ConsoleLogin.signInWhenSentToLogin(page, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);

		page.click("#nav-organizations");
		assertThat(page.locator("#organization-name")).hasText("中华全国总工会");
		page.click("text=浙江省总工会");
		page.click("text=金华市总工会");
		page.click("text=武义县总工会");
		assertThat(page.locator("#organization-code")).hasText("330723");
		assertThat(page.locator("#organization-ancestry li")).hasCount(4);

		page.click("#action-load-streets");
		assertThat(page.locator(".alert-success")).containsText("已载入");
		assertThat(page.locator("#organization-children")).containsText("街道（乡镇）工会");

		page.fill("#industry-name", "武义县快递行业工会");
		page.click("#action-industry");
		assertThat(page.locator("#organization-children")).containsText("330723-I01");

		// a new name shows everywhere below the union, so the console asks first
		java.util.List<String> questions = new java.util.ArrayList<>();
		page.onDialog(dialog -> {
			questions.add(dialog.message());
			dialog.accept();
		});
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		page.fill("#rename-name", "");
		page.click("#action-rename");
		assertThat(questions).singleElement().asString().contains("武义县总工会").contains("更名");
		assertThat(page.locator(".alert-danger")).containsText("名称：不能为空");
		page.fill("#rename-name", "武义县总工会（新）");
		page.click("#action-rename");
		assertThat(page.locator("#organization-name")).hasText("武义县总工会（新）");
		assertThat(page.locator("#organization-history")).containsText("RENAME");

		page.click("#nav-audit");
		page.fill("#org", "330723");
		page.click("#audit-filter");
		assertThat(page.locator("#audit-count")).hasText("共 3 条记录");
		assertThat(page.locator("#audit-table tbody tr").first()).containsText("更名");
		assertThat(page.locator("#audit-table tbody tr").first()).containsText("名称：武义县总工会 → 武义县总工会（新）");
		assertThat(page.locator("#audit-table tbody tr").first().locator("td").first())
			.hasText(Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$"));

		Download download = page.waitForDownload(() -> page.click("#audit-export"));
		assertThat(download.suggestedFilename()).matches("audit-\\d{8}-\\d{4}\\.csv");

		page.fill("#from", "2026-01-02");
		page.fill("#to", "2026-01-01");
		page.click("#audit-filter");
		assertThat(page.locator(".alert-danger")).containsText("结束时间：结束时间须晚于开始时间");
	}

}
