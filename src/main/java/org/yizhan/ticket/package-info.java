/**
 * Problem tickets: a case opened by whoever finds something wrong with a station, routed
 * to the lowest level of the station's responsibility chain that names someone, escalated
 * up it when its deadline passes, resolved with a note (and a photo where the problem
 * needs one), and followed by its reporter on a public status page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets", allowedDependencies = { "station",
		"organization", "notification", "platform", "platform :: web", "platform :: security" })
package org.yizhan.ticket;
