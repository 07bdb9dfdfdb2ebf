/**
 * Money: subsidy rules as data owned by a union with a budget per year, their simulation,
 * monthly payment runs whose batches one person prepares and others approve, the
 * append-only ledger of what was paid, and the supervision of funds per union.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funding",
		allowedDependencies = { "organization", "dataio", "platform", "platform :: web", "platform :: security" })
package org.yizhan.funding;
