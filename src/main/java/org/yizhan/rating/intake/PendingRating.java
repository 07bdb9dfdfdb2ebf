package org.yizhan.rating.intake;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.yizhan.rating.HoldReason;
import org.yizhan.rating.RatingTag;
import org.yizhan.rating.WorkerCategory;

/**
 * A validated rating on its way to the database, and the answer its request waits for.
 * The store fills in {@link #outcome()} per attempt; the writer hands it to the waiting
 * request only once the batch has committed.
 */
public final class PendingRating {

	final long stationId;

	final LocalDate day;

	final Instant submittedAt;

	final int stars;

	final Set<RatingTag> tags;

	final WorkerCategory category;

	final String comment;

	final byte[] deviceHash;

	final byte[] fingerprintHash;

	final Boolean nearStation;

	/** Reasons decided from the request alone (hours, location). */
	final Set<HoldReason> requestHolds;

	private final CompletableFuture<WriteOutcome> answer = new CompletableFuture<>();

	private WriteOutcome outcome;

	public PendingRating(long stationId, LocalDate day, Instant submittedAt, int stars, Set<RatingTag> tags,
			WorkerCategory category, String comment, byte[] deviceHash, byte[] fingerprintHash, Boolean nearStation,
			Set<HoldReason> requestHolds) {
		this.stationId = stationId;
		this.day = day;
		this.submittedAt = submittedAt;
		this.stars = stars;
		this.tags = tags.isEmpty() ? Set.of() : EnumSet.copyOf(tags);
		this.category = category;
		this.comment = comment;
		this.deviceHash = deviceHash;
		this.fingerprintHash = fingerprintHash;
		this.nearStation = nearStation;
		this.requestHolds = requestHolds.isEmpty() ? Set.of() : EnumSet.copyOf(requestHolds);
	}

	/** One rating per device, station and day: the unique key of the table. */
	Key key() {
		return new Key(stationId, day, ByteBuffer.wrap(deviceHash));
	}

	record Key(long stationId, LocalDate day, ByteBuffer device) {
	}

	/** What the current attempt decided; {@code null} before the store ran. */
	WriteOutcome outcome() {
		return outcome;
	}

	void decide(WriteOutcome outcome) {
		this.outcome = outcome;
	}

	/** The answer, once the batch committed (or failed for good). */
	public CompletableFuture<WriteOutcome> answer() {
		return answer;
	}

	@Override
	public String toString() {
		return "PendingRating[station=" + stationId + ", day=" + day + ", stars=" + stars + "]";
	}

}
