package org.yizhan.funding;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of the append-only ledger: a payment of a batch's line, or the reversal of one (a
 * negative amount naming the entry it corrects and why).
 */
public record LedgerEntry(long id, String kind, long ruleId, Long batchId, Long reversesId, long stationId,
		LocalDate month, String payeeName, long amountFen, String reason, Instant recordedAt, String recordedBy) {
}
