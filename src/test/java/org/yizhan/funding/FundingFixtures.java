package org.yizhan.funding;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
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
 * Stations of 太原市 (Taiyuan, whose upkeep of 200 yuan a month and self-built grant of
 * 5,000 yuan are seed 002's figures) with a status history going back in time, and the
 * finance staff who prepare and approve. Each test uses a budget year of its own, so the
 * rules (one per union, kind and year) and the months they pay do not meet.
 */
final class FundingFixtures {

	static final String TAIYUAN = "140100";

	static final String TAIYUAN_PATH = "100000/140000/140100";

	/** 小店区 and 迎泽区. */
	static final String XIAODIAN = "140105";

	static final String YINGZE = "140106";

	private static final AtomicInteger serial = new AtomicInteger();

	private final StationRegistry registry;

	private final JdbcClient jdbc;

	FundingFixtures(StationRegistry registry, JdbcClient jdbc) {
		this.registry = registry;
		this.jdbc = jdbc;
	}

	static Actor finance(String username) {
		return new Actor(0, username, TAIYUAN, TAIYUAN_PATH, Set.of(Role.FINANCE));
	}

	static void signIn(Actor actor) {
		Actor.Principal principal = () -> actor;
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(principal, null, "ROLE_" + Role.FINANCE.name()));
	}

	/**
	 * A station listed since {@code listedSince} (Asia/Shanghai midnight) as far as the
	 * funding history knows; it is created and listed now through the registry.
	 */
	Station listedSince(String district, LocalDate listedSince) {
		ActingAsNationalAdmin.signIn();
		int n = serial.incrementAndGet();
		Station station = TestStations.listed(registry,
				"资金测试驿站" + n + "-" + UUID.randomUUID().toString().substring(0, 6), "太原市测试路 " + n + " 号", district,
				37.73 + n * 0.0001, 112.56);
		status(station, listedSince, "LISTED");
		return station;
	}

	/** A status from {@code day} on, in the history funding keeps. */
	void status(Station station, LocalDate day, String status) {
		jdbc.sql("insert into funding_station_status (station_id, since, status) values (:id, :since, :status)")
			.param("id", station.id().value())
			.param("since", Timestamp.from(day.atStartOfDay(YizhanTime.ZONE).toInstant()))
			.param("status", status)
			.update();
	}

	/** A silent-station case over one month. */
	void silent(Station station, YearMonth month) {
		jdbc.sql("""
				insert into silent_station_case (station_id, first_silent_month, last_silent_month, status, opened_at,
				  version) values (:id, :month, :month, 'OPEN', now(), 0)""")
			.param("id", station.id().value())
			.param("month", java.sql.Date.valueOf(month.atDay(1)))
			.update();
	}

	/**
	 * A staff case due on {@code due} and still open: overdue from then on. It has a real
	 * ticket number, as other tests in the same database read every overdue case (the
	 * escalation job parses them), and is held by the district union, the top of the
	 * chain, so that the escalation job never moves its deadline under the test.
	 */
	void overdueCase(Station station, LocalDate due) {
		jdbc.sql(
				"""
						insert into problem_ticket (number, station_id, problem, status, responsible_level,
						  assignee_union_code, created_at, due_at, version, source, severity)
						select :number, s.id, 'BROKEN_FACILITY', 'OPEN', 'SUPERVISING_UNION', s.district_code, :created, :due, 0,
						  'STAFF', 'GENERAL'
						from station s where s.id = :id""")
			.param("number", TicketNumber.random().value())
			.param("id", station.id().value())
			.param("created", Timestamp.from(due.minusDays(10).atStartOfDay(YizhanTime.ZONE).toInstant()))
			.param("due", Timestamp.from(due.atStartOfDay(YizhanTime.ZONE).toInstant()))
			.update();
	}

	/**
	 * An enterprise's approved application that built {@code station} itself: the payee
	 * of the self-built grant.
	 */
	String selfBuiltBy(Station station, String enterprise) {
		String creditCode = ("91140100" + UUID.randomUUID().toString().replace("-", "")).substring(0, 18).toUpperCase();
		long host = jdbc.sql("""
				insert into host (credit_code, name, kind, organization_code, created_at, updated_at)
				values (:code, :name, 'ENTERPRISE', :district, now(), now()) returning id""")
			.param("code", creditCode)
			.param("name", enterprise)
			.param("district", station.details().districtCode())
			.query(Long.class)
			.single();
		long contact = jdbc.sql("""
				insert into host_contact (host_id, name, phone_sealed, created_at)
				values (:host, '联系人', 'sealed-for-test', now()) returning id""")
			.param("host", host)
			.query(Long.class)
			.single();
		long site = jdbc
			.sql("""
					insert into host_site (host_id, district_code, address, lat, lon, area_m2, floor, facing_street, created_at)
					values (:host, :district, '太原市测试路', 37.73, 112.56, 30, 1, true, now()) returning id""")
			.param("host", host)
			.param("district", station.details().districtCode())
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into application (token, host_id, site_id, contact_id, district_code, station_name, amenities,
				  opening_hours, build_mode, status, duplicate, area_checked, created_at, status_changed_at, version,
				  station_id)
				values (:token, :host, :site, :contact, :district, '自建驿站', '{}', '24/7', 'SELF_BUILT', 'APPROVED',
				  false, true, now(), now(), 0, :station)""")
			.param("token", UUID.randomUUID().toString().replace("-", ""))
			.param("host", host)
			.param("site", site)
			.param("contact", contact)
			.param("district", station.details().districtCode())
			.param("station", station.id().value())
			.update();
		return creditCode;
	}

}
