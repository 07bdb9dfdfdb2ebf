package org.yizhan.supervision.digest;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.yizhan.YizhanApplication;
import org.yizhan.station.Station;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.supervision.digest.DigestFixtures.at;
import static org.yizhan.supervision.digest.DigestFixtures.daysAhead;

/**
 * Two instances on one database run the digests at the same moment: each recipient gets
 * each digest once, whether ShedLock lets only one of them run or both run unlocked, and
 * a run after that delivers nothing.
 */
@SpringBootTest
class DigestInstancesTests extends DigestTestSupport {

	@Autowired
	DigestSchedule schedule;

	@Test
	void twoInstancesRunningTheJobAtTheSameMomentDeliverEachDigestOnceAndARerunNothing() throws Exception {
		LocalDate yesterday = daysAhead(200);
		Station station = fixtures.station("540102", "双实例驿站");
		long master = fixtures.account("540102", "STATION_MASTER", null, station);
		fixtures.rating(station, yesterday, "09:00", 5, "COUNTED");
		fixtures.rating(station, yesterday.plusDays(1), "09:00", 4, "COUNTED");

		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(YizhanApplication.class,
				MutableClockConfiguration.class)
			.run("--server.port=0")) {
			MutableClock otherClock = other.getBean(MutableClock.class);
			long recipients = recipients();

			// the scheduled job, behind ShedLock, fired on both at once
			clock.set(at(yesterday.plusDays(1), "08:00"));
			otherClock.set(clock.instant());
			DigestSchedule otherSchedule = other.getBean(DigestSchedule.class);
			atOnce(schedule::deliverOnSchedule, otherSchedule::deliverOnSchedule);

			assertThat(decisions(yesterday)).isEqualTo(recipients);
			assertThat(maxPerRecipient(yesterday)).isOne();
			assertThat(fixtures.delivered(master, DigestKind.DAILY, yesterday)).isPresent();

			// the use case itself on both at once, with no lock at all: the claims decide
			clock.set(at(yesterday.plusDays(2), "08:00"));
			otherClock.set(clock.instant());
			Digests otherDigests = other.getBean(Digests.class);
			List<Digests.Run> runs = together(digests::deliverDue, otherDigests::deliverDue);

			LocalDate today = yesterday.plusDays(1);
			assertThat(decisions(today)).isEqualTo(recipients);
			assertThat(maxPerRecipient(today)).isOne();
			assertThat(daily(runs.get(0)) + daily(runs.get(1))).isEqualTo(recipients);
			assertThat(fixtures.delivered(master, DigestKind.DAILY, today).orElseThrow().subjectZh())
				.contains("昨日评价 1 条");

			Digests.Run rerun = otherDigests.deliverDue();
			assertThat(rerun.delivered()).isZero();
			assertThat(rerun.empty()).isZero();
		}
	}

	/** Runs both at the same moment and returns their results, in order. */
	@SafeVarargs
	private static <T> List<T> together(Callable<T>... calls) throws Exception {
		CyclicBarrier start = new CyclicBarrier(calls.length);
		ExecutorService threads = Executors.newFixedThreadPool(calls.length);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(threads.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return call.call();
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(5, TimeUnit.MINUTES));
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static void atOnce(Runnable first, Runnable second) throws Exception {
		together(() -> {
			first.run();
			return null;
		}, () -> {
			second.run();
			return null;
		});
	}

	private static int daily(Digests.Run run) {
		return run.outcomes()
			.stream()
			.filter(outcome -> outcome.kind() == DigestKind.DAILY)
			.mapToInt(outcome -> outcome.delivered() + outcome.empty())
			.sum();
	}

	private long recipients() {
		return jdbc.sql(
				"select count(*) from account where enabled and roles && array['ORG_ADMIN', 'STATION_MASTER']::varchar(32)[]")
			.query(Long.class)
			.single();
	}

	private long decisions(LocalDate period) {
		return jdbc.sql("select count(*) from digest where kind = 'DAILY' and period_start = :day")
			.param("day", Date.valueOf(period))
			.query(Long.class)
			.single();
	}

	private long maxPerRecipient(LocalDate period) {
		return jdbc.sql("""
				select coalesce(max(n), 0) from (select count(*) as n from notification
				where kind = 'digest.daily' and dedupe_key = :key group by account_id) per_account
				""").param("key", period.toString()).query(Long.class).single();
	}

}
