package org.yizhan.reporting.web;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.platform.YizhanTime;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.TestAccounts;

import org.springframework.boot.test.context.SpringBootTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national admin, in Chromium, signs in and lands on the national dashboard, its
 * charts drawn beside their tables; drills down through 浙江省 to 杭州市, downloads a table as
 * Excel (the same counts), makes the month's report and downloads its PDF, drills down to
 * 西湖区 and back up by the breadcrumb, makes a display token and opens the display page in
 * a browser that is signed in to nothing. No page has an accessibility violation of
 * serious or critical impact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardJourneyTests {

	static final Set<String> BLOCKING = Set.of("serious", "critical");

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void theNationalAdminLandsOnTheDashboardDrillsDownDownloadsExcelAndTheMonthsPdfAndOpensTheDisplay()
			throws Exception {
		List<String> violations = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		String displayUrl;
		String hangzhouStations;
		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			page.onPageError(errors::add);
			ConsoleLogin.signInToDashboard(page, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
			assertThat(page.locator("#dashboard-union")).hasText("中华全国总工会");
			assertThat(page.locator("#table-status tbody tr")).hasCount(4);
			assertThat(page.locator("[data-dashboard-chart] canvas").first()).isVisible();
			page.click("#nav-rating");
			assertThat(page.locator("#nav-dashboard")).isVisible();
			page.keyboard().press("Escape");
			violations.addAll(blocking("national dashboard", page));

			page.locator("#table-children a", new Page.LocatorOptions().setHasText("浙江省总工会")).click();
			assertThat(page).hasURL(Pattern.compile(".*/console/dashboard\\?org=330000$"));
			page.locator("#table-children a", new Page.LocatorOptions().setHasText("杭州市总工会")).click();
			assertThat(page).hasURL(Pattern.compile(".*/console/dashboard\\?org=330100$"));
			assertThat(page.locator("#dashboard-union")).hasText("杭州市总工会");
			assertThat(page.locator(".breadcrumb a")).hasText(new String[] { "中华全国总工会", "浙江省总工会", "杭州市总工会" });
			hangzhouStations = page.locator("#kpi-stations").textContent();
			Locator listed = page.locator("#table-status tbody tr", new Page.LocatorOptions().setHasText("已上图"));
			String listedCount = listed.locator("td").textContent();

			Download download = page.waitForDownload(() -> page.click("#export-status"));
			assertThat(download.suggestedFilename()).startsWith("dashboard-330100-status-").endsWith(".xlsx");
			try (InputStream in = Files.newInputStream(download.path());
					ReadableWorkbook workbook = new ReadableWorkbook(in)) {
				Sheet sheet = workbook.getFirstSheet();
				List<Row> rows = sheet.read();
				assertThat(rows.get(0).getCellText(0)).startsWith("杭州市总工会");
				assertThat(rows.get(2).getCellText(0)).isEqualTo("状态");
				Row listedRow = rows.stream().filter(row -> "已上图".equals(row.getCellText(0))).findFirst().orElseThrow();
				assertThat(listedRow.getCellAsNumber(1).orElseThrow().longValue())
					.isEqualTo(Long.parseLong(listedCount));
			}

			// the month's report, made on demand (the form offers this month), as PDF
			YearMonth month = YearMonth.now(YizhanTime.ZONE);
			page.click("#reports-link");
			assertThat(page.locator("#reports-union")).hasText("杭州市总工会");
			assertThat(page.locator("#period")).hasValue(month.toString());
			page.click("#report-make");
			assertThat(page.locator("main [role=status]")).isVisible();
			Locator made = page.locator("#report-list tbody tr[data-made=true]");
			assertThat(made.locator("th")).hasText(month.getYear() + "年" + month.getMonthValue() + "月");
			Download pdf = page.waitForDownload(() -> made.locator("a[id^=report-pdf-]").click());
			assertThat(pdf.suggestedFilename()).startsWith("report-330100-" + month + "-").endsWith(".pdf");
			try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
				String text = new PDFTextStripper().getText(document);
				assertThat(text).contains("杭州市总工会", "月报", "驿站状态", "西湖区总工会");
			}
			violations.addAll(blocking("reports", page));

			// down to a district, and back up to the city by the breadcrumb
			page.click("#back-to-dashboard");
			page.locator("#table-children a", new Page.LocatorOptions().setHasText("西湖区总工会")).click();
			assertThat(page).hasURL(Pattern.compile(".*/console/dashboard\\?org=330106$"));
			assertThat(page.locator("#dashboard-union")).hasText("西湖区总工会");
			assertThat(page.locator(".breadcrumb a")).hasText(new String[] { "中华全国总工会", "浙江省总工会", "杭州市总工会", "西湖区总工会" });
			page.locator(".breadcrumb a", new Page.LocatorOptions().setHasText("杭州市总工会")).click();
			assertThat(page.locator("#dashboard-union")).hasText("杭州市总工会");

			page.click("#displays-link");
			page.fill("#label", "杭州指挥中心大屏");
			page.click("#display-create");
			assertThat(page.locator("#display-created")).containsText("杭州指挥中心大屏");
			displayUrl = page.locator("#display-url").inputValue();
			assertThat(page.locator("#display-tokens tbody")).containsText("杭州指挥中心大屏");
			violations.addAll(blocking("display tokens", page));
		}
		try (BrowserContext screen = chromium.newContext("zh-CN")) {
			Page display = screen.newPage();
			display.onPageError(errors::add);
			display.navigate(displayUrl);
			assertThat(display.locator("#display-union")).hasText("杭州市总工会");
			assertThat(display.locator("#kpi-stations")).hasText(hangzhouStations);
			assertThat(display.locator("#display-figures")).hasAttribute("hx-trigger", "every 60s");
			assertThat(display.locator("[data-dashboard-chart] canvas").first()).isVisible();
			violations.addAll(blocking("display", display));
			display.navigate("/console/dashboard");
			assertThat(display).hasURL(Pattern.compile(".*/login$"));
		}
		assertThat(violations).isEmpty();
		assertThat(errors).isEmpty();
	}

	private static List<String> blocking(String name, Page page) {
		AxeResults results = new AxeBuilder(page).analyze();
		assertThat(results.isErrored()).as(results.getErrorMessage()).isFalse();
		List<String> found = new ArrayList<>();
		for (Rule rule : results.getViolations()) {
			if (BLOCKING.contains(rule.getImpact())) {
				found.add(name + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
						+ rule.getNodes().stream().limit(5).map(node -> String.valueOf(node.getTarget())).toList());
			}
		}
		return found;
	}

}
