/**
 * The notification centre: one inbox per account for whatever the platform has to tell it
 * (digests now, inspections and subsidies later), and the e-mail that carries the same
 * notice when a mail server is configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "organization", "platform", "platform :: web", "platform :: security" })
package org.yizhan.notification;
