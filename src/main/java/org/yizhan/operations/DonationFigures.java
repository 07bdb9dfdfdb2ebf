package org.yizhan.operations;

import java.time.LocalDate;
import java.util.List;

/**
 * What a union's stations received and handed out over a range of days, for its staff:
 * donated goods by donor kind (given, claimed in the range) and coupon redemptions by
 * funder (爱心互献's "129,800 items donated, 105,900 claimed").
 *
 * @param union the union's code
 * @param from the first day
 * @param to the last day
 * @param donors one line per donor kind with anything in the range
 * @param funders one line per coupon funder with anything offered or redeemed
 */
public record DonationFigures(String union, LocalDate from, LocalDate to, List<DonorLine> donors,
		List<FunderLine> funders) {

	/** A donor kind's items donated in the range and claims recorded in it. */
	public record DonorLine(DonorKind kind, long donated, long claimed) {
	}

	/**
	 * A funder's coupons: how many stations offer them, and the redemptions in the range.
	 */
	public record FunderLine(String funder, long coupons, long redeemed) {
	}

	public long donated() {
		return this.donors.stream().mapToLong(DonorLine::donated).sum();
	}

	public long claimed() {
		return this.donors.stream().mapToLong(DonorLine::claimed).sum();
	}

	public long redeemed() {
		return this.funders.stream().mapToLong(FunderLine::redeemed).sum();
	}

}
