/**
 * Data in and out: station ledgers imported from Excel or CSV (checked first, then
 * imported whole through the station registry) and the console's lists exported as
 * streamed Excel or CSV files.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data in and out", allowedDependencies = { "station",
		"organization", "geo", "calendar", "platform", "platform :: web", "platform :: security" })
package org.yizhan.dataio;
