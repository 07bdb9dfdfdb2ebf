/**
 * Truthful listings: every station's "last confirmed" time fed from the fresh signals
 * other modules see, workers' reports from the finder that hold a listing as 待核实 when
 * three phones find it shut, and reminders to confirm a listing before it goes stale.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Truthful listings",
		allowedDependencies = { "station", "rating", "inspection", "ticket", "notification", "organization", "geo",
				"calendar", "platform", "platform :: web", "platform :: security" })
package org.yizhan.listing;
