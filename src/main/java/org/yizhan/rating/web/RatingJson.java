package org.yizhan.rating.web;

import java.time.LocalDate;

import org.yizhan.rating.RatingReceipt;

/**
 * The answer to a rating: {@code status} is {@code COUNTED}, {@code HELD} or
 * {@code ALREADY_RATED}; {@code message} says it in the caller's language, for a client
 * that shows it as it is.
 */
record RatingJson(String status, StationJson station, LocalDate ratingDay, String message) {

	record StationJson(String code, String name) {
	}

	static RatingJson of(RatingReceipt receipt, String message) {
		return new RatingJson(receipt.result().name(),
				new StationJson(receipt.station().code(), receipt.station().name()), receipt.ratingDay(), message);
	}

}
