package org.yizhan.onboarding;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.yizhan.geo.GeoPoint;
import org.yizhan.station.Amenity;
import org.yizhan.station.HostType;

/**
 * An application as the district's reviewers see it: everything the host sent, the
 * contact masked, and the duplicate flags.
 *
 * @param areaChecked whether the site was checked against a district boundary on file
 * (the boundaries coverage keeps); {@code false} where the district has none yet
 * @param photoCount the scene photos, numbered 1 to {@code photoCount}
 */
public record Application(long id, HostSummary host, List<HostSummary> coBuilders, String contactName,
		String contactPhoneMasked, String contactEmailMasked, String districtCode, String districtName, String address,
		GeoPoint location, double areaM2, int floor, boolean facingStreet, String stationName, Set<Amenity> amenities,
		String openingHours, BuildMode buildMode, String description, ApplicationStatus status, boolean duplicate,
		boolean areaChecked, List<DuplicateFlag> flags, int photoCount, Instant submittedAt, Instant statusChangedAt,
		List<PublicApplicationStatus.Step> history, long version) {

	/** A host as an application names it. */
	public record HostSummary(long id, String creditCode, String name, HostType kind) {
	}

}
