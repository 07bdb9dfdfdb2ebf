package org.yizhan.onboarding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.yizhan.coverage.CoverageAnalysis;
import org.yizhan.coverage.CoverageObjective;
import org.yizhan.coverage.CoverageQuery;
import org.yizhan.coverage.SiteChoice;
import org.yizhan.geo.GeoPoint;
import org.yizhan.support.ActingAsNationalAdmin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Selection at the scale of seed 000 (docs/benchmarks.md, "Selection"): 40,000
 * applications in the districts of Hangzhou (the demo city, every district with its
 * boundary), written straight into the tables; then the review list and the scored list,
 * filtered and paged; scoring all 40,000 against coverage; "choose 200"; and, on a small
 * instance (16 applications of one district, choose 3), the solver's pick against the
 * proven optimum found by trying all 560 sets. Not part of the build:
 * {@code bench/selection.sh}.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "yizhan.bench.selection", matches = "true")
class SelectionBenchmark {

	static final int APPLICATIONS = Integer.getInteger("yizhan.bench.selection.applications", 40_000);

	static final String CITY = "330100";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Applications applications;

	@Autowired
	ApplicationScoring scoring;

	@Autowired
	ApplicationSelection selection;

	@Autowired
	CoverageAnalysis coverage;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void fortyThousandApplicationsInOneCity() {
		System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"));
		long started = System.nanoTime();
		load();
		System.out.printf(Locale.ROOT, "loaded %,d applications in %.1f s%n", APPLICATIONS, seconds(started));
		this.jdbc.sql("analyze").update();
		ActingAsNationalAdmin.signIn();

		time("review list, newest first, page 1", () -> this.applications.list(ApplicationQuery.all(), 0, 50));
		time("review list, city and SUBMITTED, page 400",
				() -> this.applications.list(new ApplicationQuery(ApplicationStatus.SUBMITTED, CITY, null), 400, 50));
		time("review list, a district, flagged only",
				() -> this.applications.list(new ApplicationQuery(null, "330106", Boolean.TRUE), 0, 50));

		for (int run = 1; run <= 3; run++) {
			ApplicationScoring.ScoringRun scored = this.scoring.scoreAll(CITY);
			System.out.printf(Locale.ROOT, "score all: %,d applications in %,d ms (run %d)%n", scored.scored(),
					scored.millis(), run);
		}

		time("scored list, by single coverage added by day, page 1",
				() -> this.scoring.list(new ScoreQuery(null, CITY, null, null, ScoreQuery.Sort.DAY_SINGLE), 0, 50));
		time("scored list, by nearest station, required met, page 200",
				() -> this.scoring.list(new ScoreQuery(null, CITY, true, null, ScoreQuery.Sort.NEAREST), 200, 50));
		time("scored list, a district, beyond the spacing, by night cross", () -> this.scoring
			.list(new ScoreQuery(null, "330106", null, false, ScoreQuery.Sort.NIGHT_CROSS), 0, 50));

		for (int run = 1; run <= 2; run++) {
			ApplicationSelection.Selection chosen = this.selection.choose(CITY, 200, CoverageObjective.SINGLE, false);
			System.out.printf(Locale.ROOT,
					"choose 200 of %,d: %,d ms; coverage %.4f%% -> %.4f%%, upper bound %.4f%% (gap to the bound %.3f%% of the gain)%n",
					chosen.considered(), chosen.millis(), 100 * chosen.coveredBefore(), 100 * chosen.coveredAfter(),
					100 * chosen.upperBound(), 100 * (chosen.upperBound() - chosen.coveredAfter())
							/ (chosen.coveredAfter() - chosen.coveredBefore()));
		}
		smallInstance();
	}

	/**
	 * The 16 applications of one district that add the most alone (so they overlap),
	 * choose 3: the solver's value against the best of all 560 sets, each measured by
	 * coverage itself (a choice of exactly those three).
	 */
	private void smallInstance() {
		CoverageQuery day = this.scoring.queryOf("330106", this.scoring.dayAndNight()[0]);
		List<SiteChoice.Candidate> candidates = this.jdbc.sql("""
				select a.id, s.lat, s.lon from application a join host_site s on s.id = a.site_id
				join application_score sc on sc.application_id = a.id
				where a.district_code = '330106' and a.station_name like '基准%'
				order by sc.day_single desc, a.id limit 16
				""")
			.query((rs, n) -> new SiteChoice.Candidate(Long.toString(rs.getLong(1)),
					GeoPoint.of(rs.getDouble(2), rs.getDouble(3))))
			.list();
		long started = System.nanoTime();
		SiteChoice solver = this.coverage.chooseAmong(day, 3, CoverageObjective.SINGLE, candidates);
		double solverMillis = (System.nanoTime() - started) / 1e6;
		double best = 0;
		int sets = 0;
		started = System.nanoTime();
		for (int i = 0; i < candidates.size(); i++) {
			for (int j = i + 1; j < candidates.size(); j++) {
				for (int k = j + 1; k < candidates.size(); k++) {
					SiteChoice all = this.coverage.chooseAmong(day, 3, CoverageObjective.SINGLE,
							List.of(candidates.get(i), candidates.get(j), candidates.get(k)));
					best = Math.max(best, all.coveredAfter());
					sets++;
				}
			}
		}
		double gain = best - solver.coveredBefore();
		System.out.printf(Locale.ROOT,
				"small instance: choose 3 of %d in 330106 (%.4f%% before): solver %.6f%% in %.0f ms, optimum of %d sets %.6f%% (%.1f s); gap %.4f%% of the optimum's gain%n",
				candidates.size(), 100 * solver.coveredBefore(), 100 * solver.coveredAfter(), solverMillis, sets,
				100 * best, seconds(started), (gain > 0) ? 100 * (best - solver.coveredAfter()) / gain : 0.0);
	}

