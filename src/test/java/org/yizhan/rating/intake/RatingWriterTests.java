package org.yizhan.rating.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.yizhan.rating.IntakeBusyException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The group-commit writer on its own, with a store that stands in for the database (the
 * real one, {@link JdbcRatingStore}, is exercised by every API test): answers only after
 * the batch is stored, a bounded queue, one bad row failing only itself, a database out
 * of reach failing its batch at once.
 */
class RatingWriterTests {

	private RatingWriter writer;

	@AfterEach
	void stop() {
		if (writer != null) {
			writer.stop();
		}
	}

	@Test
	void aRatingIsAnsweredOnlyOnceItsBatchHasBeenStored() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		writer = started(batch -> {
			await(release);
			batch.forEach(rating -> rating.decide(WriteOutcome.stored(1, Set.of())));
		}, 10, 10);

		CompletableFuture<WriteOutcome> answer = writer.submit(rating(1));
		Thread.sleep(200);

		assertThat(answer).isNotDone();
		release.countDown();
		assertThat(answer.get(5, TimeUnit.SECONDS).kind()).isEqualTo(WriteOutcome.Kind.STORED);
	}

	@Test
	void ratingsThatArriveWhileABatchIsBeingWrittenGoTogetherIntoTheNext() throws Exception {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
		writer = started(batch -> {
			sizes.add(batch.size());
			firstStarted.countDown();
			await(release);
			batch.forEach(rating -> rating.decide(WriteOutcome.stored(1, Set.of())));
		}, 100, 100);
		List<CompletableFuture<WriteOutcome>> answers = new ArrayList<>();
		answers.add(writer.submit(rating(1)));
		firstStarted.await(5, TimeUnit.SECONDS);
		for (int i = 2; i <= 50; i++) {
			answers.add(writer.submit(rating(i)));
		}
		release.countDown();
		for (CompletableFuture<WriteOutcome> answer : answers) {
			answer.get(5, TimeUnit.SECONDS);
		}
		assertThat(sizes).containsExactly(1, 49);
	}

	@Test
	void aFullQueueRefusesAtOnceInsteadOfGrowing() {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch writing = new CountDownLatch(1);
		writer = started(batch -> {
			writing.countDown();
			await(release);
			batch.forEach(rating -> rating.decide(WriteOutcome.stored(1, Set.of())));
		}, 2, 1);
		writer.submit(rating(1));
		await(writing);
		writer.submit(rating(2));
		writer.submit(rating(3));

		assertThatThrownBy(() -> writer.submit(rating(4))).isInstanceOf(IntakeBusyException.class);
		release.countDown();
	}

	@Test
	void aRowTheDatabaseRefusesFailsOnlyItsOwnRating() throws Exception {
		CountDownLatch gathered = new CountDownLatch(1);
		AtomicLong calls = new AtomicLong();
		writer = started(batch -> {
			await(gathered);
			calls.incrementAndGet();
			if (batch.stream().anyMatch(rating -> rating.stationId == 13)) {
				throw new DataIntegrityViolationException("station 13 breaks a constraint");
			}
			batch.forEach(rating -> rating.decide(WriteOutcome.stored(rating.stationId, Set.of())));
		}, 100, 100);
		List<CompletableFuture<WriteOutcome>> answers = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			answers.add(writer.submit(rating(i)));
		}
		gathered.countDown();

		for (int i = 1; i <= 20; i++) {
			CompletableFuture<WriteOutcome> answer = answers.get(i - 1);
			if (i == 13) {
				assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
					.hasCauseInstanceOf(DataIntegrityViolationException.class);
			}
			else {
				assertThat(answer.get(5, TimeUnit.SECONDS).ratingId()).isEqualTo(i);
			}
		}
		assertThat(calls.get()).as("split in halves down to the bad row").isLessThan(20);
	}

	@Test
	void aDatabaseOutOfReachFailsTheWholeBatchAtOnceWithoutRetrying() throws Exception {
		CountDownLatch gathered = new CountDownLatch(1);
		List<PendingRating> offered = Collections.synchronizedList(new ArrayList<>());
		writer = started(batch -> {
			await(gathered);
			offered.addAll(batch);
			throw new CannotGetJdbcConnectionException("connection refused");
		}, 100, 100);
		List<CompletableFuture<WriteOutcome>> answers = new ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			answers.add(writer.submit(rating(i)));
		}
		gathered.countDown();

		for (CompletableFuture<WriteOutcome> answer : answers) {
			assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS))
				.hasCauseInstanceOf(CannotGetJdbcConnectionException.class);
		}
		assertThat(offered).as("each rating tried once, not again in halves").hasSize(10).doesNotHaveDuplicates();
	}

	@Test
	void stoppingWritesWhatIsQueuedFirst() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		writer = started(batch -> {
			await(release);
			batch.forEach(rating -> rating.decide(WriteOutcome.stored(1, Set.of())));
		}, 100, 5);
		List<CompletableFuture<WriteOutcome>> answers = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			answers.add(writer.submit(rating(i)));
		}
		Thread stopping = new Thread(writer::stop);
		stopping.start();
		Thread.sleep(100);
		release.countDown();
		stopping.join(10_000);

		for (CompletableFuture<WriteOutcome> answer : answers) {
			assertThat(answer.get(1, TimeUnit.SECONDS).kind()).isEqualTo(WriteOutcome.Kind.STORED);
		}
		assertThatThrownBy(() -> writer.submit(rating(99))).isInstanceOf(IntakeBusyException.class);
	}

	private static RatingWriter started(BatchStore store, int capacity, int maxBatch) {
		RatingWriter writer = new RatingWriter(store, capacity, maxBatch, new SimpleMeterRegistry());
		writer.start();
		return writer;
	}

	private static PendingRating rating(long station) {
		return new PendingRating(station, LocalDate.of(2026, 11, 23), Instant.parse("2026-11-23T02:00:00Z"), 4,
				Set.of(), null, null, new byte[16], null, null, Set.of());
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the test never released the store");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
