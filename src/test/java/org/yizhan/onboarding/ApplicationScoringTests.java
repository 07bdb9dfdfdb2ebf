package org.yizhan.onboarding;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.coverage.CoverageAnalysis;
import org.yizhan.coverage.CoverageObjective;
import org.yizhan.coverage.CoverageQuery;
import org.yizhan.coverage.CoverageReport;
import org.yizhan.coverage.SiteChoice;
import org.yizhan.coverage.SiteGain;
import org.yizhan.geo.GeoPoint;
import org.yizhan.standard.Checklist;
import org.yizhan.standard.ChecklistInForce;
import org.yizhan.standard.Checklists;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.TestImages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Selection scores an application with coverage's own figures for its site, stores them
 * for the list, and "choose N" takes the set that adds most together, not the N best one
 * by one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ExtendWith(ActingAsNationalAdmin.class)
class ApplicationScoringTests {

	static final String XIHU = "330106";

	@Autowired
	Applications applications;

	@Autowired
	ApplicationScoring scoring;

	@Autowired
	ApplicationSelection selection;

	@Autowired
	CoverageAnalysis coverage;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Checklists checklists;

	@Test
	void theScoresCoveragePartIsTheCoverageModulesFigureForTheSamePoint() {
		GeoPoint site = new ApplicationFixtures(this.jdbc).freeSite(XIHU);
		long id = apply("评分门店", site);

		ApplicationScore score = this.scoring.explain(id);

		Instant[] dayAndNight = this.scoring.dayAndNight();
		CoverageQuery day = this.scoring.queryOf(XIHU, dayAndNight[0]);
		CoverageQuery night = this.scoring.queryOf(XIHU, dayAndNight[1]);
		ApplicationScore.Coverage figures = score.coverage();
		assertThat(figures.daySingle()).isEqualTo(this.coverage.marginalGain(day, site, CoverageObjective.SINGLE));
		assertThat(figures.nightSingle()).isEqualTo(this.coverage.marginalGain(night, site, CoverageObjective.SINGLE));
		assertThat(figures.daySingle() + figures.dayCross())
			.isCloseTo(this.coverage.marginalGain(day, site, CoverageObjective.DOUBLE), within(1e-12));
		assertThat(figures.nightSingle() + figures.nightCross())
			.isCloseTo(this.coverage.marginalGain(night, site, CoverageObjective.DOUBLE), within(1e-12));
		// the site was drawn a few hundred metres from a listed station, so one is near
		assertThat(score.spacing().nearestMeters()).isBetween(100.0, 600.0);
		assertThat(score.spacing().withinRule()).isTrue();

		this.scoring.scoreAll(XIHU);
		ScoredApplication stored = this.scoring
			.list(new ScoreQuery(null, XIHU, null, null, ScoreQuery.Sort.DAY_SINGLE), 0, 200)
			.content()
			.stream()
			.filter(a -> a.id() == id)
			.findFirst()
			.orElseGet(() -> findAmongAll(id));
		assertThat(stored.daySingle()).isEqualTo(figures.daySingle());
		assertThat(stored.nightCross()).isEqualTo(figures.nightCross());
		assertThat(stored.nearestStationMeters()).isEqualTo(score.spacing().nearestMeters());
		assertThat(stored.requiredFailed()).isEqualTo((int) score.requiredFailed());
	}

	@Test
	void aSiteBelowTheMinimumAreaFailsThatItem() {
		GeoPoint site = new ApplicationFixtures(this.jdbc).freeSite(XIHU);
		ScoreRepository.Site small = new ScoreRepository.Site(0, "小店", XIHU, site, 8, 2, false,
				java.util.EnumSet.of(org.yizhan.station.Amenity.DRINKING_WATER));
		Checklist shandong = this.checklists.listChecklists()
			.stream()
			.filter(c -> c.current().items().stream().anyMatch(i -> i.code().equals("street-level")))
			.findFirst()
			.orElseThrow();
		ChecklistInForce inForce = new ChecklistInForce(shandong.ownerCode(), shandong.ownerName(), shandong,
				shandong.current()
					.items()
					.stream()
					.map(i -> new ChecklistInForce.Item(i, shandong.current().id(), shandong.id()))
					.toList());
		List<ApplicationScore.Condition> conditions = ApplicationScoring.conditions(inForce, small);
		assertThat(conditions).filteredOn(c -> c.item().code().equals("area"))
			.extracting(ApplicationScore.Condition::verdict)
			.containsExactly(ApplicationScore.Verdict.NOT_MET);
		assertThat(conditions).filteredOn(c -> c.item().code().equals("street-level"))
			.extracting(ApplicationScore.Condition::verdict)
			.containsExactly(ApplicationScore.Verdict.NOT_MET);
	}

