package org.yizhan.rating.intake;

import java.util.Set;

import org.yizhan.rating.HoldReason;
import org.yizhan.rating.RatingStatus;

/**
 * What became of one pending rating.
 *
 * @param ratingId the stored row's id, 0 when nothing was stored
 * @param status COUNTED or HELD when stored, else {@code null}
 */
public record WriteOutcome(Kind kind, long ratingId, RatingStatus status, Set<HoldReason> holdReasons) {

	public WriteOutcome {
		holdReasons = Set.copyOf(holdReasons);
	}

	static WriteOutcome stored(long ratingId, Set<HoldReason> holdReasons) {
		return new WriteOutcome(Kind.STORED, ratingId, holdReasons.isEmpty() ? RatingStatus.COUNTED : RatingStatus.HELD,
				holdReasons);
	}

	static final WriteOutcome ALREADY_RATED = new WriteOutcome(Kind.ALREADY_RATED, 0, null, Set.of());

	static final WriteOutcome NOT_LISTED = new WriteOutcome(Kind.NOT_LISTED, 0, null, Set.of());

	/** The three ends of a rating in the writer. */
	public enum Kind {

		/** A new row, counted or held. */
		STORED,
		/** The device already rated the station that day: nothing stored. */
		ALREADY_RATED,
		/** The station stopped taking ratings before the row was written. */
		NOT_LISTED

	}

}
