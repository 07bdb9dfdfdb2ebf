package org.yizhan.inspection;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.yizhan.support.ActingAsNationalAdmin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Campaigns at national scale (docs/benchmarks.md, "Inspection campaigns"): 186,000
 * listed stations spread over every district of the country, written straight into the
 * table; a national campaign drawing 10% of each district (the draw, the assignment and
 * the sample's rows, in its transaction), and the national progress answer with 100,000
 * inspections in the database. Not part of the build:
 * {@code ./mvnw -o test -Dtest=InspectionBenchmark -Dyizhan.bench.inspection=true -Dyizhan.fuzz.skip=true}.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "yizhan.bench.inspection", matches = "true")
class InspectionBenchmark {

	static final int STATIONS = Integer.getInteger("yizhan.bench.inspection.stations", 186_000);

	static final int INSPECTIONS = 100_000;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InspectionCampaigns campaigns;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void drawsATenPercentNationalSampleAndAnswersItsProgress() {
		long listed = this.jdbc.sql("select count(*) from station where status = 'LISTED'").query(Long.class).single();
		if (listed < STATIONS) {
			insertStations((int) (STATIONS - listed));
		}
		this.jdbc.sql("analyze station").update();
		ActingAsNationalAdmin.signIn();
		long admin = this.jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
		long checklist = this.jdbc.sql("select id from checklist where owner_code = '100000' order by id limit 1")
			.query(Long.class)
			.single();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		// the pure draw, in memory, over the same shape
		long[] ids = new long[STATIONS];
		String[] districts = new String[STATIONS];
		List<String> codes = this.jdbc.sql("select code from organization where kind = 'DISTRICT' order by code")
			.query(String.class)
			.list();
		for (int i = 0; i < STATIONS; i++) {
			ids[i] = i + 1;
			districts[i] = codes.get(i % codes.size());
		}
		report("draw in memory (186k → 10%)", 7, () -> StationSample.draw(ids, districts, 10, 42L, new long[] { 1 }));

		List<Long> created = new ArrayList<>();
		report("national campaign created (10%, one transaction)", 5, () -> {
			Campaign c = this.campaigns.create(new CampaignInput("100000", "SPOT_CHECK", "全国抽查基准", false, checklist,
					null, 10, null, today.toString(), today.plusDays(30).toString(), List.of(admin), null));
			created.add(c.id());
			return c;
		});
		long campaign = created.get(0);
		long sampled = this.jdbc.sql("select count(*) from inspection_sample where campaign_id = ?")
			.param(campaign)
			.query(Long.class)
			.single();
		System.out.printf(Locale.ROOT, "BENCH sample of the national campaign: %d stations of %d listed%n", sampled,
				this.jdbc.sql("select count(*) from station where status = 'LISTED'").query(Long.class).single());

		// 100,000 inspections over the campaigns' samples, a fifth of them failed
		this.jdbc
			.sql("""
					insert into inspection (client_id, campaign_id, station_id, district_code, inspector_id, inspected_at,
					  submitted_at, near_station, score, passed, failed_items)
					select gen_random_uuid(), s.campaign_id, s.station_id, s.district_code, s.assignee_id, now(), now(), true,
					  case when s.station_id % 5 = 0 then 60 else 100 end, s.station_id % 5 <> 0,
					  case when s.station_id % 5 = 0 then 1 else 0 end
					from inspection_sample s where s.campaign_id in (:ids)
					  and not exists (select 1 from inspection i where i.campaign_id = s.campaign_id and i.station_id = s.station_id)
					order by s.campaign_id, s.station_id limit :n""")
			.param("ids", created)
			.param("n", INSPECTIONS)
			.update();
		this.jdbc.sql("analyze inspection").update();
		this.jdbc.sql("analyze inspection_sample").update();
		System.out.printf(Locale.ROOT, "BENCH inspections in the database: %d%n",
				this.jdbc.sql("select count(*) from inspection").query(Long.class).single());
		report("national progress (cold: first call)", 1, () -> this.campaigns.progress(campaign));
		report("national progress (warm)", 21, () -> this.campaigns.progress(campaign));
	}

	private void insertStations(int count) {
		this.jdbc.sql("""
				with d as (select array_agg(code order by code) as codes from organization where kind = 'DISTRICT')
				insert into station (code, name, address, district_code, host_name, host_type, lat, lon, status,
				  status_changed_at, created_at, updated_at, version)
				select 'B' || lpad(g::text, 9, '0'), '基准驿站' || g, '基准路 ' || g || ' 号',
				  d.codes[1 + (g % array_length(d.codes, 1))], '基准单位', 'OTHER',
				  30 + (g % 1000) / 1000.0, 110 + (g % 997) / 100.0, 'LISTED', now(), now(), now(), 1
				from generate_series(1, :n) g, d""").param("n", count).update();
	}

	private static void report(String what, int runs, Supplier<?> work) {
		long[] millis = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			work.get();
			millis[i] = (System.nanoTime() - start) / 1_000_000;
		}
		long[] sorted = millis.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT, "BENCH %s: median %d ms, min %d ms, max %d ms over %d runs %s%n", what,
				sorted[runs / 2], sorted[0], sorted[runs - 1], runs, Arrays.toString(millis));
	}

}
