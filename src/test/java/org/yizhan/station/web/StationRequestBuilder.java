package org.yizhan.station.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body of a valid station in 西湖区, for API tests to break one field at a time.
 * Values are kept as JSON would carry them, so a test can send a string where a number
 * belongs.
 */
final class StationRequestBuilder {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Object> fields = new LinkedHashMap<>();

	private final Map<String, Object> location = new LinkedHashMap<>();

	private StationRequestBuilder() {
		fields.put("name", "西湖文化广场驿站");
		fields.put("address", "杭州市西湖区曙光路 1 号");
		fields.put("district", "330106");
		fields.put("hostName", "中国工商银行杭州西湖支行");
		fields.put("hostType", "BANK");
		location.put("lat", 30.2741);
		location.put("lon", 120.1551);
		fields.put("location", location);
		fields.put("areaM2", 25);
		fields.put("seats", 8);
		fields.put("amenities", List.of("DRINKING_WATER", "TOILET"));
		fields.put("openingHours", "Mo-Fr 08:00-18:00");
		fields.put("phone", "0571-87654321");
		fields.put("level", "CITY");
		fields.put("stars", 3);
	}

	static StationRequestBuilder aStation() {
		return new StationRequestBuilder();
	}

	StationRequestBuilder with(String field, Object value) {
		fields.put(field, value);
		return this;
	}

	StationRequestBuilder without(String field) {
		fields.remove(field);
		return this;
	}

	StationRequestBuilder name(String name) {
		return with("name", name);
	}

	StationRequestBuilder district(String district) {
		return with("district", district);
	}

	StationRequestBuilder amenities(String... amenities) {
		return with("amenities", List.of(amenities));
	}

	StationRequestBuilder at(Object lat, Object lon) {
		location.put("lat", lat);
		location.put("lon", lon);
		return this;
	}

	StationRequestBuilder crs(String crs) {
		location.put("crs", crs);
		return this;
	}

	StationRequestBuilder withoutLocation() {
		fields.remove("location");
		return this;
	}

	String toJson() {
		return JSON.writeValueAsString(fields);
	}

	@Override
	public String toString() {
		return toJson();
	}

}
