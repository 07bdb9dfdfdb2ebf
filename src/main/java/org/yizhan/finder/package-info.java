/**
 * The public finder: the nearest listed stations that are open now and have what a worker
 * needs, answered from an in-memory index kept current by station events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Finder", allowedDependencies = { "station",
		"organization", "geo", "calendar", "platform", "platform :: web", "platform :: security" })
package org.yizhan.finder;
