package org.yizhan.supervision.digest;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.yizhan.organization.Actor;
import org.yizhan.organization.account.AccountAdministration;
import org.yizhan.organization.account.AccountInput;
import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.TestStations;
import org.yizhan.ticket.TicketNumber;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hand-made data for digest tests: stations and accounts made as an admin would make
 * them, ratings and tickets inserted with SQL as the intake and ticket slices will store
 * them, and the instants digests are due at. Days lie well after today, so the stations
 * made now have been listed for the whole of every window a digest looks at.
 */
public final class DigestFixtures {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final StationRegistry registry;

	private final AccountAdministration accounts;

	private final JdbcClient jdbc;

	public DigestFixtures(StationRegistry registry, AccountAdministration accounts, JdbcClient jdbc) {
		this.registry = registry;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/** A day {@code days} after today, in Shanghai. */
	public static LocalDate daysAhead(int days) {
		return LocalDate.now(YizhanTime.ZONE).plusDays(days);
	}

	/** The first Monday on or after {@code day}. */
	public static LocalDate mondayFrom(LocalDate day) {
		return day.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
	}

	/** The first 1st of a month on or after {@code day}. */
	public static LocalDate firstOfMonthFrom(LocalDate day) {
		return day.getDayOfMonth() == 1 ? day : day.withDayOfMonth(1).plusMonths(1);
	}

	/** {@code time} on {@code day} in Shanghai. */
	public static Instant at(LocalDate day, String time) {
		return LocalDateTime.of(day, LocalTime.parse(time)).atZone(YizhanTime.ZONE).toInstant();
	}

	/** A listed station in {@code district}, named with {@code name} and a unique tag. */
	public Station station(String district, String name) {
		ActingAsNationalAdmin.signIn();
		return TestStations.listed(registry, name + UUID.randomUUID().toString().substring(0, 4), "测试地址", district,
				29.65, 91.13, "TOILET");
	}

	/** An account made by the national admin; its id. */
	public long account(String organization, String role, String email, Station... bound) {
		ActingAsNationalAdmin.signIn();
		String username = "dg-" + UUID.randomUUID().toString().substring(0, 10);
		List<Long> stations = Arrays.stream(bound).map(station -> station.id().value()).toList();
		return accounts
			.create(ActingAsNationalAdmin.NATIONAL_ADMIN,
					new AccountInput(username, "测试" + role, organization, List.of(role), null, null, stations, null,
							null, email))
			.account()
			.id();
	}

	/**
	 * A rating as the intake stores it, made at {@code time} on {@code day} in Shanghai.
	 */
	public void rating(Station station, LocalDate day, String time, int stars, String status, String... tags) {
		byte[] device = new byte[16];
		RANDOM.nextBytes(device);
		jdbc.sql("""
				insert into rating (station_id, rating_day, created_at, stars, tags, device_hash, status)
				values (:station, :day, :createdAt, :stars, cast(:tags as varchar(24)[]), :device, :status)
				""")
			.param("station", station.id().value())
			.param("day", Date.valueOf(day))
			.param("createdAt", Timestamp.from(at(day, time)))
			.param("stars", stars)
			.param("tags", "{" + String.join(",", tags) + "}")
			.param("device", device)
			.param("status", status)
			.update();
	}

	/** A problem ticket as the ticket slice stores it; its number. */
	public String ticket(Station station, String problem, Instant createdAt, Instant dueAt, boolean open) {
		// A real ticket number: other tests in the same database list these tickets. Held
		// by the district union, the top of the chain, so the escalation job (on the
		// moved
		// clock, between a test's clock.set and its delivery) never renews an overdue
		// one's
		// deadline under the test.
		String number = TicketNumber.random().value();
		jdbc.sql("""
				insert into problem_ticket (number, station_id, problem, status, responsible_level,
				    assignee_union_code, created_at, due_at, resolved_at, resolution_note, version)
				select :number, s.id, :problem, :status, 'SUPERVISING_UNION', s.district_code, :createdAt, :dueAt,
				    :resolvedAt, :note, 0
				from station s where s.id = :station
				""")
			.param("number", number)
			.param("station", station.id().value())
			.param("problem", problem)
			.param("status", open ? "OPEN" : "RESOLVED")
			.param("createdAt", Timestamp.from(createdAt))
			.param("dueAt", Timestamp.from(dueAt))
			.param("resolvedAt", open ? null : Timestamp.from(createdAt.plusSeconds(3600)))
			.param("note", open ? null : "已修好")
			.update();
		return number;
	}

	/**
	 * A case of another source than a worker's report: union staff's, a self-check's or
	 * an inspection's ({@code GENERAL}, an inspection's with its item and, when
	 * {@code RECTIFIED}, its "after" photo), open, rectified or resolved at
	 * {@code resolvedAt}. It is held by the station's district union, the top of the
	 * chain, so the escalation job (on the tests' moved clock) leaves its deadline alone.
	 */
	public String ticketFrom(Station station, String source, String status, Instant createdAt, Instant dueAt,
			Instant resolvedAt) {
		String number = TicketNumber.random().value();
		boolean inspection = source.equals("INSPECTION");
		jdbc.sql("""
				insert into problem_ticket (number, station_id, problem, status, responsible_level,
				    assignee_union_code, created_at, due_at, resolved_at, resolution_note, version, source, severity,
				    item_code, item_text, after_photo_key)
				select :number, s.id, :problem, :status, 'SUPERVISING_UNION', s.district_code, :createdAt, :dueAt,
				    :resolvedAt, :note, 0, :source, 'GENERAL', :item, :itemText, :after
				from station s where s.id = :station
				""")
			.param("number", number)
			.param("station", station.id().value())
			.param("problem", inspection ? "FAILED_ITEM" : "OTHER")
			.param("status", status)
			.param("createdAt", Timestamp.from(createdAt))
			.param("dueAt", Timestamp.from(dueAt))
			.param("resolvedAt", resolvedAt == null ? null : Timestamp.from(resolvedAt), java.sql.Types.TIMESTAMP)
			.param("note", resolvedAt == null ? null : "已整改", java.sql.Types.VARCHAR)
			.param("source", source)
			.param("item", inspection ? "sign" : null, java.sql.Types.VARCHAR)
			.param("itemText", inspection ? "有统一的标识名称" : null, java.sql.Types.VARCHAR)
			.param("after", status.equals("RECTIFIED") ? "after-" + number : null, java.sql.Types.VARCHAR)
			.update();
		return number;
	}

	/**
	 * What the account's digest of this kind and period became: its subject, or why not.
	 */
	public record Delivered(String subjectZh, String subjectEn, String bodyZh, String bodyEn) {
	}

	/** The account's notification of this digest, if it got one. */
	public java.util.Optional<Delivered> delivered(long account, DigestKind kind, LocalDate period) {
		return jdbc.sql("""
				select subject_zh, subject_en, body_zh::text as body_zh, body_en::text as body_en
				from notification where account_id = :account and kind = :kind and dedupe_key = :key
				""")
			.param("account", account)
			.param("kind", kind.noticeKind())
			.param("key", period.toString())
			.query((rs, row) -> new Delivered(rs.getString("subject_zh"), rs.getString("subject_en"),
					rs.getString("body_zh"), rs.getString("body_en")))
			.optional();
	}

	/** How many decisions the account has for this digest (0 or 1). */
	public long decisions(long account, DigestKind kind, LocalDate period) {
		return jdbc
			.sql("select count(*) from digest where account_id = :account and kind = :kind and period_start = :start")
			.param("account", account)
			.param("kind", kind.name())
			.param("start", Date.valueOf(period))
			.query(Long.class)
			.single();
	}

	/** Signs in as the account, as a console session of it would be. */
	public static void signInAs(long accountId, String organizationCode, String organizationPath,
			org.yizhan.organization.Role role) {
		Actor actor = new Actor(accountId, "account-" + accountId, organizationCode, organizationPath,
				java.util.Set.of(role));
		Actor.Principal principal = () -> actor;
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(principal, null, "ROLE_" + role.name()));
	}

}
