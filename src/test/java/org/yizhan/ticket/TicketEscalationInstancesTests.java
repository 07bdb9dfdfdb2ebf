package org.yizhan.ticket;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.yizhan.YizhanApplication;
import org.yizhan.station.StationTokens;
import org.yizhan.ticket.TicketFixtures.Person;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationResponsibilities;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;

import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one database, as in production: their escalation
 * jobs take turns through ShedLock, and even when both run at once each deadline
 * escalates exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketEscalationInstancesTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	TicketEscalation escalation;

	@Autowired
	JdbcClient jdbc;

	ConfigurableApplicationContext other;

	TicketFixtures fixtures;

	Station station;

	Person master;

	@BeforeAll
	void startTheSecondInstance(@Autowired MockMvc mvc, @Autowired StationRegistry registry,
			@Autowired StationResponsibilities responsibilities, @Autowired ProblemTickets tickets,
			@Autowired StationTokens tokens) throws Exception {
		// Arguments, not default properties: those would lose to application.yml's port.
		other = new SpringApplicationBuilder(YizhanApplication.class, MutableClockConfiguration.class)
			.run("--server.port=0", "--yizhan.finder.reconcile-interval=1h");
		fixtures = TicketFixtures.of(context);
		station = fixtures.listedStation("330106");
		master = fixtures.account("330106", List.of("STATION_MASTER"), station);
		Person liaison = fixtures.account("330106", List.of("LIAISON"), station);
		Person general = fixtures.account("330106", List.of("STATION_MASTER"), station);
		fixtures.chain(station, master, liaison, general, null);
	}

	@AfterAll
	void stopTheSecondInstance() {
		if (other != null) {
			other.close();
		}
	}

	@AfterEach
	void resetClocks() {
		clock.reset();
		other.getBean(MutableClock.class).reset();
	}

	@Test
	void bothInstancesRunningAtOnceEscalateEachDeadlineExactlyOnce() throws Exception {
		Instant t = setClocks(Instant.now().plus(Duration.ofDays(3000)).truncatedTo(ChronoUnit.SECONDS));
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			numbers.add(fixtures.report(station, ProblemType.SAFETY, null).ticket().number().value());
		}
		Instant deadline = setClocks(t.plus(Duration.ofHours(4)));
		TicketEscalation theOther = other.getBean(TicketEscalation.class);

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		int moved;
		try {
			Future<Integer> here = pool.submit(() -> {
				start.await();
				return escalation.escalateOverdue();
			});
			Future<Integer> there = pool.submit(() -> {
				start.await();
				return theOther.escalateOverdue();
			});
			start.countDown();
			moved = here.get() + there.get();
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(moved).isEqualTo(escalationsAt(deadline));
		assertThat(jdbc.sql("""
				select count(*) from problem_ticket_history h join problem_ticket t on t.id = h.ticket_id
				where t.number in (:numbers) and h.event = 'ESCALATED'""")
			.param("numbers", numbers)
			.query(Integer.class)
			.single()).isEqualTo(40);
		assertThat(theOther.escalateOverdue() + escalation.escalateOverdue()).isZero();
	}

	@Test
	void whileOneInstanceHoldsTheJobsLockTheOthersRunDoesNothing() throws InterruptedException {
		Instant t = setClocks(Instant.now().plus(Duration.ofDays(3100)).truncatedTo(ChronoUnit.SECONDS));
		String number = fixtures.report(station, ProblemType.SAFETY, null).ticket().number().value();
		setClocks(t.plus(Duration.ofHours(4)));
		LockProvider locks = other.getBean(LockProvider.class);
		// A scheduled run of either instance may hold it for its last few seconds.
		Optional<SimpleLock> held = Optional.empty();
		for (int attempt = 0; attempt < 20 && held.isEmpty(); attempt++) {
			held = locks
				.lock(new LockConfiguration(Instant.now(), "ticket-escalation", Duration.ofMinutes(5), Duration.ZERO));
			if (held.isEmpty()) {
				Thread.sleep(500);
			}
		}
		assertThat(held).as("the lock is free to take").isPresent();
		try {
			escalation.escalateOnSchedule();
			assertThat(level(number)).isEqualTo("STATION_MASTER");
		}
		finally {
			held.get().unlock();
		}

		escalation.escalateOnSchedule();

		assertThat(level(number)).isEqualTo("LIAISON");
	}

	private Instant setClocks(Instant instant) {
		clock.set(instant);
		other.getBean(MutableClock.class).set(instant);
		return instant;
	}

	private int escalationsAt(Instant at) {
		return jdbc.sql("select count(*) from problem_ticket_history where event = 'ESCALATED' and at = ?")
			.param(Timestamp.from(at))
			.query(Integer.class)
			.single();
	}

	private String level(String number) {
		return jdbc.sql("select responsible_level from problem_ticket where number = ?")
			.param(number)
			.query(String.class)
			.single();
	}

}
