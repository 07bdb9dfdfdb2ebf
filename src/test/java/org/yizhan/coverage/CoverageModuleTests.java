package org.yizhan.coverage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.geo.GeoPoint;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.ModuleBeans;

import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Coverage starts with the modules it declares, and a station's listing reaches its copy
 * of the listed stations through the station events: the next report counts it.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ExtendWith(ActingAsNationalAdmin.class)
class CoverageModuleTests {

	private static final CoverageQuery XIHU_WALK = new CoverageQuery("330106", TravelMode.WALK, Duration.ofMinutes(15),
			null);

	private final ApplicationContext context;

	private final StationRegistry registry;

	private final CoverageAnalysis analysis;

	CoverageModuleTests(ApplicationContext context, StationRegistry registry, CoverageAnalysis analysis) {
		this.context = context;
		this.registry = registry;
		this.analysis = analysis;
	}

	@Test
	void startsWithOnlyTheModulesItDeclares() {
		assertThat(ModuleBeans.modulesWithBeans(context)).containsExactlyInAnyOrder("coverage", "station",
				"organization", "calendar", "platform");
	}

	@Test
	void aListedStationCountsInTheNextReport(Scenario scenario) {
		int before = listedInXihu();
		Station draft = registry.create(new StationInput("覆盖模块测试驿站", "杭州市西湖区文三路 96 号", "330106", "西湖区环卫所",
				"SANITATION_DEPOT", 30.2781, 120.1318, "wgs84", null, 4, List.of("DRINKING_WATER"), "24/7", null, null,
				false, null, null, null, null));

		scenario.stimulate(() -> registry.list(draft.id(), 0L))
			.andWaitForStateChange(this::listedInXihu, (listed) -> listed > before)
			.andVerify((listed) -> assertThat(listed).isEqualTo(before + 1));
	}

	@Test
	void aSitesGainsAreTheMarginalGainsOfThatPointByDayAndAtNight() {
		CoverageReport report = analysis.report(XIHU_WALK);
		List<GeoPoint> sites = new ArrayList<>();
		report.gaps().forEach(gap -> sites.add(gap.centroid()));
		sites.add(GeoPoint.of(30.2781, 120.1318));
		sites.add(GeoPoint.of(30.2590, 120.1300));
		for (Instant at : new Instant[] { null, Instant.parse("2026-12-09T06:00:00Z"),
				Instant.parse("2026-12-08T18:00:00Z") }) {
			CoverageQuery query = new CoverageQuery("330106", TravelMode.WALK, Duration.ofMinutes(15), at);
			List<SiteGain> gains = analysis.gainsOf(query, sites);
			assertThat(gains).hasSameSizeAs(sites);
			for (SiteGain gain : gains) {
				assertThat(gain.addsSingle())
					.isEqualTo(analysis.marginalGain(query, gain.site(), CoverageObjective.SINGLE));
				assertThat(gain.crossObjectiveGain())
					.isEqualTo(analysis.marginalGain(query, gain.site(), CoverageObjective.DOUBLE));
				assertThat(gain.addsSingle() + gain.addsCross()).isCloseTo(gain.crossObjectiveGain(), within(1e-12));
				assertThat(gain.reached()).isGreaterThanOrEqualTo(gain.crossObjectiveGain() - 1e-12);
			}
		}
		// the first gap is uncovered by definition: a station there adds single coverage
		assertThat(analysis.gainsOf(XIHU_WALK, List.of(report.gaps().get(0).centroid())).get(0).addsSingle())
			.isPositive();
	}

	@Test
	void theNearestStationOfASiteIsTheNearestListedOne() {
		GeoPoint site = GeoPoint.of(30.2700, 120.1250);
		SiteGain gain = analysis.gainsOf(XIHU_WALK, List.of(site)).get(0);
		ListedStations.Snapshot all = context.getBean(ListedStations.class).snapshot();
		double best = Double.POSITIVE_INFINITY;
		String code = null;
		for (int s = 0; s < all.size(); s++) {
			double d = GeoPoint.distanceMeters(site.lat(), site.lon(), all.lats()[s], all.lons()[s]);
			if (d < best) {
				best = d;
				code = all.codes()[s];
			}
		}
		assertThat(gain.nearestStationCode()).isEqualTo(code);
		assertThat(gain.nearestStationMeters()).isEqualTo(best);
	}

	/**
	 * Two sites 30 m apart in the largest gap each add more than a site in another gap,
	 * so the two best one by one are those two; together they add little more than one of
	 * them. The solver takes one of them and the other gap.
	 */
	@Test
	void choosingTwoTogetherBeatsTheTwoBestOneByOne() {
		CoverageReport report = analysis.report(XIHU_WALK);
		List<GeoPoint> gaps = report.gaps().stream().map(CoverageReport.Gap::centroid).toList();
		List<SiteGain> alone = analysis.gainsOf(XIHU_WALK, gaps)
			.stream()
			.filter(g -> g.areaCode() != null)
			.sorted(Comparator.comparingDouble(SiteGain::addsSingle).reversed())
			.toList();
		GeoPoint a = alone.get(0).site();
		GeoPoint b = GeoPoint.of(a.lat() + 30 / 111_195.0, a.lon());
		GeoPoint c = alone.get(1).site();
		List<SiteGain> three = analysis.gainsOf(XIHU_WALK, List.of(a, b, c));
		assertThat(three.get(1).addsSingle()).as("the construction: b alone beats c alone")
			.isGreaterThan(three.get(2).addsSingle());
		List<SiteChoice.Candidate> candidates = List.of(new SiteChoice.Candidate("a", a),
				new SiteChoice.Candidate("b", b), new SiteChoice.Candidate("c", c));

		SiteChoice chosen = analysis.chooseAmong(XIHU_WALK, 2, CoverageObjective.SINGLE, candidates);
		SiteChoice greedyByScore = analysis.chooseAmong(XIHU_WALK, 2, CoverageObjective.SINGLE,
				candidates.subList(0, 2));

		assertThat(chosen.picks()).extracting(SiteChoice.Pick::id).contains("c");
		assertThat(chosen.coveredAfter()).isGreaterThan(greedyByScore.coveredAfter());
		SiteChoice.Pick first = chosen.picks().get(0);
		assertThat(first.gain()).isCloseTo(three.get(first.id().equals("a") ? 0 : 1).addsSingle(), within(1e-9));
		double sum = chosen.picks().stream().mapToDouble(SiteChoice.Pick::gain).sum();
		assertThat(chosen.coveredBefore() + sum).isCloseTo(chosen.coveredAfter(), within(1e-12));
	}

	private int listedInXihu() {
		ActingAsNationalAdmin.signIn();
		return analysis.report(XIHU_WALK).total().listed().stations();
	}

}
