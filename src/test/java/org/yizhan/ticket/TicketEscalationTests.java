package org.yizhan.ticket;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.yizhan.station.Station;
import org.yizhan.ticket.TicketFixtures.Person;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing a new ticket to the lowest level of the chain that has someone in it, and the
 * escalation job moving overdue tickets up the chain, timed by a clock the tests move.
 * The clock stands hundreds of days ahead, so no job of another test context (on the real
 * clock, same database) can touch these tickets, and each test looks at its own.
 */
class TicketEscalationTests extends TicketTestSupport {

	private static final AtomicLong DAYS_AHEAD = new AtomicLong(400);

	@Autowired
	TicketEscalation escalation;

	@Autowired
	ApplicationEvents events;

	Person general;

	@BeforeAll
	void general() throws Exception {
		general = fixtures.account("330106", List.of("STATION_MASTER"), home);
	}

	@Test
	void aNewTicketGoesToTheStationMasterWithTheProblemTypesDeadline() {
		Instant t = startClock();
		Station station = stationWith(master, liaison, general, null);

		String number = fixtures.report(station, ProblemType.MISSING_SUPPLIES, null).ticket().number().value();

		assertThat(level(number)).isEqualTo("STATION_MASTER");
		assertThat(assignee(number)).isEqualTo(master.id());
		assertThat(due(number)).isEqualTo(t.plus(Duration.ofDays(2)));
		assertThat(history(number)).containsExactly("OPENED STATION_MASTER " + master.id() + " - {}");
	}

	@Test
	void routingSkipsTheLevelsNobodyHoldsUpToTheDistrictUnion() {
		startClock();
		Station onlyGeneral = stationWith(null, null, general, null);
		Station noChain = fixtures.listedStation("330106");

		String toGeneral = fixtures.report(onlyGeneral, ProblemType.SAFETY, null).ticket().number().value();
		String toUnion = fixtures.report(noChain, ProblemType.SAFETY, null).ticket().number().value();

		assertThat(level(toGeneral)).isEqualTo("GENERAL_STATION_MASTER");
		assertThat(history(toGeneral))
			.containsExactly("OPENED GENERAL_STATION_MASTER " + general.id() + " - {STATION_MASTER,LIAISON}");
		assertThat(level(toUnion)).isEqualTo("SUPERVISING_UNION");
		assertThat(history(toUnion))
			.containsExactly("OPENED SUPERVISING_UNION - 330106 {STATION_MASTER,LIAISON,GENERAL_STATION_MASTER}");
	}

