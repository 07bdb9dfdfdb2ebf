package org.yizhan.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a rule owes for one month, as one payment run prepared it. Lifecycle: a run
 * prepares it ({@code PREPARED}, its lines fixed); each approval is by someone other than
 * the preparer; with the approvals it needs (two above the configured amount) its lines
 * become ledger entries in the same transaction and it is {@code PAID}. There is one
 * batch per rule and month: running the month again finds it.
 */
public record PaymentBatch(long id, long ruleId, String ruleName, SubsidyKind kind, String unionCode, LocalDate month,
		String status, int lineCount, long totalFen, int approvalsRequired, Instant preparedAt, String preparedBy,
		Instant paidAt, List<String> approvedBy) {

	public boolean paid() {
		return "PAID".equals(this.status);
	}

	/** The year and month, {@code 2026-11}. */
	public String period() {
		return this.month.toString().substring(0, 7);
	}

}
