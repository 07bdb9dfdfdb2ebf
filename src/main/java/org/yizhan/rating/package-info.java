/**
 * Satisfaction ratings by QR code: the posters that carry each station's signed code, the
 * public rating page and its abuse defence, the group-commit intake, satisfaction figures
 * and the review queue of held ratings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rating", allowedDependencies = { "station",
		"organization", "ticket", "geo", "calendar", "platform", "platform :: web", "platform :: security" })
package org.yizhan.rating;