	@Test
	void aTicketEscalatesExactlyAtItsDeadlineNotBeforeAndASecondRunChangesNothing() {
		Instant t = startClock();
		Station station = stationWith(master, liaison, general, null);
		String number = fixtures.report(station, ProblemType.SAFETY, null).ticket().number().value();
		Instant deadline = t.plus(Duration.ofHours(4));

		clock.set(deadline.minusMillis(1));
		escalation.escalateOverdue();
		assertThat(level(number)).isEqualTo("STATION_MASTER");

		clock.set(deadline);
		escalation.escalateOverdue();
		assertThat(level(number)).isEqualTo("LIAISON");
		assertThat(assignee(number)).isEqualTo(liaison.id());
		// the liaison has a day, but never more than a safety hazard's four hours
		assertThat(due(number)).isEqualTo(deadline.plus(Duration.ofHours(4)));
		assertThat(escalation.escalateOverdue()).isZero();
		assertThat(history(number)).containsExactly("OPENED STATION_MASTER " + master.id() + " - {}",
				"ESCALATED LIAISON " + liaison.id() + " - {}");
		assertThat(events.stream(TicketEscalated.class).filter(event -> event.number().equals(number))).singleElement()
			.satisfies(event -> {
				assertThat(event.from().name()).isEqualTo("STATION_MASTER");
				assertThat(event.to().name()).isEqualTo("LIAISON");
				assertThat(event.escalatedAt()).isEqualTo(deadline);
			});
		assertThat(jdbc.sql("""
				select count(*) from audit_entry where action = 'ticket.escalate' and target_id = ?
				    and username = 'system' and before_summary = 'level=STATION_MASTER'""")
			.param(number)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aTicketNobodyHandlesClimbsEveryLevelAndStaysOverdueAtTheTop() {
		Instant t = startClock();
		Station station = stationWith(master, liaison, general, "330100");
		String number = fixtures.report(station, ProblemType.BROKEN_FACILITY, null).ticket().number().value();

		Instant toLiaison = t.plus(Duration.ofDays(3));
		clock.set(toLiaison);
		escalation.escalateOverdue();
		Instant toGeneral = toLiaison.plus(Duration.ofDays(1));
		assertThat(due(number)).isEqualTo(toGeneral);
		clock.set(toGeneral);
		escalation.escalateOverdue();
		Instant toUnion = toGeneral.plus(Duration.ofDays(2));
		assertThat(due(number)).isEqualTo(toUnion);
		clock.set(toUnion);
		escalation.escalateOverdue();
		Instant topDeadline = toUnion.plus(Duration.ofDays(3));
		assertThat(due(number)).isEqualTo(topDeadline);

		clock.set(topDeadline.plus(Duration.ofDays(10)));
		assertThat(escalation.escalateOverdue()).isZero();

		assertThat(level(number)).isEqualTo("SUPERVISING_UNION");
		assertThat(jdbc.sql("select assignee_union_code from problem_ticket where number = ?")
			.param(number)
			.query(String.class)
			.single()).isEqualTo("330100");
		assertThat(jdbc.sql("select count(*) from problem_ticket where number = ? and status = 'OPEN' and due_at < ?")
			.param(number)
			.param(Timestamp.from(clock.instant()))
			.query(Long.class)
			.single()).as("still open and overdue, for the digests").isEqualTo(1);
		assertThat(history(number)).containsExactly("OPENED STATION_MASTER " + master.id() + " - {}",
				"ESCALATED LIAISON " + liaison.id() + " - {}",
				"ESCALATED GENERAL_STATION_MASTER " + general.id() + " - {}",
				"ESCALATED SUPERVISING_UNION - 330100 {}");
	}

	@Test
	void escalationSkipsGapsInTheChain() {
		Instant t = startClock();
		Station station = stationWith(master, null, general, null);
		String number = fixtures.report(station, ProblemType.CLOSED_WHEN_LISTED_OPEN, null).ticket().number().value();

		clock.set(t.plus(Duration.ofHours(24)));
		escalation.escalateOverdue();

		assertThat(level(number)).isEqualTo("GENERAL_STATION_MASTER");
		assertThat(history(number)).last()
			.isEqualTo("ESCALATED GENERAL_STATION_MASTER " + general.id() + " - {LIAISON}");
	}

	@Test
	void theChainAsItIsAtTheDeadlineDecidesNotTheOneAtTheReport() {
		Instant t = startClock();
		Station station = stationWith(master, null, null, null);
		String number = fixtures.report(station, ProblemType.SAFETY, null).ticket().number().value();

		fixtures.chain(station, master, liaison, null, "330100");
		clock.set(t.plus(Duration.ofHours(4)));
		escalation.escalateOverdue();
		assertThat(level(number)).isEqualTo("LIAISON");

		fixtures.chain(station, master, null, null, "330100");
		clock.set(t.plus(Duration.ofHours(8)));
		escalation.escalateOverdue();
		assertThat(level(number)).isEqualTo("SUPERVISING_UNION");
		assertThat(history(number)).last().isEqualTo("ESCALATED SUPERVISING_UNION - 330100 {GENERAL_STATION_MASTER}");
	}

	@Test
	void twoRunsAtOnceEscalateEachDeadlineExactlyOnce() throws Exception {
		Instant t = startClock();
		Station station = stationWith(master, liaison, general, null);
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			numbers.add(fixtures.report(station, ProblemType.SAFETY, null).ticket().number().value());
		}
		Instant deadline = t.plus(Duration.ofHours(4));
		clock.set(deadline);

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					return escalation.escalateOverdue();
				}));
			}
			start.countDown();
			int moved = runs.get(0).get() + runs.get(1).get();

			assertThat(moved).as("every escalation counted by exactly one run")
				.isEqualTo(jdbc.sql("select count(*) from problem_ticket_history where event = 'ESCALATED' and at = ?")
					.param(Timestamp.from(deadline))
					.query(Integer.class)
					.single());
		}
		finally {
			pool.shutdownNow();
		}
		for (String number : numbers) {
			assertThat(history(number)).as(number)
				.containsExactly("OPENED STATION_MASTER " + master.id() + " - {}",
						"ESCALATED LIAISON " + liaison.id() + " - {}");
		}
	}

	/** Stops the clock on a whole second of its own, far ahead of the real time. */
	private Instant startClock() {
		Instant t = Instant.now().plus(Duration.ofDays(DAYS_AHEAD.getAndAdd(30))).truncatedTo(ChronoUnit.SECONDS);
		clock.set(t);
		return t;
	}

	private Station stationWith(Person stationMaster, Person liaisonPerson, Person generalPerson, String union) {
		Station station = fixtures.listedStation("330106");
		fixtures.chain(station, stationMaster, liaisonPerson, generalPerson, union);
		return station;
	}

	private String level(String number) {
		return jdbc.sql("select responsible_level from problem_ticket where number = ?")
			.param(number)
			.query(String.class)
			.single();
	}

	private Long assignee(String number) {
		return jdbc.sql("select assignee_id from problem_ticket where number = ?")
			.param(number)
			.query(Long.class)
			.single();
	}

	private Instant due(String number) {
		return jdbc.sql("select due_at from problem_ticket where number = ?")
			.param(number)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	/** Each step as "EVENT LEVEL assignee union {skipped}". */
	private List<String> history(String number) {
		return jdbc.sql("""
				select h.event || ' ' || h.responsible_level || ' ' || coalesce(h.assignee_id::text, '-') || ' '
				    || coalesce(h.assignee_union_code, '-') || ' ' || h.skipped_levels::text
				from problem_ticket_history h join problem_ticket t on t.id = h.ticket_id
				where t.number = ? order by h.at, h.id
				""").param(number).query(String.class).list();
	}

}
