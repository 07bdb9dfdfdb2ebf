package org.yizhan.grading;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A naming batch: the grades a union decided together under one document (文号) and date,
 * as Shanxi named its first 130 provincial-level stations in 2020.
 */
public record NamingBatch(long id, long runId, String unionCode, String documentNumber, LocalDate documentDate,
		int stations, Instant createdAt, String createdBy) {
}
