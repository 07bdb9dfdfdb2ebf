/**
 * Leaders' dashboards: what a union's subtree looks like in figures (stations,
 * satisfaction, visits, cases, silent stations), read-only from the other modules'
 * tables, on the console and on a control room's display.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting",
		allowedDependencies = { "station", "organization", "platform", "platform :: web", "platform :: security" })
package org.yizhan.reporting;
