package org.yizhan.station;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.yizhan.calendar.OpeningHours;
import org.yizhan.geo.GeoPoint;

/**
 * Everything about a station that its admins edit, already validated (see
 * {@link StationInput} for the raw form it arrives in).
 *
 * @param districtCode the six-digit code of the district union the station belongs to
 * @param location where the entrance is, in WGS-84
 * @param areaM2 floor area in square metres, {@code null} when unknown
 * @param seats seats for workers, {@code null} when unknown
 * @param smartEntry unattended entry, {@code null} for a station that is only open when
 * staffed
 * @param phone the public contact phone, {@code null} when none
 */
public record StationDetails(String name, String address, String districtCode, String hostName, HostType hostType,
		GeoPoint location, BigDecimal areaM2, Integer seats, Set<Amenity> amenities, OpeningHours openingHours,
		SmartEntry smartEntry, boolean mobile, String phone, String description, StationLevel level, int stars) {

	public StationDetails {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(address, "address");
		Objects.requireNonNull(districtCode, "districtCode");
		Objects.requireNonNull(hostName, "hostName");
		Objects.requireNonNull(hostType, "hostType");
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(openingHours, "openingHours");
		Objects.requireNonNull(level, "level");
		amenities = amenities == null || amenities.isEmpty() ? Set.of()
				: Collections.unmodifiableSet(EnumSet.copyOf(amenities));
		if (stars < 0 || stars > 5) {
			throw new IllegalArgumentException("stars must be 0..5");
		}
	}

	/** The same details at another level and number of stars (a grading decision). */
	public StationDetails withGrade(StationLevel level, int stars) {
		return new StationDetails(name, address, districtCode, hostName, hostType, location, areaM2, seats, amenities,
				openingHours, smartEntry, mobile, phone, description, level, stars);
	}

	/** The same details at another level. */
	public StationDetails withLevel(StationLevel level) {
		return new StationDetails(name, address, districtCode, hostName, hostType, location, areaM2, seats, amenities,
				openingHours, smartEntry, mobile, phone, description, level, stars);
	}

}
