package org.yizhan.grading.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Station;
import org.yizhan.station.StationGrades;
import org.yizhan.station.StationLevel;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestStations;
import org.yizhan.ticket.TicketFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grading in Chromium, as issue 16 tells it: a city union's admin sees which station
 * would lose its stars, runs the year's assessment, reads why a station is proposed as it
 * is, names the changes as one batch under a document number, and the station's public
 * page in the finder shows the level and stars decided (the city names a station proposed
 * provincial a city-level one).
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class GradingJourneyTests {

	/** 遵义市 and its 红花岗区: no other test grades stations there. */
	static final String ZUNYI = "520300";

	static final String HONGHUAGANG = "520302";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	ApplicationContext context;

	@Autowired
	StationRegistry registry;

	@Autowired
	StationGrades grades;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCityAdminReviewsTheRiskRunsTheAssessmentAndNamesABatch() throws Exception {
		int year = LocalDate.now(YizhanTime.ZONE).getYear() - 1;
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		Station busy = TestStations.listed(this.registry, "遵义繁忙驿站" + suffix, "遵义市红花岗区测试路 1 号", HONGHUAGANG, 27.6942,
				106.9272);
		Station silent = TestStations.listed(this.registry, "遵义沉默驿站" + suffix, "遵义市红花岗区测试路 2 号", HONGHUAGANG, 27.6950,
				106.9280);
		this.grades.apply(silent.id(), StationLevel.CITY, 5, "旧台账星级");
		evidence(busy, year);
		TicketFixtures.Person admin = TicketFixtures.of(this.context).account(ZUNYI, List.of("ORG_ADMIN"));

		try (BrowserContext desk = chromium.newContext("zh-CN")) {
			Page page = desk.newPage();
			ConsoleLogin.signInAnywhere(page, admin.username(), TestAccounts.PASSWORD);

			page.locator("#nav-inspection").click();
			page.locator("#nav-grading-at-risk").click();
			assertThat(page.locator(".at-risk-station[data-code='" + silent.code() + "']")).containsText("满意率");
			assertThat(page.locator(".at-risk-station[data-code='" + busy.code() + "']")).hasCount(0);

			// the runs' entry sits in the same drop-down (ConsoleMenuAccessTests checks
			// each
			// entry opens); its address is taken from it
			page.navigate(page.locator("#nav-grading-runs").getAttribute("href"));
			page.locator("#union").fill(ZUNYI);
			page.locator("#year").fill(Integer.toString(year));
			page.locator("#run-start").click();
			assertThat(page.locator(".alert-success")).containsText("评定已完成");
			assertThat(page.locator(".proposal[data-code='" + busy.code() + "'] .proposed")).hasText("省级 · 4★");

			page.locator(".proposal[data-code='" + busy.code() + "'] a").click();
			assertThat(page.locator("#score")).hasText("80.0");
			assertThat(page.locator("#explanation tr[data-criterion='VISITS'] .value")).hasText("3000");
			assertThat(page.locator("#explanation tr[data-criterion='SATISFACTION'] .value")).hasText("100.0");
			assertThat(page.locator("#explanation tr[data-criterion='INSPECTION'] .value")).hasText("无证据");
			page.goBack();

			page.locator("#documentNumber").fill("遵工发〔" + year + "〕" + suffix + "号");
			page.locator("#batch-accept").click();
			assertThat(page.locator(".alert-success")).containsText("已按文号批量命名");
			assertThat(page.locator("#batches")).containsText("遵工发");
		}

		try (BrowserContext phone = chromium.newPhoneContext("zh-CN", 27.6942, 106.9272)) {
			Page page = phone.newPage();
			page.navigate("/stations/" + busy.id().value());
			assertThat(page.locator("#station-grade")).hasText("市级 · ★★★★");
		}
		// the account fixture's request cleared the test's own sign-in
		ActingAsNationalAdmin.signIn();
		assertThat(this.registry.getById(silent.id()).details().stars()).as("the silent station's stars cut").isZero();
	}

	/**
	 * A year of evidence: 3,000 visits, every month's ratings satisfied, the checklist
	 * met.
	 */
	private void evidence(Station station, int year) {
		this.jdbc
			.sql("insert into visit_day (station_id, day, district_code, check_ins) values (:s, :d, :district, 3000)")
			.param("s", station.id().value())
			.param("d", LocalDate.of(year, 6, 1))
			.param("district", HONGHUAGANG)
			.update();
		for (int month = 1; month <= 12; month++) {
			for (int y : new int[] { year, year - 1 }) {
				this.jdbc
					.sql("""
							insert into rating_station_month (station_id, month, counted_through, stars_through, satisfied_through)
							values (:s, :m, array_fill(10, array[31]), array_fill(50, array[31]), array_fill(:sat, array[31]))""")
					.param("s", station.id().value())
					.param("m", LocalDate.of(y, month, 1))
					.param("sat", y == year ? 10 : 8)
					.update();
			}
		}
		this.jdbc.sql("""
				insert into station_judgement (station_id, checklist_version_id, purpose, met, judged_at, judged_by)
				values (:s, (select min(id) from checklist_version), 'RECORDED', true, :at, 'grading-journey')""")
			.param("s", station.id().value())
			.param("at", java.sql.Timestamp.from(LocalDate.of(year, 3, 1).atStartOfDay(YizhanTime.ZONE).toInstant()))
			.update();
	}

}
