/**
 * Programme partners beside the union tree (a delivery platform, a bank's head office):
 * their accounts, the programmes they take part in with their brand and stations, the
 * hand-over of a station's running to its union, and the partner API (keys, figures,
 * changes since a cursor, signed webhooks).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partners",
		allowedDependencies = { "onboarding", "station", "finder", "rating", "organization", "platform",
				"platform :: web", "platform :: security", "platform :: privacy" })
package org.yizhan.partner;
