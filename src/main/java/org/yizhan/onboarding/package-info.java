/**
 * Onboarding: the hosts that build stations (承建单位, with their credit codes, contacts and
 * sites) and the applications they send without an account to have a station at one of
 * their sites, followed by a status link and reviewed by the district's union.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Onboarding",
		allowedDependencies = { "station", "organization", "coverage", "standard", "geo", "calendar", "platform",
				"platform :: web", "platform :: security", "platform :: privacy" })
package org.yizhan.onboarding;
