package org.yizhan.operations;

import java.time.LocalDate;

/**
 * A coupon (优惠券) a funder offers at a station: a worker's phone redeems it at most once a
 * day there, up to {@code total} redemptions over its days, each counted for the funder.
 *
 * @param id the coupon
 * @param stationId its station
 * @param funder who pays for what it gives
 * @param title what it gives (一瓶冰镇饮料)
 * @param startsOn the first day it can be redeemed
 * @param endsOn the last day
 * @param total the most redemptions the funder pays for
 * @param redeemed how many so far
 * @param redeemedToday how many today
 */
public record Coupon(long id, long stationId, String funder, String title, LocalDate startsOn, LocalDate endsOn,
		int total, int redeemed, int redeemedToday) {

	public int remaining() {
		return this.total - this.redeemed;
	}

	/** Whether a phone can redeem it on the day, counts allowing. */
	public boolean runsOn(LocalDate day) {
		return !day.isBefore(this.startsOn) && !day.isAfter(this.endsOn);
	}

}
