package org.yizhan.reporting;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.YizhanTime;
import org.yizhan.rating.RatingRows;
import org.yizhan.reporting.web.ReportFiles;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A union's monthly and yearly reports hold the numbers the dashboard shows for the same
 * months, read back from what the report keeps; the schedule makes one report per union
 * and period even when two instances run it at once; a period is checked field by field.
 */
@SpringBootTest
class UnionReportsTests {

	/** 南京市玄武区 and its city: the ratings and visits below are made there. */
	static final String XUANWU = "320102";

	static final String NANJING = "320100";

	@Autowired
	UnionReports reports;

	@Autowired
	UnionDashboards dashboards;

	@Autowired
	OrganizationTree organizations;

	@Autowired
	StationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ReportFiles files;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aMonthlyAndAYearlyReportHoldTheDashboardsNumbersForTheSameMonths() {
		ActingAsNationalAdmin.signIn();
		LocalDate today = LocalDate.now(YizhanTime.ZONE);
		Station station = TestStations.listed(this.registry, "报告驿站" + UUID.randomUUID().toString().substring(0, 6),
				"南京市玄武区报告路 1 号", XUANWU, 32.0485, 118.7970);
		RatingRows ratings = new RatingRows(this.jdbc);
		ratings.at(station.id()).on(today).stars(5).insert();
		ratings.at(station.id()).on(today).stars(3).insert();
		ratings.at(station.id()).on(today.minusMonths(1)).stars(2).insert();
		this.jdbc.sql("""
				insert into visit_day (station_id, day, district_code, check_ins, tally)
				values (:id, :day, :district, 3, 9), (:id, :before, :district, 4, null)""")
			.param("id", station.id().value())
			.param("day", today)
			.param("before", today.minusMonths(1))
			.param("district", XUANWU)
			.update();

		for (String code : List.of(XUANWU, NANJING)) {
			Dashboard dashboard = this.dashboards.forUnion(code);
			for (int back = 0; back < 2; back++) {
				YearMonth month = YearMonth.from(today).minusMonths(back);
				UnionReport made = this.reports.make(code, "MONTH", month.toString());
				assertThat(made.scheduled()).isFalse();
				assertThat(made.madeBy()).isEqualTo("admin");
				Dashboard kept = this.reports.get(made.id()).figures();
				assertThat(kept.months()).as("one month in a monthly report").hasSize(1);
				Dashboard.Month shown = dashboard.months().get(dashboard.months().size() - 1 - back);
				assertThat(kept.months().get(0)).as("%s of %s", month, code).isEqualTo(shown);
				assertThat(kept.stations()).as("stations of %s", code).isEqualTo(dashboard.stations());
				assertThat(kept.cases()).as("cases of %s", code).isEqualTo(dashboard.cases());
				assertThat(kept.union()).isEqualTo(dashboard.union());
			}
			// a year's report sums the dashboard's months of that year, month by month
			UnionReport yearly = this.reports.make(code, "YEAR", Integer.toString(today.getYear()));
			Dashboard year = this.reports.get(yearly.id()).figures();
			assertThat(year.months()).hasSize(12);
			List<Dashboard.Month> shownThisYear = dashboard.months()
				.stream()
				.filter(month -> month.month().getYear() == today.getYear())
				.toList();
			assertThat(year.months().stream().filter(month -> !month.month().isAfter(YearMonth.from(today))).toList())
				.as("the year's months so far of %s", code)
				.containsExactlyElementsOf(shownThisYear);
			assertThat(year.totals().ratings())
				.isEqualTo(shownThisYear.stream().mapToLong(Dashboard.Month::ratings).sum());
		}
		Dashboard.Month thisMonth = this.reports
			.get(this.reports.make(XUANWU, "MONTH", YearMonth.from(today).toString()).id())
			.figures()
			.months()
			.get(0);
		assertThat(thisMonth.ratings()).as("this test's two ratings at least").isGreaterThanOrEqualTo(2);
		assertThat(thisMonth.visits()).as("the larger of check-ins and tally").isGreaterThanOrEqualTo(9);
		List<UnionReport> listed = this.reports.list(XUANWU);
		assertThat(listed).extracting(report -> report.period().text())
			.contains(YearMonth.from(today).toString(), Integer.toString(today.getYear()));
	}

