package org.yizhan.operations;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Goods a donor gave a station to hand out to workers, and how many have been claimed so
 * far (a number: never who claimed).
 *
 * @param id the donation
 * @param stationId its station
 * @param donorKind the donor's kind
 * @param donor the donor's name
 * @param name what was given
 * @param unit what the quantity counts
 * @param quantity how many were given
 * @param claimed how many workers have claimed one so far
 * @param donatedOn the day it arrived
 * @param recordedAt when it was recorded
 * @param recordedBy who recorded it
 */
public record Donation(long id, long stationId, DonorKind donorKind, String donor, String name, String unit,
		int quantity, int claimed, LocalDate donatedOn, Instant recordedAt, String recordedBy) {

	/** How many are still there to claim. */
	public int remaining() {
		return this.quantity - this.claimed;
	}

}
