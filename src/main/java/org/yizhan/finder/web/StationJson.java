package org.yizhan.finder.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A station as the finder answers it: the contract of issue 3, spelled out as types so
 * that OpenAPI documents it and a renamed field fails to compile. Distances are absent
 * from viewport answers; the other fields are always present, {@code null} when unknown.
 * {@code openingHoursText} is the hours in the caller's language (OpeningHoursText).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record StationJson(long id, String code, String name, String address, LocationJson location,
		@JsonInclude(JsonInclude.Include.NON_NULL) Long distanceMeters,
		@JsonInclude(JsonInclude.Include.NON_NULL) Long walkMinutes,
		@JsonInclude(JsonInclude.Include.NON_NULL) Long rideMinutes, Boolean openNow, String openUntil, String nextOpen,
		String openingHours, String openingHoursText, EntryJson entry, List<String> amenities, String hostType,
		String phone, Map<String, String> navigation, boolean unverified,
		@JsonInclude(JsonInclude.Include.NON_NULL) Long confirmedDaysAgo) {
}
