package org.yizhan.onboarding;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.coverage.CoverageAnalysis;
import org.yizhan.coverage.CoverageQuery;
import org.yizhan.coverage.CoverageReport;
import org.yizhan.coverage.SiteGain;
import org.yizhan.geo.GeoPoint;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestImages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The district's admin scores the applications of Xihu, sorts them, chooses two with the
 * solver and reads one application's score panel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SelectionJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Applications applications;

	@Autowired
	ApplicationScoring scoring;

	@Autowired
	CoverageAnalysis coverage;

	@Test
	void anAdminScoresChoosesTwoAndReadsAScorePanel() {
		ApplicationFixtures fixtures = new ApplicationFixtures(this.jdbc);
		long first = apply("选址甲", fixtures.freeSite("330106"));
		apply("选址乙", fixtures.freeSite("330106"));
		// and one in the district's largest gap by day, which adds coverage for sure
		ActingAsNationalAdmin.signIn();
		GeoPoint gap;
		try {
			CoverageQuery day = this.scoring.queryOf("330106", this.scoring.dayAndNight()[0]);
			gap = this.coverage
				.gainsOf(day, this.coverage.report(day).gaps().stream().map(CoverageReport.Gap::centroid).toList())
				.stream()
				.filter(g -> "330106".equals(g.areaCode()))
				.max(Comparator.comparingDouble(SiteGain::addsSingle))
				.orElseThrow()
				.site();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		long inTheGap = apply("选址丙", gap);

		BrowserContext desk = chromium.newContext("zh-CN");
		Page console = desk.newPage();
		ConsoleLogin.signIn(console, "xihu-admin", TestAccounts.DEMO_PASSWORD);
		console.navigate("/console/applications/selection");
		assertThat(console.locator("h1")).hasText("申请评分与选址");
		console.click("#score-all");
		assertThat(console.locator("#scored-notice")).containsText("已评分");
		// other tests' applications in the district share the list's pages: any row will
		// do here, and this test's own application is checked on its page below
		assertThat(console.locator("#selection-table tr[data-id] .day-single").first()).containsText("%");
		assertThat(console.locator("#application-map")).hasAttribute("data-marker-count",
				java.util.regex.Pattern.compile("[1-9][0-9]*"));

		console.selectOption("#sort", "NEAREST");
		console.click("#selection-filter");
		assertThat(console.locator("#sort")).hasValue("NEAREST");

		console.fill("#n", "2");
		console.click("#choose");
		assertThat(console.locator("#selection-result")).containsText("选出");
		// the gap's application adds coverage, so something is picked (another test's
		// application at the same gap may be picked instead of it)
		assertThat(console.locator("#picks li")).not().hasCount(0);
		assertThat(console.locator("#selection-table tr[data-id='" + inTheGap + "'] .day-single")).not()
			.hasText("0.00%");
		assertThat(console.locator("#picks li .pick-gain").first()).containsText("+");
		console.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/application-selection.png"))
			.setFullPage(true));

		console.navigate("/console/applications/" + first);
		assertThat(console.locator("#score-panel")).isVisible();
		assertThat(console.locator("#score-day-single")).containsText("%");
		assertThat(console.locator("#score-spacing")).containsText("最近在册驿站");
		assertThat(console.locator("#score-panel")).containsText("评分");
		console.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/application-score.png"))
			.setFullPage(true));
		assertThat(this.jdbc.sql("select count(*) from application_score where application_id = ?")
			.param(first)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private long apply(String name, GeoPoint site) {
		Map<String, Object> application = ApplicationFixtures.application(ApplicationFixtures.randomCreditCode(),
				name + System.nanoTime(), "330106", site);
		Applications.Receipt receipt = this.applications.submit(OnboardingAccessRows.input(application),
				List.of(TestImages.encode(TestImages.redLeftBlueRight(40, 30), "jpg")), "http://journey");
		return this.jdbc.sql("select id from application where token = ?")
			.param(receipt.token().value())
			.query(Long.class)
			.single();
	}

}
