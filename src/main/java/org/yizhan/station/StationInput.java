package org.yizhan.station;

import java.math.BigDecimal;
import java.util.List;

/**
 * A station as a client sends it, before validation: free text where the client may be
 * wrong (codes, enum names, coordinates in a named system). {@link StationRegistry} turns
 * it into {@link StationDetails} or refuses it with one violation per field, named as in
 * the JSON API ({@code location.lat}, {@code amenities[2]}, {@code smartEntry.hours}).
 *
 * @param crs the coordinate system of {@code lat}/{@code lon}: {@code wgs84} (default),
 * {@code gcj02} or {@code bd09}
 */
public record StationInput(String name, String address, String district, String hostName, String hostType, Double lat,
		Double lon, String crs, BigDecimal areaM2, Integer seats, List<String> amenities, String openingHours,
		String smartEntryMethod, String smartEntryHours, Boolean mobile, String phone, String description, String level,
		Integer stars) {

}
