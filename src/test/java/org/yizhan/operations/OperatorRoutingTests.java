package org.yizhan.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.YizhanTime;
import org.yizhan.station.ChainRouting;
import org.yizhan.station.ResponsibleLevel;
import org.yizhan.station.Station;
import org.yizhan.station.StationResponsibilities;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.ticket.ProblemType;
import org.yizhan.ticket.TicketEscalation;
import org.yizhan.ticket.TicketFixtures;
import org.yizhan.ticket.TicketFixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A station run by an operator under a contract (issue 17, item 7): while the contract is
 * in force a new case goes to the operator's contact first and, when not handled in time,
 * climbs to the station master and on up the chain; before the contract starts, after it
 * ends and at a station without one, routing is as it always was (no operator level, none
 * recorded as passed over). Overlapping contracts and unfit contacts are refused. The
 * clock stands thousands of days ahead, so that no other test's job or contract meets
 * these.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorRoutingTests {

	private static final AtomicLong DAYS_AHEAD = new AtomicLong(3_000);

	@Autowired
	ApplicationContext context;

	@Autowired
	Operators operators;

	@Autowired
	StationResponsibilities responsibilities;

	@Autowired
	TicketEscalation escalation;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	TicketFixtures fixtures;

	Station home;

	Person master;

	Person property;

	@BeforeAll
	void people() throws Exception {
		fixtures = TicketFixtures.of(context);
		home = fixtures.listedStation("330106");
		master = fixtures.account("330106", List.of("STATION_MASTER"), home);
		property = fixtures.account("330106", List.of("STATION_MASTER"), home);
	}

	@AfterEach
	void reset() {
		clock.reset();
		SecurityContextHolder.clearContext();
	}

	@Test
	void aCaseAtAStationWithAnOperatorGoesToItsContactFirstThenUpTheChain() {
		Instant t = startClock();
		LocalDate today = LocalDate.ofInstant(t, YizhanTime.ZONE);
		Station station = stationWithMaster();
		sign(station, today, today.plusDays(90));

		String number = fixtures.report(station, ProblemType.MISSING_SUPPLIES, null).ticket().number().value();

		assertThat(history(number)).containsExactly("OPENED OPERATOR " + property.id() + " - {}");
		clock.set(t.plus(Duration.ofDays(2)));
		escalation.escalateOverdue();
		assertThat(history(number)).last().isEqualTo("ESCALATED STATION_MASTER " + master.id() + " - {}");
	}

	@Test
	void outsideTheContractsDaysRoutingKnowsNoOperator() {
		Instant t = startClock();
		LocalDate today = LocalDate.ofInstant(t, YizhanTime.ZONE);
		Station station = stationWithMaster();
		sign(station, today.plusDays(10), today.plusDays(20));

		String before = fixtures.report(station, ProblemType.SAFETY, null).ticket().number().value();
		assertThat(history(before)).containsExactly("OPENED STATION_MASTER " + master.id() + " - {}");

		clock.set(t.plus(Duration.ofDays(15)));
		assertThat(ChainRouting.first(responsibilities.getForSystem(station.id())).accountId())
			.isEqualTo(property.id());
		clock.set(t.plus(Duration.ofDays(21)));
		assertThat(ChainRouting.first(responsibilities.getForSystem(station.id())).level())
			.isEqualTo(ResponsibleLevel.STATION_MASTER);
	}

	@Test
	void contractsOfOneStationNeverOverlapAndTheContactMustRunStationsOnItsLine() throws Exception {
		Person reviewer = fixtures.account("330106", List.of("REVIEWER"));
		Person elsewhere = fixtures.account("330102", List.of("STATION_MASTER"), fixtures.listedStation("330102"));
		Instant t = startClock();
		LocalDate today = LocalDate.ofInstant(t, YizhanTime.ZONE);
		Station station = stationWithMaster();
		sign(station, today, today.plusDays(30));

		ActingAsNationalAdmin.signIn();
		assertThatThrownBy(() -> operators.sign(station.id(),
				new OperatorContractInput("另一家物业", property.id(), today.plusDays(30), today.plusDays(60),
						List.of("CLEANING"))))
			.isInstanceOfSatisfying(ConflictException.class, ex -> assertThat(ex.field()).isEqualTo("startsOn"));
		for (Person unfit : List.of(reviewer, elsewhere)) {
			assertThatThrownBy(() -> operators.sign(station.id(),
					new OperatorContractInput("另一家物业", unfit.id(), today.plusDays(31), today.plusDays(60),
							List.of("CLEANING"))))
				.isInstanceOfSatisfying(InvalidInputException.class,
						ex -> assertThat(ex.violations()).extracting(v -> v.field()).containsExactly("contact"));
		}
		assertThatThrownBy(() -> operators.sign(station.id(),
				new OperatorContractInput(" ", property.id(), today.plusDays(31), today.plusDays(60), List.of("NAPS"))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).extracting(v -> v.field()).containsExactly("operator", "duties"));
		assertThat(operators
			.sign(station.id(),
					new OperatorContractInput("另一家物业", property.id(), today.plusDays(31), today.plusDays(60),
							List.of("WATER")))
			.operator()).isEqualTo("另一家物业");
	}

	private void sign(Station station, LocalDate from, LocalDate to) {
		ActingAsNationalAdmin.signIn();
		try {
			operators.sign(station.id(),
					new OperatorContractInput("绿城物业", property.id(), from, to, List.of("CLEANING", "EQUIPMENT")));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private Station stationWithMaster() {
		Station station = fixtures.listedStation("330106");
		fixtures.chain(station, master, null, null, null);
		return station;
	}

	private Instant startClock() {
		Instant t = Instant.now().plus(Duration.ofDays(DAYS_AHEAD.getAndAdd(100))).truncatedTo(ChronoUnit.SECONDS);
		clock.set(t);
		return t;
	}

	private List<String> history(String number) {
		return jdbc.sql("""
				select h.event || ' ' || h.responsible_level || ' ' || coalesce(h.assignee_id::text, '-') || ' '
				    || coalesce(h.assignee_union_code, '-') || ' ' || h.skipped_levels::text
				from problem_ticket_history h join problem_ticket t on t.id = h.ticket_id
				where t.number = ? order by h.at, h.id
				""").param(number).query(String.class).list();
	}

}
