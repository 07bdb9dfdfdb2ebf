package org.yizhan.grading;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A naming batch: the grades a union decided together under one document (文号) and date,
 * as Shanxi named its first 130 provincial-level stations in 2020.
 *
 * @param runId the run whose proposals it accepted, {@code null} for a batch of accepted
 * nominations (which come from the runs of several unions below)
 */
public record NamingBatch(long id, Long runId, String unionCode, String documentNumber, LocalDate documentDate,
		int stations, Instant createdAt, String createdBy) {
}
