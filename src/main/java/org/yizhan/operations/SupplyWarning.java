package org.yizhan.operations;

import java.time.LocalDate;

/**
 * An item that needs someone: expired or expiring within the days asked, out, or under
 * its restock threshold. An item expiring and low is one warning with both reasons.
 *
 * @param item the item
 * @param stationCode its station's code
 * @param stationName its station's name
 * @param expired past its expiry date
 * @param expiring expiring within the days asked (not yet expired)
 * @param daysLeft days until it expires, {@code null} when it does not
 * @param out none left
 * @param low under its threshold
 */
public record SupplyWarning(SupplyItem item, String stationCode, String stationName, boolean expired, boolean expiring,
		Long daysLeft, boolean out, boolean low) {

	static SupplyWarning of(SupplyItem item, String stationCode, String stationName, LocalDate today, int days) {
		Long left = item.daysLeft(today);
		return new SupplyWarning(item, stationCode, stationName, left != null && left < 0,
				left != null && left >= 0 && left <= days, left, item.out(), item.low());
	}

	/** Whether anything in it needs someone. */
	public boolean any() {
		return this.expired || this.expiring || this.out || this.low;
	}

}
