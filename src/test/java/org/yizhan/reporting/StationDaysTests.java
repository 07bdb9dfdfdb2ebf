package org.yizhan.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.rating.RatingRows;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.TestStations;
import org.yizhan.ticket.TicketNumber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A station master's day lists their own stations only, with today's visits and counted
 * ratings, the open and overdue cases, the supplies to restock or expiring and the door
 * devices online and silent; a union's staff are sent to their dashboard instead.
 */
@SpringBootTest
class StationDaysTests {

	static final String XUANWU = "320102";

	@Autowired
	StationDays days;

	@Autowired
	StationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aStationMasterSeesTheirOwnStationsDayAndNoOtherStation() {
		ActingAsNationalAdmin.signIn();
		String tag = UUID.randomUUID().toString().substring(0, 6);
		Station mine = TestStations.listed(this.registry, "今日驿站" + tag, "南京市玄武区今日路 1 号", XUANWU, 32.0485, 118.797);
		Station other = TestStations.listed(this.registry, "他人驿站" + tag, "南京市玄武区今日路 2 号", XUANWU, 32.0486, 118.798);
		LocalDate today = LocalDate.now(YizhanTime.ZONE);
		Instant now = Instant.now();
		long id = mine.id().value();
		this.jdbc.sql("""
				insert into visit_day (station_id, day, district_code, check_ins, tally)
				values (:id, :today, :district, 4, 9), (:id, :yesterday, :district, 50, null)""")
			.param("id", id)
			.param("today", today)
			.param("yesterday", today.minusDays(1))
			.param("district", XUANWU)
			.update();
		RatingRows ratings = new RatingRows(this.jdbc);
		ratings.at(mine.id()).on(today).stars(5).insert();
		ratings.at(mine.id()).on(today).stars(4).insert();
		ratings.at(mine.id()).on(today).stars(1).held("STATION_BURST").insert();
		ratings.at(mine.id()).on(today.minusDays(1)).stars(1).insert();
		this.jdbc.sql("""
				insert into problem_ticket (number, station_id, problem, status, responsible_level, assignee_union_code,
				  created_at, due_at, version)
				values (:a, :id, 'BROKEN_FACILITY', 'OPEN', 'SUPERVISING_UNION', :district, :now, :past, 1),
				       (:b, :id, 'SAFETY', 'OPEN', 'SUPERVISING_UNION', :district, :now, :future, 1)""")
			// real numbers, held at the top of the chain: the escalation job reads every
			// overdue case of the shared database and parses its number
			.param("a", TicketNumber.random().value())
			.param("b", TicketNumber.random().value())
			.param("district", XUANWU)
			.param("id", id)
			.param("now", Timestamp.from(now))
			.param("past", Timestamp.from(now.minus(1, ChronoUnit.HOURS)))
			.param("future", Timestamp.from(now.plus(3, ChronoUnit.DAYS)))
			.update();
		this.jdbc
			.sql("""
					insert into supply_item (station_id, category, name, unit, quantity, threshold, expires_on, updated_at, updated_by)
					values (:id, 'MEDICINE', '藿香正气水', '盒', 2, 5, :soon, :now, 'test'),
					       (:id, 'WATER', '矿泉水', '瓶', 40, 10, null, :now, 'test'),
					       (:id, 'MEDICINE', '创可贴', '盒', 10, 2, :later, :now, 'test')""")
			.param("id", id)
			.param("soon", today.plusDays(10))
			.param("later", today.plusDays(StationDays.EXPIRY_DAYS + 20))
			.param("now", Timestamp.from(now))
			.update();
		this.jdbc
			.sql("""
					insert into door_device (station_id, name, secret_sealed, heartbeat_seconds, status, last_seen_at, created_at, created_by)
					values (:id, '正门', 'sealed', 300, 'ONLINE', :now, :now, 'test'),
					       (:id, '侧门', 'sealed', 300, 'SILENT', :now, :now, 'test')""")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update();

		long master = stationMaster(id, tag);
		act(new Actor(master, "day-" + tag, XUANWU, "100000/320000/320100/320102", Set.of(Role.STATION_MASTER)));
		List<StationDay> seen = this.days.forCaller();
		assertThat(seen).extracting(StationDay::stationId).containsExactly(id).doesNotContain(other.id().value());
		StationDay day = seen.get(0);
		assertThat(day.visits()).as("today's larger count only").isEqualTo(9);
		assertThat(day.tallyEntered()).isTrue();
		assertThat(day.ratings()).as("today's counted ratings, the held one aside").isEqualTo(2);
		assertThat(day.averageStars()).isEqualTo(4.5);
		assertThat(day.openCases()).isEqualTo(2);
		assertThat(day.overdueCases()).isEqualTo(1);
		assertThat(day.lowSupplies()).isEqualTo(1);
		assertThat(day.expiringSupplies()).isEqualTo(1);
		assertThat(day.doorsOnline()).isEqualTo(1);
		assertThat(day.doorsSilent()).isEqualTo(1);
		assertThat(day.needsAttention()).isTrue();
	}

	@Test
	void aUnionsStaffAreSentToTheirDashboard() {
		ActingAsNationalAdmin.signIn();
		assertThatThrownBy(() -> this.days.forCaller()).isInstanceOf(ForbiddenException.class);
	}

	private long stationMaster(long station, String tag) {
		long account = this.jdbc.sql("""
				insert into account (username, display_name, organization_code, roles, password_hash,
				    password_changed_at, created_at, updated_at, version)
				values (:username, '今日站长', :org, cast(:roles as varchar[]), '{noop}x', :now, :now, :now, 0)
				returning id""")
			.param("username", "day-" + tag)
			.param("org", XUANWU)
			.param("roles", new String[] { Role.STATION_MASTER.name() })
			.param("now", Timestamp.from(Instant.now()))
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into account_station (account_id, station_id) values (?, ?)")
			.params(account, station)
			.update();
		return account;
	}

	private static void act(Actor actor) {
		Actor.Principal principal = () -> actor;
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(principal, null, "ROLE_STATION_MASTER"));
	}

}
