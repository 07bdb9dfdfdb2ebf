/**
 * Running a station day to day: the visits it serves, counted from workers' one-tap
 * check-ins, the station master's daily tally and a smart station's door entries without
 * storing who came; its door devices; its supplies and medicine; the unions' activities
 * at stations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations",
		allowedDependencies = { "station", "organization", "rating", "ticket", "finder", "geo", "platform",
				"platform :: web", "platform :: security", "platform :: privacy" })
package org.yizhan.operations;
