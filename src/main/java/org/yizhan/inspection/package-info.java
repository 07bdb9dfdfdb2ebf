/**
 * Inspections: a union's campaigns of visits over its subtree (annual 回头看, third-party
 * assessment, spot check, self-check) against a checklist version, with a reproducible
 * stratified sample, the inspectors' worklists and phone form, mystery visits hidden from
 * the station side until the union publishes them, and each station's scores.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inspections", allowedDependencies = { "standard",
		"station", "ticket", "organization", "geo", "platform", "platform :: web", "platform :: security" })
package org.yizhan.inspection;
