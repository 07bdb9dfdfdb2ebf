/**
 * Supervision, Qingdao's 日督导、周整改、月完善 loop: the daily and weekly digests that tell each
 * person what needs them, and the monthly check that flags listed stations nobody has
 * rated for months (silent stations) and follows each case to a decision.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision", allowedDependencies = { "rating", "ticket",
		"station", "organization", "notification", "platform", "platform :: web", "platform :: security" })
package org.yizhan.supervision;
