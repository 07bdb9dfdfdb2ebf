package org.yizhan.rating.web;

import java.time.LocalDate;

/**
 * The answer to a rating: {@code status} is {@code COUNTED}, {@code HELD} or
 * {@code ALREADY_RATED}; {@code message} says it in the caller's language, for a client
 * that shows it as it is. {@code RatingApiController} serialises each answer once and
 * sends its bytes.
 */
record RatingJson(String status, StationJson station, LocalDate ratingDay, String message) {

	record StationJson(String code, String name) {
	}

}
