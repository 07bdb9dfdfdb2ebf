/**
 * Problem tickets and rectification (整改): a case opened by whoever finds something wrong
 * with a station (a worker's QR report, a station's self-check, union staff, an
 * inspection's failed item), routed to the lowest level of the station's responsibility
 * chain that names someone, escalated up it when its deadline passes, resolved with a
 * note (and a photo where the problem needs one) or, for an inspection's finding,
 * rectified with an "after" photo and closed by a re-check, and followed by its reporter
 * on a public status page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets", allowedDependencies = { "station",
		"organization", "notification", "platform", "platform :: web", "platform :: security", "platform :: privacy" })
package org.yizhan.ticket;