	/**
	 * Two applications 30 m apart in the largest gap each add more than one in the next
	 * gap, so the two best one by one are those two; together they add little more than
	 * one. "Choose 2" takes one of them and the other gap, and covers more.
	 */
	@Test
	void choosingNBeatsTheNBestByScore() {
		CoverageQuery day = this.scoring.queryOf(XIHU, this.scoring.dayAndNight()[0]);
		CoverageReport report = this.coverage.report(day);
		List<SiteGain> gaps = this.coverage
			.gainsOf(day, report.gaps().stream().map(CoverageReport.Gap::centroid).toList())
			.stream()
			.filter(g -> XIHU.equals(g.areaCode()))
			.sorted(Comparator.comparingDouble(SiteGain::addsSingle).reversed())
			.toList();
		GeoPoint a = gaps.get(0).site();
		GeoPoint b = GeoPoint.of(a.lat() + 30 / 111_195.0, a.lon());
		GeoPoint c = gaps.get(1).site();
		long idA = apply("缺口甲", a);
		long idB = apply("缺口乙", b);
		long idC = apply("缺口丙", c);
		this.scoring.scoreAll(XIHU);
		List<ScoredApplication> byScore = this.scoring
			.list(new ScoreQuery(null, XIHU, null, null, ScoreQuery.Sort.DAY_SINGLE), 0, 2)
			.content();
		assertThat(byScore).as("the construction: the two best by score are the neighbours")
			.extracting(ScoredApplication::id)
			.containsExactlyInAnyOrder(idA, idB);

		ApplicationSelection.Selection chosen = this.selection.choose(XIHU, 2, CoverageObjective.SINGLE, false);
		SiteChoice greedy = this.coverage.chooseAmong(day, 2, CoverageObjective.SINGLE,
				byScore.stream().map(s -> new SiteChoice.Candidate(Long.toString(s.id()), s.location())).toList());

		assertThat(chosen.picks()).extracting(ApplicationSelection.Pick::applicationId).contains(idC);
		assertThat(chosen.coveredAfter()).isGreaterThan(greedy.coveredAfter());
		double added = chosen.picks().stream().mapToDouble(ApplicationSelection.Pick::gain).sum();
		assertThat(chosen.coveredBefore() + added).isCloseTo(chosen.coveredAfter(), within(1e-12));
		assertThat(chosen.picks().get(0).gain()).isGreaterThanOrEqualTo(chosen.picks().get(1).gain());
	}

	private ScoredApplication findAmongAll(long id) {
		for (int page = 0;; page++) {
			ScoredPage result = this.scoring.list(new ScoreQuery(null, XIHU, null, null, null), page, 200);
			for (ScoredApplication a : result.content()) {
				if (a.id() == id) {
					return a;
				}
			}
			if (page + 1 >= result.totalPages()) {
				throw new AssertionError("application " + id + " not listed");
			}
		}
	}

	private long apply(String name, GeoPoint site) {
		Map<String, Object> application = ApplicationFixtures.application(ApplicationFixtures.randomCreditCode(),
				name + System.nanoTime(), XIHU, site);
		Applications.Receipt receipt = this.applications.submit(OnboardingAccessRows.input(application),
				List.of(TestImages.encode(TestImages.redLeftBlueRight(40, 30), "jpg")), "http://scoring");
		return this.jdbc.sql("select id from application where token = ?")
			.param(receipt.token().value())
			.query(Long.class)
			.single();
	}

}
