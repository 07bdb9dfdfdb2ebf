package org.yizhan.funding;

import java.time.Instant;

/**
 * A subsidy rule as a union adopted it: what it pays ({@code amountFen} per station, per
 * month for the upkeep), for which kind of subsidy, out of which yearly budget; with what
 * is committed (prepared batches not yet paid) and paid (the ledger's net) against it.
 */
public record SubsidyRule(long id, String unionCode, String unionName, SubsidyKind kind, String name, int year,
		long amountFen, long budgetFen, long committedFen, long paidFen, Instant createdAt, String createdBy) {

	/** What the budget still allows: budget less committed less paid. */
	public long leftFen() {
		return this.budgetFen - this.committedFen - this.paidFen;
	}

}
