package org.yizhan.listing;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.DelistingReason;
import org.yizhan.station.ListingFreshness;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The figures of truthful listings (issue 20 item 5): the shares confirmed within 7, 30
 * and 60 days, a held listing counting as unconfirmed; a shut report settled by the first
 * confirmation, suspension or delisting after it, and the waits measured; every figure of
 * a union equal to a recount from the tables, and to the sum of its child unions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@ExtendWith(ActingAsNationalAdmin.class)
class FreshnessFiguresTests {

	/** 成都市青白江区: no other test keeps stations there. */
	static final String QINGBAIJIANG = "510113";

	/** 成都市 and 四川省, whose figures are recounted. */
	static final String CHENGDU = "510100";

	static final String SICHUAN = "510000";

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final AtomicInteger PHONES = new AtomicInteger();

	@Autowired
	FreshnessFigures figures;

	@Autowired
	ListingReports reports;

	@Autowired
	ListingFreshness freshness;

	@Autowired
	StationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void sharesCountTheStationsConfirmedWithinEachAgeAndAHeldOneAsUnconfirmed() {
		FreshnessFigures.Row before = district();
		Instant now = Instant.now();
		clock.set(now.minus(Duration.ofDays(70)));
		station("青白江七十天驿站");
		clock.set(now.minus(Duration.ofDays(40)));
		station("青白江四十天驿站");
		clock.set(now.minus(Duration.ofDays(10)));
		station("青白江十天驿站");
		clock.set(now.minus(Duration.ofDays(1)));
		station("青白江一天驿站");
		clock.reset();
		Station held = station("青白江被反映关闭驿站");
		for (int i = 0; i < 3; i++) {
			shut(held);
		}

		FreshnessFigures.Row after = district();
		assertThat(after.listed() - before.listed()).isEqualTo(5);
		assertThat(after.within()[0] - before.within()[0]).as("7 days: the day-old one").isEqualTo(1);
		assertThat(after.within()[1] - before.within()[1]).as("30 days").isEqualTo(2);
		assertThat(after.within()[2] - before.within()[2]).as("60 days").isEqualTo(3);
		assertThat(after.held() - before.held()).isEqualTo(1);
		assertThat(after.shutReports() - before.shutReports()).isEqualTo(3);
	}

	@Test
	void aShutReportIsSettledByTheFirstAnswerAndItsWaitMeasured() {
		Station confirmed = station("青白江确认开放驿站");
		Station suspended = station("青白江暂停驿站");
		Station delisted = station("青白江摘牌驿站");
		Instant start = Instant.now();
		clock.set(start);
		shut(confirmed);
		shut(suspended);
		shut(delisted);
		clock.set(start.plus(Duration.ofHours(5)));
		freshness.confirm(confirmed.id());
		registry.suspend(suspended.id(), null, "整修", java.time.LocalDate.now(YizhanTime.ZONE).plusDays(30));
		clock.set(start.plus(Duration.ofHours(30)));
		registry.delist(delisted.id(), null, DelistingReason.values()[0], null);

		await().atMost(PATIENCE)
			.until(() -> settled(confirmed) != null && settled(suspended) != null && settled(delisted) != null);
		assertThat(settled(confirmed)).isEqualTo("CONFIRMED_OPEN");
		assertThat(settled(suspended)).isEqualTo("SUSPENDED");
		assertThat(settled(delisted)).isEqualTo("DELISTED");
		assertThat(wait(confirmed)).isEqualTo(Duration.ofHours(5));
		assertThat(wait(delisted)).as("a suspension or delisting is settled when heard")
			.isBetween(Duration.ofHours(30), Duration.ofHours(31));

		// a later confirmation leaves the first answer as it was
		clock.set(start.plus(Duration.ofHours(40)));
		freshness.confirm(confirmed.id());
		assertThat(wait(confirmed)).isEqualTo(Duration.ofHours(5));
	}

	@Test
	void everyFigureEqualsARecountAndTheChildUnionsSumToTheirParent() {
		Station held = station("青白江复核驿站");
		for (int i = 0; i < 3; i++) {
			shut(held);
		}
		for (String union : List.of(QINGBAIJIANG, CHENGDU, SICHUAN)) {
			FreshnessFigures.Report report = figures.forUnion(union, null);
			assertThat(report.whole().listed()).as(union).isEqualTo(recountListed(union));
			assertThat(report.whole().held()).as(union).isEqualTo(recountHeld(union));
			assertThat(report.whole().shutReports()).as(union).isEqualTo(recountShutReports(union));
			for (int i = 0; i < FreshnessFigures.WITHIN_DAYS.length; i++) {
				assertThat(report.whole().within()[i]).as(union + " within " + FreshnessFigures.WITHIN_DAYS[i])
					.isEqualTo(recountWithin(union, FreshnessFigures.WITHIN_DAYS[i]));
			}
			if (!report.children().isEmpty()) {
				assertThat(report.children().stream().mapToLong(FreshnessFigures.Row::listed).sum())
					.isEqualTo(report.whole().listed());
				assertThat(report.children().stream().mapToLong(FreshnessFigures.Row::shutReports).sum())
					.isEqualTo(report.whole().shutReports());
			}
		}
	}

