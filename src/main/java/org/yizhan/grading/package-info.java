/**
 * Grading: each union's rules for levels and stars as data, the yearly assessment that
 * proposes a level and stars for every station of a subtree and explains each proposal
 * criterion by criterion from the evidence, the stations at risk of losing a star, and
 * the decisions that alone change a station's grade.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Grading",
		allowedDependencies = { "station", "organization", "platform", "platform :: web", "platform :: security" })
package org.yizhan.grading;
