package org.yizhan.rating;

import java.time.LocalDate;

/**
 * What a worker is told after rating: whether the rating counts, is held for review, or
 * was a second one of the day and changed nothing. Why a rating was held is not told:
 * that would teach the rules to whoever games them.
 *
 * @param ratingDay the Asia/Shanghai day the rating counts for
 */
public record RatingReceipt(Result result, RatingStation station, LocalDate ratingDay) {

	/** The three answers to a rating that was accepted for judgement. */
	public enum Result {

		/** Stored and counted in the station's figures. */
		COUNTED,
		/** Stored, kept out of every figure until an admin releases it. */
		HELD,
		/** This device already rated this station today; nothing new was stored. */
		ALREADY_RATED

	}

}