	@Test
	void onlyUnionStaffReadThemWithinTheirSubtreeAndForAMonthThatCame() {
		assertThatThrownBy(() -> figures.forUnion(QINGBAIJIANG, "2026-13")).isInstanceOfSatisfying(
				InvalidInputException.class, (ex) -> assertThat(ex.violations().get(0).field()).isEqualTo("month"));
		String next = YearMonth.now(YizhanTime.ZONE).plusMonths(1).toString();
		assertThatThrownBy(() -> figures.forUnion(QINGBAIJIANG, next)).isInstanceOf(InvalidInputException.class);
		assertThat(figures.forUnion(QINGBAIJIANG, "2026-01").month()).isEqualTo(YearMonth.of(2026, 1));

		actAs(new Actor(987_655, "listing-figures-district", QINGBAIJIANG, pathOf(QINGBAIJIANG),
				java.util.Set.of(Role.ORG_ADMIN)));
		assertThatThrownBy(() -> figures.forUnion(CHENGDU, null)).as("the parent is outside its subtree")
			.isInstanceOf(NotFoundException.class);
		actAs(new Actor(987_656, "listing-figures-master", QINGBAIJIANG, pathOf(QINGBAIJIANG),
				java.util.Set.of(Role.STATION_MASTER)));
		assertThatThrownBy(() -> figures.forUnion(QINGBAIJIANG, null)).isInstanceOf(ForbiddenException.class);
	}

	private String pathOf(String union) {
		return jdbc.sql("select path from organization where code = :u").param("u", union).query(String.class).single();
	}

	private FreshnessFigures.Row district() {
		return figures.forUnion(QINGBAIJIANG, null).whole();
	}

	private String settled(Station station) {
		return jdbc.sql("select resolution from listing_report where station_id = :s")
			.param("s", station.id().value())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private Duration wait(Station station) {
		return jdbc.sql("select created_at, resolved_at from listing_report where station_id = :s")
			.param("s", station.id().value())
			.query((rs, n) -> Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
			.single();
	}

	/** The recounts read station by station, without the figures' grouping. */
	private long recountListed(String union) {
		return stationsOf(union).size();
	}

	private long recountHeld(String union) {
		return stationsOf(union).values().stream().filter(s -> s.held).count();
	}

	private long recountWithin(String union, int days) {
		Instant since = Instant.now().minus(Duration.ofDays(days));
		return stationsOf(union).values().stream().filter(s -> !s.held && !s.confirmedAt.isBefore(since)).count();
	}

	private long recountShutReports(String union) {
		ZonedDateTime month = YearMonth.now(YizhanTime.ZONE).atDay(1).atStartOfDay(YizhanTime.ZONE);
		Map<Long, Boolean> ids = new HashMap<>();
		jdbc.sql("select s.id from station s where s.district_code in (select code from organization where path = "
				+ "(select path from organization where code = :u) or path like (select path from organization "
				+ "where code = :u) || '/%')")
			.param("u", union)
			.query(Long.class)
			.list()
			.forEach(id -> ids.put(id, true));
		return jdbc
			.sql("select station_id from listing_report where kind = 'SHUT' and not held and created_at >= :from")
			.param("from", java.sql.Timestamp.from(month.toInstant()))
			.query(Long.class)
			.list()
			.stream()
			.filter(ids::containsKey)
			.count();
	}

	private record Listed(Instant confirmedAt, boolean held) {
	}

	private Map<Long, Listed> stationsOf(String union) {
		Map<Long, Listed> stations = new HashMap<>();
		String path = pathOf(union);
		jdbc.sql("""
				select s.id, s.status_changed_at, f.confirmed_at, f.unverified_since, o.path
				from station s join organization o on o.code = s.district_code
				     left join station_freshness f on f.station_id = s.id
				where s.status = 'LISTED'
				""").query((rs, n) -> {
			String district = rs.getString(5);
			if (district.equals(path) || district.startsWith(path + "/")) {
				java.sql.Timestamp confirmed = rs.getTimestamp(3);
				stations.put(rs.getLong(1),
						new Listed(((confirmed != null) ? confirmed : rs.getTimestamp(2)).toInstant(),
								rs.getTimestamp(4) != null));
			}
			return null;
		}).list();
		return stations;
	}

	private void shut(Station station) {
		reports.report(Long.toString(station.id().value()), new ListingReport("SHUT", "门关着",
				"figures-test-phone-" + String.format("%06d", PHONES.incrementAndGet()) + "-" + System.nanoTime(), null,
				null));
	}

	private Station station(String name) {
		return TestStations.listed(registry, name, "成都市青白江区测试路 1 号", QINGBAIJIANG, 30.8780, 104.2510);
	}

	private static void actAs(Actor actor) {
		Actor.Principal principal = () -> actor;
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(principal, null, "ROLE_ORG_ADMIN"));
	}

}
