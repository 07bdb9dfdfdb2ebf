package org.yizhan.station.web;

import java.math.BigDecimal;
import java.util.List;

import org.yizhan.station.StationInput;

/**
 * A station as an API client sends it to create or replace one; {@code version} is the
 * version the client last read (alternatively sent as {@code If-Match}).
 */
record StationRequest(String name, String address, String district, String hostName, String hostType, Location location,
		BigDecimal areaM2, Integer seats, List<String> amenities, String openingHours, SmartEntry smartEntry,
		Boolean mobile, String phone, String description, String level, Integer stars, Long version) {

	record Location(Double lat, Double lon, String crs) {
	}

	record SmartEntry(String method, String hours) {
	}

	StationInput toInput() {
		Location at = location == null ? new Location(null, null, null) : location;
		SmartEntry entry = smartEntry == null ? new SmartEntry(null, null) : smartEntry;
		return new StationInput(name, address, district, hostName, hostType, at.lat(), at.lon(), at.crs(), areaM2,
				seats, amenities, openingHours, entry.method(), entry.hours(), mobile, phone, description, level,
				stars);
	}

}