	@Test
	void theScheduleMakesOneReportPerUnionAndPeriodEvenWhenTwoInstancesRunItAtOnce() throws Exception {
		ReportPeriod period = ReportPeriod.month(YearMonth.of(2024, 3 + (int) (System.nanoTime() % 9)));
		List<Organization> unions = List.of(this.organizations.findByCode(XUANWU).orElseThrow(),
				this.organizations.findByCode(NANJING).orElseThrow());
		this.jdbc.sql("delete from reporting_report where scheduled and period = :period")
			.param("period", period.text())
			.update();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try {
			List<CompletableFuture<Integer>> runs = List.of(
					CompletableFuture.supplyAsync(() -> await(start, period, unions), instances),
					CompletableFuture.supplyAsync(() -> await(start, period, unions), instances));
			start.countDown();
			int made = runs.stream().mapToInt(CompletableFuture::join).sum();
			assertThat(made).as("reports made by both runs together").isEqualTo(2);
		}
		finally {
			instances.shutdown();
		}
		assertThat(this.reports.makeScheduled(period, unions)).as("a second run makes nothing").isZero();
		Map<String, Object> rows = this.jdbc.sql("""
				select count(*) as reports, count(distinct union_code) as unions, min(made_by) as made_by
				from reporting_report where scheduled and kind = 'MONTH' and period = :period""")
			.param("period", period.text())
			.query()
			.singleRow();
		assertThat(rows).containsEntry("reports", 2L).containsEntry("unions", 2L).containsEntry("made_by", "system");
		assertThat(this.reports.listReportingUnions()).extracting(Organization::code)
			.as("every tier with a station below it, no street or industry union")
			.contains("100000", "320000", NANJING, XUANWU)
			.allSatisfy(code -> assertThat(code).doesNotContain("-"));
	}

	@Test
	void aReportsPdfIsChineseTextWithItsFontEmbeddedAndItsExcelHoldsTheSameNumbers() throws Exception {
		ActingAsNationalAdmin.signIn();
		YearMonth month = YearMonth.now(YizhanTime.ZONE);
		UnionReport made = this.reports.make(NANJING, "MONTH", month.toString());
		Dashboard figures = this.reports.get(made.id()).figures();

		ReportFiles.File pdf = this.files.pdf(made.id(), Locale.SIMPLIFIED_CHINESE);
		assertThat(pdf.name()).isEqualTo("report-320100-" + month + "-" + made.id() + ".pdf");
		try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("南京市总工会", month.getYear() + "年" + month.getMonthValue() + "月", "月报", "满意度趋势",
					"下级工会", "玄武区总工会");
			assertThat(text).as("no character printed as missing").doesNotContain("〓");
			PDFont font = document.getPage(0)
				.getResources()
				.getFont(document.getPage(0).getResources().getFontNames().iterator().next());
			assertThat(font.isEmbedded()).isTrue();
			assertThat(font.getName()).contains("WenQuanYi");
		}
		ReportFiles.File xlsx = this.files.xlsx(made.id(), Locale.SIMPLIFIED_CHINESE);
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
			Sheet visits = workbook.getSheets()
				.filter(sheet -> sheet.getName().contains("服务人次"))
				.findFirst()
				.orElseThrow();
			Row row = visits.read().get(3);
			assertThat(row.getCellText(0)).isEqualTo(month.getYear() + "年" + month.getMonthValue() + "月");
			assertThat(row.getCellAsNumber(1).orElseThrow().longValue()).isEqualTo(figures.months().get(0).visits());
		}
	}

	@Test
	void aPeriodIsAMonthOrAYearThatHasBegunNamedByItsField() {
		ActingAsNationalAdmin.signIn();
		LocalDate today = LocalDate.now(YizhanTime.ZONE);
		assertThatThrownBy(() -> this.reports.make(XUANWU, "WEEK", "2026-11")).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.violations()).extracting(v -> v.field()).containsExactly("kind"));
		for (String[] bad : new String[][] { { "MONTH", "2026-13" }, { "MONTH", "" }, { "YEAR", "26" },
				{ "YEAR", Integer.toString(today.getYear() + 1) },
				{ "MONTH", YearMonth.from(today).plusMonths(1).toString() } }) {
			assertThatThrownBy(() -> this.reports.make(XUANWU, bad[0], bad[1])).as("%s %s", bad[0], bad[1])
				.isInstanceOfSatisfying(InvalidInputException.class,
						ex -> assertThat(ex.violations()).extracting(v -> v.field()).containsExactly("period"));
		}
		assertThat(ReportPeriod.parse("year", " 2025 ", today)).isEqualTo(ReportPeriod.year(2025));
		assertThat(ReportPeriod.year(2025).last()).isEqualTo(YearMonth.of(2025, 12));
	}

	private int await(CountDownLatch start, ReportPeriod period, List<Organization> unions) {
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return this.reports.makeScheduled(period, unions);
	}

}
