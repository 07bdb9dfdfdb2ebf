package org.yizhan.dataio.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.dataio.Ledgers;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey: a district admin imports a ledger with an error, reads the report
 * (row and column), fixes the file, imports it, and exports the list it lands in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StationImportJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private static final Pattern REPORT = Pattern.compile(".*/console/imports/stations/\\d+$");

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminFixesALedgerImportsItAndExportsTheList() throws IOException {
		String host = "旅程银行" + UUID.randomUUID().toString().substring(0, 6);
		List<List<String>> rows = new ArrayList<>();
		rows.add(Ledgers.HEADINGS);
		rows.add(Ledgers.row("旅程一号驿站", host, 30.2711, 120.1101));
		List<String> bad = new ArrayList<>(Ledgers.row("旅程二号驿站", host, 30.2722, 120.1202));
		bad.set(5, "三十点二");
		rows.add(bad);
		Path folder = Files.createTempDirectory("ledger");
		Path ledger = folder.resolve("西湖区台账.csv");
		Files.write(ledger, Ledgers.csv(rows));

		BrowserContext desk = chromium.newContext("zh-CN");
		Page console = desk.newPage();
		ConsoleLogin.signIn(console, "xihu-admin", TestAccounts.DEMO_PASSWORD);
		console.click("#nav-operations");
		console.click("#nav-station-import");
		assertThat(console.locator("h1")).hasText("导入驿站台账");
		console.setInputFiles("#import-file", ledger);
		console.click("#import-check");
		// the page's script sends the file and then opens the report the server names
		console.waitForURL(REPORT);

		assertThat(console.locator("#import-counts")).containsText("共 2 行");
		assertThat(console.locator("#problems-table tr.import-problem")).hasCount(1);
		assertThat(console.locator("#problems-table tr.import-problem td").nth(0)).hasText("3");
		assertThat(console.locator("#problems-table tr.import-problem td").nth(1)).hasText("纬度");
		assertThat(console.locator("#problems-table tr.import-problem td").nth(2)).containsText("三十点二");
		assertThat(console.locator("#import-all")).isDisabled();

		rows.set(2, Ledgers.row("旅程二号驿站", host, 30.2722, 120.1202));
		Files.write(ledger, Ledgers.csv(rows));
		console.navigate("/console/imports/stations");
		console.setInputFiles("#import-file", ledger);
		console.click("#import-check");
		console.waitForURL(REPORT);
		assertThat(console.locator("#import-counts")).containsText("新增 2");
		assertThat(console.locator("#import-problems")).hasCount(0);
		console.click("#import-all");
		assertThat(console.locator("#import-done")).containsText("新增 2");
		assertThat(console.locator("#import-status")).hasText("已导入");
		assertThat(this.jdbc.sql("select count(*) from station where host_name = ? and status = 'DRAFT'")
			.param(host)
			.query(Long.class)
			.single()).isEqualTo(2);

		console.navigate("/console/stations?q=" + host);
		assertThat(console.locator("#station-table tbody tr")).hasCount(2);
		Download download = console.waitForDownload(() -> console.click("#export-csv"));
		String exported = Files.readString(download.path());
		assertThat(exported).contains("旅程一号驿站").contains("旅程二号驿站").contains(host);
		assertThat(exported.lines().count()).as("the heading and the two stations the list shows").isEqualTo(3);
	}

}
