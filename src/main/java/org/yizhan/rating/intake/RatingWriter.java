package org.yizhan.rating.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.yizhan.rating.IntakeBusyException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.stereotype.Component;

/**
 * Group commit: request threads hand validated ratings to one writer thread, which writes
 * whatever has gathered (up to {@code max-batch}) in one transaction with one multi-row
 * insert, commits, and only then answers every waiting request. While one batch commits,
 * the next gathers, so a commit's wait for the disk is shared by all the ratings of a
 * batch: that is how every acknowledgement can follow a synchronous commit and the intake
 * still take thousands of ratings a second.
 *
 * <p>
 * The queue is bounded ({@code queue-capacity}): when it is full a rating is refused at
 * once with 503 rather than held in memory. A batch that fails on its data is split in
 * halves and each half written again, so one bad row fails only its own request (the
 * validator makes that case theoretical); a batch that fails because the database is out
 * of reach fails as a whole and at once.
 *
 * <p>
 * The writer starts before the web server and stops after it: a graceful shutdown lets
 * the requests in flight finish, then the writer writes what is queued and stops.
 */
@Component
public class RatingWriter implements SmartLifecycle {

	/** Before the web server starts (and so after it has stopped). */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Logger log = LoggerFactory.getLogger(RatingWriter.class);

	private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

	private final BatchStore store;

	private final BlockingQueue<PendingRating> queue;

	private final int maxBatch;

	private final DistributionSummary batchSizes;

	private final Timer batchTimes;

	private volatile boolean running;

	private Thread thread;

	@Autowired
	RatingWriter(BatchStore store, IntakeProperties properties, MeterRegistry meters) {
		this(store, properties.queueCapacity(), properties.maxBatch(), meters);
	}

	RatingWriter(BatchStore store, int queueCapacity, int maxBatch, MeterRegistry meters) {
		this.store = store;
		this.queue = new ArrayBlockingQueue<>(queueCapacity);
		this.maxBatch = maxBatch;
		this.batchSizes = DistributionSummary.builder("yizhan.rating.batch.size")
			.description("Ratings written per transaction")
			.register(meters);
		this.batchTimes = Timer.builder("yizhan.rating.batch.duration")
			.description("Time to judge, insert and commit one batch")
			.register(meters);
		Gauge.builder("yizhan.rating.queue", queue, BlockingQueue::size)
			.description("Ratings waiting for the writer")
			.register(meters);
	}

	/**
	 * Queues a rating for the next batch.
	 * @return completed once its batch committed, with its outcome
	 * @throws IntakeBusyException when the queue is full or the writer is not running
	 */
	public CompletableFuture<WriteOutcome> submit(PendingRating rating) {
		if (!running || !queue.offer(rating)) {
			throw new IntakeBusyException("The rating queue is full", BUSY_RETRY);
		}
		return rating.answer();
	}

	private void run() {
		List<PendingRating> batch = new ArrayList<>(maxBatch);
		while (running || !queue.isEmpty()) {
			PendingRating first;
			try {
				first = queue.poll(50, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				// Stopping: drain what is queued, then leave.
				continue;
			}
			if (first == null) {
				continue;
			}
			batch.add(first);
			queue.drainTo(batch, maxBatch - 1);
			long started = System.nanoTime();
			write(batch);
			batchTimes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			batchSizes.record(batch.size());
			batch.clear();
		}
	}

	private void write(List<PendingRating> batch) {
		try {
			store.store(batch);
		}
		catch (RuntimeException ex) {
			if (batch.size() > 1 && isolatable(ex)) {
				log.warn("A batch of {} ratings failed on its data ({}); writing its halves again", batch.size(),
						ex.getMessage());
				int half = batch.size() / 2;
				write(new ArrayList<>(batch.subList(0, half)));
				write(new ArrayList<>(batch.subList(half, batch.size())));
			}
			else {
				fail(batch, ex);
			}
			return;
		}
		catch (Error ex) {
			fail(batch, ex);
			throw ex;
		}
		for (PendingRating rating : batch) {
			rating.answer().complete(rating.outcome());
		}
	}

	private static void fail(List<PendingRating> batch, Throwable ex) {
		if (batch.size() == 1 && isolatable(ex)) {
			log.error("A rating could not be stored: {}", batch.get(0), ex);
		}
		else {
			log.error("A batch of {} ratings could not be stored: {}", batch.size(), ex.getMessage());
		}
		for (PendingRating rating : batch) {
			rating.answer().completeExceptionally(ex);
		}
	}

	/**
	 * A failure caused by the rows themselves, which writing fewer of them may avoid; not
	 * one of the database being out of reach, which would only fail again, slower.
	 */
	private static boolean isolatable(Throwable ex) {
		return ex instanceof NonTransientDataAccessException && !(ex instanceof DataAccessResourceFailureException)
				&& !(ex instanceof NonTransientDataAccessResourceException);
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		thread = new Thread(this::run, "rating-writer");
		thread.start();
	}

	@Override
	public void stop() {
		Thread writer;
		synchronized (this) {
			if (!running) {
				return;
			}
			running = false;
			writer = thread;
		}
		try {
			writer.join(Duration.ofSeconds(30).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		// Anything offered while stopping, after the last drain, is answered rather than
		// left waiting.
		PendingRating left;
		while ((left = queue.poll()) != null) {
			left.answer().completeExceptionally(new IntakeBusyException("The intake is stopping", BUSY_RETRY));
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
