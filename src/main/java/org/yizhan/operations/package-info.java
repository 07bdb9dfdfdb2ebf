/**
 * Running a station day to day: the visits it serves, counted from workers' one-tap
 * check-ins and the station master's daily tally without storing who came.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations", allowedDependencies = { "station",
		"organization", "rating", "platform", "platform :: web", "platform :: security" })
package org.yizhan.operations;
