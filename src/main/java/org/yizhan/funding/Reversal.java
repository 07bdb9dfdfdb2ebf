package org.yizhan.funding;

import java.time.Instant;

/**
 * A correction of a ledger payment under maker-checker: requested with its reason by one
 * person ({@code REQUESTED}), written to the ledger as a reversing entry when another
 * approves it ({@code DONE}, {@code ledgerId} the new entry). The requester may not
 * approve it, as a batch's preparer may not.
 */
public record Reversal(long id, long entryId, long amountFen, String payeeName, String reason, String status,
		String requestedBy, Instant requestedAt, String approvedBy, Instant approvedAt, Long ledgerId) {

	public boolean done() {
		return "DONE".equals(this.status);
	}

}
