package org.yizhan.funding;

/** A payment run's answer: the month's batch, and whether this run made it. */
public record RunResult(PaymentBatch batch, boolean created) {
}
