package org.yizhan.supervision;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.YizhanApplication;
import org.yizhan.rating.RatingStatus;
import org.yizhan.station.Station;
import org.yizhan.station.StationLevel;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.supervision.SilentFixtures.at;
import static org.yizhan.supervision.SilentFixtures.month;

/**
 * The silent-station check against the real database, with the clock set at month edges
 * in Asia/Shanghai: which months are silent, who is flagged, what an exemption and a
 * rating do, and that the check changes nothing when it runs again or twice at once.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
class SilentStationCheckTests {

	private static final String BEFORE_JANUARY = "2025-12-15T10:00+08:00";

	@Autowired
	SilentStationCheck check;

	@Autowired
	SilentStations silentStations;

	@Autowired
	StationRegistry registry;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	SilentFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = SilentFixtures.of(context);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aCountedRatingAtTheLastMinuteOfMarchKeepsMarchFromBeingSilentButOneAtMidnightDoesNot() {
		Station lastMinute = fixtures.listedStation("三月最后一分钟", StationLevel.CITY, BEFORE_JANUARY);
		Station midnight = fixtures.listedStation("四月零点", StationLevel.CITY, BEFORE_JANUARY);
		fixtures.rate(lastMinute.id(), "2026-03-31T23:59+08:00", RatingStatus.COUNTED);
		fixtures.rate(midnight.id(), "2026-04-01T00:00+08:00", RatingStatus.COUNTED);

		clock.set(at("2026-04-01T00:05+08:00"));
		check.judge(month("2026-03"));

		assertThat(fixtures.casesOf(lastMinute.id())).isEmpty();
		SilentCase flagged = single(midnight);
		assertThat(flagged.silentMonths()).containsExactly(month("2026-01"), month("2026-02"), month("2026-03"));
		assertThat(flagged.status()).isEqualTo(SilentCaseStatus.OPEN);

		check.settle();

		SilentCase resolved = single(midnight);
		assertThat(resolved.status()).isEqualTo(SilentCaseStatus.RESOLVED_BY_RATING);
		assertThat(resolved.resolvedRatingDay()).isEqualTo(LocalDate.parse("2026-04-01"));
		assertThat(resolved.closedAt()).isEqualTo(at("2026-04-01T00:05+08:00"));
		assertThat(resolved.lastCountedRating().at()).isEqualTo(at("2026-04-01T00:00+08:00"));
	}

	@Test
	void heldAndRejectedRatingsDoNotSaveAStationACountedOneDoes() {
		Station held = fixtures.listedStation("待审核评价", StationLevel.CITY, BEFORE_JANUARY);
		Station rejected = fixtures.listedStation("已剔除评价", StationLevel.CITY, BEFORE_JANUARY);
		Station counted = fixtures.listedStation("已计入评价", StationLevel.CITY, BEFORE_JANUARY);
		fixtures.rate(held.id(), "2026-02-10T12:00+08:00", RatingStatus.HELD);
		fixtures.rate(rejected.id(), "2026-03-03T12:00+08:00", RatingStatus.REJECTED);
		fixtures.rate(counted.id(), "2026-02-10T12:00+08:00", RatingStatus.COUNTED);

		clock.set(at("2026-04-01T00:05+08:00"));
		check.judge(month("2026-03"));
		check.settle();

		assertThat(single(held).status()).isEqualTo(SilentCaseStatus.OPEN);
		assertThat(single(held).silentMonths()).hasSize(3);
		assertThat(single(held).lastCountedRating()).isNull();
		assertThat(single(rejected).status()).isEqualTo(SilentCaseStatus.OPEN);
		assertThat(fixtures.casesOf(counted.id())).isEmpty();
	}

	@Test
	void aStationListedPartwayThroughAMonthIsNotSilentInThatMonth() {
		Station midJanuary = fixtures.listedStation("一月二十日上图", StationLevel.CITY, "2026-01-20T09:00+08:00");
		Station firstMoment = fixtures.listedStation("一月一日零点上图", StationLevel.CITY, "2026-01-01T00:00+08:00");
		// 31 December in UTC, but half past midnight on 1 January in Shanghai: January
		// was not listed from its first moment
		Station halfPastMidnight = fixtures.listedStation("一月一日零点半上图", StationLevel.CITY, "2025-12-31T16:30Z");

		clock.set(at("2026-04-01T00:05+08:00"));
		check.judge(month("2026-03"));

		assertThat(fixtures.casesOf(midJanuary.id())).isEmpty();
		assertThat(fixtures.casesOf(halfPastMidnight.id())).isEmpty();
		assertThat(single(firstMoment).silentMonths()).containsExactly(month("2026-01"), month("2026-02"),
				month("2026-03"));

		clock.set(at("2026-05-01T00:05+08:00"));
		check.judge(month("2026-04"));

		assertThat(single(midJanuary).silentMonths()).containsExactly(month("2026-02"), month("2026-03"),
				month("2026-04"));
		assertThat(single(halfPastMidnight).silentMonths()).first().isEqualTo(month("2026-02"));
		assertThat(single(firstMoment).silentMonths()).as("an open case grows while the station stays silent")
			.containsExactly(month("2026-01"), month("2026-02"), month("2026-03"), month("2026-04"));
	}

	@Test
	void aSuspensionStartsTheCountAgainAfterTheStationReopens() {
		Station station = fixtures.listedStation("二月暂停", StationLevel.CITY, BEFORE_JANUARY);
		clock.set(at("2026-02-10T09:00+08:00"));
		registry.suspend(station.id(), null, "装修", LocalDate.parse("2026-02-20"));
		clock.set(at("2026-02-20T09:00+08:00"));
		registry.reopen(station.id(), null);

		clock.set(at("2026-04-01T00:05+08:00"));
		check.judge(month("2026-03"));
		clock.set(at("2026-05-01T00:05+08:00"));
		check.judge(month("2026-04"));
		assertThat(fixtures.casesOf(station.id())).isEmpty();

		clock.set(at("2026-06-01T00:05+08:00"));
		check.judge(month("2026-05"));
		assertThat(single(station).silentMonths()).containsExactly(month("2026-03"), month("2026-04"),
				month("2026-05"));
	}

	@Test
	void anExemptStationIsNotFlaggedUntilItsExemptionEndsThenForTheMonthsSinceItsCase() {
		Station station = fixtures.listedStation("豁免驿站", StationLevel.CITY, BEFORE_JANUARY);
		clock.set(at("2026-04-01T00:05+08:00"));
		check.judge(month("2026-03"));
		SilentCase first = single(station);

		clock.set(at("2026-04-02T10:00+08:00"));
		SilentCase exempted = silentStations.exempt(first.id(), "周边道路施工，户外劳动者暂时绕行", LocalDate.parse("2026-07-15"));
		assertThat(exempted.status()).isEqualTo(SilentCaseStatus.EXEMPTED);
		assertThat(exempted.exemptUntil()).isEqualTo(LocalDate.parse("2026-07-15"));

		for (String judged : List.of("2026-04", "2026-05", "2026-06")) {
			YearMonth month = month(judged);
			clock
				.set(month.plusMonths(1).atDay(1).atTime(0, 5).atZone(org.yizhan.platform.YizhanTime.ZONE).toInstant());
			check.judge(month);
		}
		assertThat(fixtures.casesOf(station.id())).as("April to June were silent, but the exemption runs to 15 July")
			.hasSize(1);

		clock.set(at("2026-08-01T00:05+08:00"));
		check.judge(month("2026-07"));

		List<SilentCase> all = fixtures.casesOf(station.id());
		assertThat(all).hasSize(2);
		assertThat(all.get(1).status()).isEqualTo(SilentCaseStatus.OPEN);
		assertThat(all.get(1).silentMonths()).containsExactly(month("2026-04"), month("2026-05"), month("2026-06"),
				month("2026-07"));
	}

	@Test
	void runningTheCheckASecondTimeChangesNoRow() {
		fixtures.forgetCheckedMonths();
		Station silent = fixtures.listedStation("两次运行", StationLevel.CITY, BEFORE_JANUARY);
		Station ratedSince = fixtures.listedStation("两次运行之间有评价", StationLevel.CITY, BEFORE_JANUARY);
		fixtures.rate(ratedSince.id(), "2026-04-01T00:01+08:00", RatingStatus.COUNTED);
		clock.set(at("2026-04-01T00:05+08:00"));

		assertThat(check.run()).isGreaterThanOrEqualTo(3);
		assertThat(check.run()).isZero();
		assertThat(check.judge(month("2026-03")) + check.settle()).as("judging March again, forced").isZero();

		assertThat(single(silent).status()).isEqualTo(SilentCaseStatus.OPEN);
		assertThat(single(ratedSince).status()).isEqualTo(SilentCaseStatus.RESOLVED_BY_RATING);
		assertThat(jdbc.sql("select count(*) from silent_station_check where month = date '2026-03-01'")
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(auditedActions(silent)).containsExactly("silent.flag");
		assertThat(auditedActions(ratedSince)).containsExactly("silent.flag", "silent.resolve");
	}

	@Test
	void afterDowntimeTheCheckCatchesUpOnEveryMonthBoundaryItMissed() {
		fixtures.forgetCheckedMonths();
		jdbc.sql("insert into silent_station_check (month, checked_at, months_required) values "
				+ "(date '2026-02-01', timestamptz '2026-03-01 00:05+08', 3)")
			.update();
		Station silent = fixtures.listedStation("停机期间无评价", StationLevel.CITY, BEFORE_JANUARY);
		Station ratedInApril = fixtures.listedStation("停机期间四月有评价", StationLevel.CITY, BEFORE_JANUARY);
		fixtures.rate(ratedInApril.id(), "2026-04-10T12:00+08:00", RatingStatus.COUNTED);

		// down on 1 April, 1 May and 1 June; back on 3 June
		clock.set(at("2026-06-03T09:00+08:00"));
		check.run();

		assertThat(jdbc.sql("select to_char(month, 'YYYY-MM') from silent_station_check order by month")
			.query(String.class)
			.list()).containsExactly("2026-02", "2026-03", "2026-04", "2026-05");
		assertThat(single(silent).silentMonths()).containsExactly(month("2026-01"), month("2026-02"), month("2026-03"),
				month("2026-04"), month("2026-05"));
		assertThat(single(ratedInApril).silentMonths()).containsExactly(month("2026-01"), month("2026-02"),
				month("2026-03"));
		assertThat(single(ratedInApril).status()).isEqualTo(SilentCaseStatus.RESOLVED_BY_RATING);
	}

	@Test
	void twoChecksJudgingTheSameMonthAtTheSameMomentOpenOneCase() throws Exception {
		Station station = fixtures.listedStation("同时判断", StationLevel.CITY, BEFORE_JANUARY);
		clock.set(at("2026-04-01T00:05+08:00"));

		List<Integer> opened = together(() -> check.judge(month("2026-03")), () -> check.judge(month("2026-03")));

		assertThat(fixtures.casesOf(station.id())).hasSize(1);
		assertThat(auditedActions(station)).containsExactly("silent.flag");
		assertThat(opened).hasSize(2);
	}

	@Test
	void twoInstancesRunningTheScheduledCheckAtTheSameMomentOpenOneCase() throws Exception {
		fixtures.forgetCheckedMonths();
		Station station = fixtures.listedStation("两个实例", StationLevel.CITY, BEFORE_JANUARY);
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(YizhanApplication.class,
				MutableClockConfiguration.class)
			.run("--server.port=0", "--yizhan.finder.reconcile-interval=1h")) {
			MutableClock otherClock = other.getBean(MutableClock.class);
			SilentStationCheck otherCheck = other.getBean(SilentStationCheck.class);
			clock.set(at("2026-04-01T00:05+08:00"));
			otherClock.set(at("2026-04-01T00:05+08:00"));

			together(() -> {
				check.runOnSchedule();
				return 0;
			}, () -> {
				otherCheck.runOnSchedule();
				return 0;
			});
		}

		assertThat(fixtures.casesOf(station.id())).hasSize(1);
		assertThat(auditedActions(station)).containsExactly("silent.flag");
		assertThat(jdbc.sql("select count(*) from silent_station_check where month = date '2026-03-01'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private SilentCase single(Station station) {
		List<SilentCase> found = fixtures.casesOf(station.id());
		assertThat(found).as("cases of " + station.code()).hasSize(1);
		return found.get(0);
	}

	private List<String> auditedActions(Station station) {
		return jdbc
			.sql("select action from audit_entry where target_type = 'station' and target_id = :code "
					+ "and action like 'silent.%' order by id")
			.param("code", station.code().value())
			.query(String.class)
			.list();
	}

	/** Runs both at the same moment, each on its own thread, and waits for both. */
	private static List<Integer> together(Callable<Integer> one, Callable<Integer> two) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Future<Integer> first = threads.submit(() -> {
				start.await();
				return one.call();
			});
			Future<Integer> second = threads.submit(() -> {
				start.await();
				return two.call();
			});
			start.countDown();
			return List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
		}
		finally {
			threads.shutdownNow();
		}
	}

}
