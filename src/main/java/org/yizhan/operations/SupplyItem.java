package org.yizhan.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One kind of thing a station keeps, with how many are there, the level under which it
 * should be restocked and, for medicine, the expiry date of what is on the shelf.
 *
 * @param id the item
 * @param stationId its station
 * @param category what kind of thing
 * @param name its name (unique per station, case ignored)
 * @param unit what the quantity counts (瓶, 盒, 件)
 * @param quantity how many are there now
 * @param threshold restock when the quantity falls under this
 * @param expiresOn when it expires, {@code null} for what does not
 * @param updatedAt when it last changed
 * @param updatedBy who changed it
 * @param version for optimistic locking
 */
public record SupplyItem(long id, long stationId, SupplyCategory category, String name, String unit, int quantity,
		int threshold, LocalDate expiresOn, Instant updatedAt, String updatedBy, long version) {

	/** None left. */
	public boolean out() {
		return this.quantity == 0;
	}

	/** Some left, but fewer than the threshold. */
	public boolean low() {
		return this.quantity > 0 && this.quantity < this.threshold;
	}

	/**
	 * Days from {@code today} until it expires (negative once expired); null if it does
	 * not.
	 */
	public Long daysLeft(LocalDate today) {
		return this.expiresOn == null ? null : ChronoUnit.DAYS.between(today, this.expiresOn);
	}

}
