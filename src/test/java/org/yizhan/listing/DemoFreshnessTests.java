package org.yizhan.listing;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.platform.DataImports;
import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Freshness;
import org.yizhan.station.FreshnessSource;
import org.yizhan.station.ListingFreshness;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo histories, written in SQL without events, confirm the demo stations' listings:
 * a station's last day with visits is a check-in signal at that day's end, and a day
 * without visits is none. (Off in the tests as the histories are; called directly, in a
 * transaction that is rolled back.)
 */
@SpringBootTest
@ExtendWith(ActingAsNationalAdmin.class)
class DemoFreshnessTests {

	/** 成都市金牛区: no other test keeps visits there. */
	static final String JINNIU = "510106";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataImports imports;

	@Autowired
	ListingFreshness freshness;

	@Autowired
	StationRegistry registry;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aStationsLastDayWithVisitsConfirmsItAtThatDaysEnd() {
		DemoFreshness demo = new DemoFreshness(jdbc, imports, freshness, transaction);
		LocalDate day = LocalDate.now(YizhanTime.ZONE).minusDays(3);
		transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			Station visited = TestStations.listed(registry, "金牛演示核实驿站", "成都市金牛区测试路 7 号", JINNIU, 30.6910, 104.0510);
			Station quiet = TestStations.listed(registry, "金牛演示无人驿站", "成都市金牛区测试路 8 号", JINNIU, 30.6920, 104.0520);
			visit(visited, day.minusDays(5), 2);
			visit(visited, day, 3);
			visit(quiet, day, 0);
			var before = freshness.find(quiet.id()).map(Freshness::confirmedAt);

			assertThat(demo.signal()).isPositive();

			Freshness confirmed = freshness.find(visited.id()).orElseThrow();
			assertThat(confirmed.confirmedAt()).isEqualTo(day.plusDays(1).atStartOfDay(YizhanTime.ZONE).toInstant());
			assertThat(confirmed.confirmedBy()).isEqualTo(FreshnessSource.CHECK_IN);
			assertThat(freshness.find(quiet.id()).map(Freshness::confirmedAt)).as("no visits, no signal")
				.isEqualTo(before);
		});
	}

	private void visit(Station station, LocalDate day, int checkIns) {
		jdbc.sql("insert into visit_day (station_id, day, district_code, check_ins) values (:id, :day, :district, :n)")
			.param("id", station.id().value())
			.param("day", day)
			.param("district", JINNIU)
			.param("n", checkIns)
			.update();
	}

}
