/**
 * The registry of stations: what each station is, where, what it offers, when it opens,
 * and where it stands in its lifecycle; every change is versioned and announced as an
 * event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Station registry", allowedDependencies = {
		"organization", "geo", "calendar", "platform", "platform :: web", "platform :: security" })
package org.yizhan.station;
