package org.yizhan.supervision;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.yizhan.platform.YizhanTime;
import org.yizhan.rating.RatingStatus;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationLevel;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.MutableClock;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stations listed at a chosen moment and ratings written straight into the {@code rating}
 * table, for the silent-station tests; until the intake slice lands, ratings have no
 * other way in. The caller acts as an admin who sees 西湖区 (330106), where the stations are
 * registered.
 */
public final class SilentFixtures {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final StationRegistry registry;

	private final JdbcClient jdbc;

	private final MutableClock clock;

	private final SilentCaseRepository cases;

	private final SilentStationCheck check;

	private SilentFixtures(StationRegistry registry, JdbcClient jdbc, MutableClock clock, SilentCaseRepository cases,
			SilentStationCheck check) {
		this.registry = registry;
		this.jdbc = jdbc;
		this.clock = clock;
		this.cases = cases;
		this.check = check;
	}

	/** The fixtures of a context that runs with a {@link MutableClock}. */
	public static SilentFixtures of(ApplicationContext context) {
		return new SilentFixtures(context.getBean(StationRegistry.class), context.getBean(JdbcClient.class),
				context.getBean(MutableClock.class), context.getBean(SilentCaseRepository.class),
				context.getBean(SilentStationCheck.class));
	}

	/**
	 * Judges {@code month} as the check does five minutes after it ends (Shanghai), then
	 * closes the cases answered since; the clock is left there.
	 */
	public void judge(String month) {
		YearMonth judged = YearMonth.parse(month);
		clock.set(judged.plusMonths(1).atDay(1).atTime(0, 5).atZone(YizhanTime.ZONE).toInstant());
		check.judge(judged);
		check.settle();
	}

	/** Closes the open cases that a counted rating or a delisting has answered. */
	public void settle() {
		check.settle();
	}

	/** An instant written as in Shanghai, e.g. {@code 2026-03-31T23:59+08:00}. */
	public static Instant at(String isoWithOffset) {
		return OffsetDateTime.parse(isoWithOffset).toInstant();
	}

	/**
	 * A station of 西湖区 at {@code level}, listed at {@code listedAt}; the clock is left
	 * there.
	 */
	public Station listedStation(String name, StationLevel level, String listedAt) {
		clock.set(at(listedAt));
		Station draft = registry.create(new StationInput(name + " " + UUID.randomUUID().toString().substring(0, 6),
				"杭州市西湖区文三路 1 号", "330106", "无评价测试单位", "BANK", 30.2741, 120.1551, "wgs84", null, null, List.of(),
				"Mo-Su 08:00-20:00", null, null, false, null, null, level.name(), 0));
		return registry.list(draft.id(), null);
	}

	/**
	 * A rating written as the intake slice would: its day is the Shanghai date of
	 * {@code at}.
	 */
	public void rate(StationId station, String at, RatingStatus status) {
		Instant instant = at(at);
		byte[] device = new byte[32];
		RANDOM.nextBytes(device);
		jdbc.sql("""
				insert into rating (station_id, rating_day, created_at, stars, device_hash, status)
				values (:station, :day, :at, 4, :device, :status)
				""")
			.param("station", station.value())
			.param("day", LocalDate.ofInstant(instant, YizhanTime.ZONE))
			.param("at", instant.atZone(YizhanTime.ZONE).toOffsetDateTime())
			.param("device", device)
			.param("status", status.name())
			.update();
	}

	/** Every case of the station, oldest first. */
	public List<SilentCase> casesOf(StationId station) {
		return jdbc.sql("select id from silent_station_case where station_id = :station order by id")
			.param("station", station.value())
			.query(Long.class)
			.list()
			.stream()
			.map(id -> cases.findById(id).orElseThrow())
			.toList();
	}

	/** Forgets which months the check has judged, so that a test's run starts afresh. */
	public void forgetCheckedMonths() {
		jdbc.sql("delete from silent_station_check").update();
	}

	public static YearMonth month(String value) {
		return YearMonth.parse(value);
	}

}