	private void time(String what, Supplier<?> call) {
		call.get();
		double[] millis = new double[10];
		for (int i = 0; i < millis.length; i++) {
			long started = System.nanoTime();
			call.get();
			millis[i] = (System.nanoTime() - started) / 1e6;
		}
		Arrays.sort(millis);
		System.out.printf(Locale.ROOT, "%s: median %.1f ms, max %.1f ms%n", what, millis[millis.length / 2],
				millis[millis.length - 1]);
	}

	/**
	 * Hosts, contacts, sites and applications straight into the tables, in four
	 * statements: sites within 3 km of the district's listed stations (shops crowd where
	 * stations are) and inside its boundary.
	 */
	private void load() {
		List<String[]> districts = this.jdbc.sql("""
				select a.org_code, a.geometry from coverage_area a join organization o on o.code = a.org_code
				where o.path like (select path from organization where code = :city) || '/%' order by a.org_code
				""").param("city", CITY).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
		SplittableRandom random = new SplittableRandom(40_000);
		List<String> codes = new ArrayList<>();
		List<Double> lats = new ArrayList<>();
		List<Double> lons = new ArrayList<>();
		int perDistrict = (APPLICATIONS + districts.size() - 1) / districts.size();
		for (String[] district : districts) {
			DistrictBoundary boundary = DistrictBoundary.parse(district[1]);
			List<double[]> stations = this.jdbc
				.sql("select lat, lon from station where district_code = ? and status = 'LISTED'")
				.param(district[0])
				.query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
				.list();
			int placed = 0;
			while (placed < perDistrict && codes.size() < APPLICATIONS && !stations.isEmpty()) {
				double[] near = stations.get(random.nextInt(stations.size()));
				double meters = random.nextDouble(3000);
				double bearing = random.nextDouble(2 * Math.PI);
				GeoPoint site = GeoPoint.of(near[0] + meters * Math.cos(bearing) / 111_320,
						near[1] + meters * Math.sin(bearing) / (111_320 * Math.cos(Math.toRadians(near[0]))));
				if (boundary.covers(site)) {
					codes.add(district[0]);
					lats.add(site.lat());
					lons.add(site.lon());
					placed++;
				}
			}
		}
		int n = codes.size();
		Double[] area = new Double[n];
		Integer[] floor = new Integer[n];
		Boolean[] street = new Boolean[n];
		for (int i = 0; i < n; i++) {
			area[i] = 6 + Math.floor(random.nextDouble(40) * 10) / 10;
			floor[i] = random.nextInt(5) == 0 ? 2 : 1;
			street[i] = random.nextInt(4) != 0;
		}
		this.jdbc
			.sql("""
					with input as (
					    select row_number() over () as i, u.* from unnest(cast(:codes as varchar[]), cast(:lats as float8[]),
					        cast(:lons as float8[]), cast(:area as float8[]), cast(:floor as int[]), cast(:street as boolean[]))
					        as u (district, lat, lon, area, floor, street)
					), hosts as (
					    insert into host (credit_code, name, kind, organization_code, created_at, updated_at)
					    select 'B' || lpad(i::text, 17, '0'), '基准商户' || i, 'MERCHANT_RESTAURANT', district, now(), now()
					    from input returning id, credit_code
					), contacts as (
					    insert into host_contact (host_id, name, phone_sealed, created_at)
					    select h.id, '基准', 'not-a-sealed-phone', now() from hosts h returning id, host_id
					), sites as (
					    insert into host_site (host_id, district_code, address, lat, lon, area_m2, floor, facing_street, created_at)
					    select h.id, i.district, '基准地址', i.lat, i.lon, i.area, i.floor, i.street, now()
					    from input i join hosts h on h.credit_code = 'B' || lpad(i.i::text, 17, '0')
					    returning id, host_id, district_code
					)
					insert into application (token, host_id, site_id, contact_id, district_code, station_name, amenities,
					    opening_hours, build_mode, status, duplicate, area_checked, created_at, status_changed_at, version)
					select 'bench' || s.id, s.host_id, s.id, c.id, s.district_code, '基准驿站' || s.id,
					    case when s.id % 3 = 0 then array['DRINKING_WATER','SEATING']::varchar[]
					         else array['DRINKING_WATER','MICROWAVE','SEATING','PHONE_CHARGING','TOILET']::varchar[] end,
					    'Mo-Su 09:00-21:00', 'SELF_BUILT', case when s.id % 10 = 0 then 'UNDER_REVIEW' else 'SUBMITTED' end,
					    s.id % 17 = 0, true, now() - (s.id % 1000) * interval '1 minute', now(), 0
					from sites s join contacts c on c.host_id = s.host_id
					""")
			.param("codes", codes.toArray(String[]::new))
			.param("lats", lats.toArray(Double[]::new))
			.param("lons", lons.toArray(Double[]::new))
			.param("area", area)
			.param("floor", floor)
			.param("street", street)
			.update();
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

}
