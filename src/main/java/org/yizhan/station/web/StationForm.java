package org.yizhan.station.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.yizhan.geo.Crs;
import org.yizhan.geo.CrsPoint;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.station.Amenity;
import org.yizhan.station.Station;
import org.yizhan.station.StationDetails;
import org.yizhan.station.StationInput;

/**
 * The console's create/edit form. Numbers arrive as text so that "abc" in a number field
 * is reported next to that field like any other mistake, not as a binding failure;
 * coordinates are in the map's coordinate system ({@code crs}), which the server
 * converts.
 */
class StationForm {

	private String name;

	private String address;

	private String district;

	private String hostName;

	private String hostType;

	private String lat;

	private String lon;

	private String crs;

	private String areaM2;

	private String seats;

	private List<String> amenities = new ArrayList<>();

	private String openingHours;

	private String smartEntryMethod;

	private String smartEntryHours;

	private boolean mobile;

	private String phone;

	private String description;

	private String level = "NONE";

	private String stars = "0";

	private Long version;

	static StationForm empty(Crs mapCrs) {
		StationForm form = new StationForm();
		form.crs = mapCrs.code();
		form.openingHours = "Mo-Fr 08:30-17:30";
		form.amenities = new ArrayList<>(List.of(Amenity.DRINKING_WATER.name(), Amenity.SEATING.name()));
		return form;
	}

	static StationForm of(Station station, Crs mapCrs) {
		StationDetails d = station.details();
		StationForm form = new StationForm();
		form.name = d.name();
		form.address = d.address();
		form.district = d.districtCode();
		form.hostName = d.hostName();
		form.hostType = d.hostType().name();
		CrsPoint point = CrsPoint.of(d.location(), mapCrs);
		form.lat = String.format("%.7f", point.lat());
		form.lon = String.format("%.7f", point.lon());
		form.crs = mapCrs.code();
		form.areaM2 = d.areaM2() == null ? null : d.areaM2().toPlainString();
		form.seats = d.seats() == null ? null : d.seats().toString();
		form.amenities = new ArrayList<>(d.amenities().stream().map(Enum::name).toList());
		form.openingHours = d.openingHours().value();
		form.smartEntryMethod = d.smartEntry() == null ? null : d.smartEntry().method().name();
		form.smartEntryHours = d.smartEntry() == null ? null : d.smartEntry().unattendedHours().value();
		form.mobile = d.mobile();
		form.phone = d.phone();
		form.description = d.description();
		form.level = d.level().name();
		form.stars = Integer.toString(d.stars());
		form.version = station.version();
		return form;
	}

	StationInput toInput() {
		List<Violation> violations = new ArrayList<>();
		Double latitude = decimal(lat, "location.lat", violations);
		Double longitude = decimal(lon, "location.lon", violations);
		BigDecimal area = areaM2 == null || areaM2.isBlank() ? null : bigDecimal(areaM2, violations);
		Integer seatCount = integer(seats, "seats", violations);
		Integer starCount = integer(stars, "stars", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new StationInput(name, address, district, hostName, hostType, latitude, longitude, crs, area, seatCount,
				amenities, openingHours, smartEntryMethod, smartEntryHours, mobile, phone, description, level,
				starCount);
	}

	private static Double decimal(String text, String field, List<Violation> violations) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			violations.add(Violation.of(field, "validation.type"));
			return null;
		}
	}

	private static BigDecimal bigDecimal(String text, List<Violation> violations) {
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			violations.add(Violation.of("areaM2", "validation.type"));
			return null;
		}
	}

	private static Integer integer(String text, String field, List<Violation> violations) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			violations.add(Violation.of(field, "validation.type"));
			return null;
		}
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getDistrict() {
		return district;
	}

	public void setDistrict(String district) {
		this.district = district;
	}

	public String getHostName() {
		return hostName;
	}

	public void setHostName(String hostName) {
		this.hostName = hostName;
	}

	public String getHostType() {
		return hostType;
	}

	public void setHostType(String hostType) {
		this.hostType = hostType;
	}

	public String getLat() {
		return lat;
	}

	public void setLat(String lat) {
		this.lat = lat;
	}

	public String getLon() {
		return lon;
	}

	public void setLon(String lon) {
		this.lon = lon;
	}

	public String getCrs() {
		return crs;
	}

	public void setCrs(String crs) {
		this.crs = crs;
	}

	public String getAreaM2() {
		return areaM2;
	}

	public void setAreaM2(String areaM2) {
		this.areaM2 = areaM2;
	}

	public String getSeats() {
		return seats;
	}

	public void setSeats(String seats) {
		this.seats = seats;
	}

	public List<String> getAmenities() {
		return amenities;
	}

	public void setAmenities(List<String> amenities) {
		this.amenities = amenities == null ? new ArrayList<>() : amenities;
	}

	public String getOpeningHours() {
		return openingHours;
	}

	public void setOpeningHours(String openingHours) {
		this.openingHours = openingHours;
	}

	public String getSmartEntryMethod() {
		return smartEntryMethod;
	}

	public void setSmartEntryMethod(String smartEntryMethod) {
		this.smartEntryMethod = smartEntryMethod;
	}

	public String getSmartEntryHours() {
		return smartEntryHours;
	}

	public void setSmartEntryHours(String smartEntryHours) {
		this.smartEntryHours = smartEntryHours;
	}

	public boolean isMobile() {
		return mobile;
	}

	public void setMobile(boolean mobile) {
		this.mobile = mobile;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getLevel() {
		return level;
	}

	public void setLevel(String level) {
		this.level = level;
	}

	public String getStars() {
		return stars;
	}

	public void setStars(String stars) {
		this.stars = stars;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
