/**
 * The trade-union organisation tree (national, province, city, district, street,
 * industry) that owns stations and bounds what each union sees.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations",
		allowedDependencies = { "platform", "platform :: web", "platform :: security", "platform :: privacy" })
package org.yizhan.organization;
