package org.yizhan.station;

import java.util.Set;

/**
 * Which stations a list or map shows; every criterion is optional and they combine with
 * AND.
 *
 * @param organization a union code: only stations in its subtree
 * @param statuses any of these statuses (all when empty)
 * @param hostType only this kind of host
 * @param amenities stations offering all of these
 * @param text part of the name, address or code, case-insensitive
 */
public record StationQuery(String organization, Set<StationStatus> statuses, HostType hostType, Set<Amenity> amenities,
		String text) {

	public StationQuery {
		statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
		amenities = amenities == null ? Set.of() : Set.copyOf(amenities);
		text = text == null || text.isBlank() ? null : text.strip();
		organization = organization == null || organization.isBlank() ? null : organization.strip();
	}

	public static StationQuery all() {
		return new StationQuery(null, Set.of(), null, Set.of(), null);
	}

}
