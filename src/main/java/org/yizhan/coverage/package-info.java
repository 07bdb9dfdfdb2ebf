/**
 * Coverage of demand by stations within reach, and the choice of new sites that would
 * cover the most of what is still uncovered (the maximal covering location problem).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Coverage", allowedDependencies = { "station",
		"organization", "geo", "calendar", "platform", "platform :: web", "platform :: security" })
package org.yizhan.coverage;
