package org.yizhan.station;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

import org.yizhan.calendar.OpeningHours;
import org.yizhan.geo.GeoPoint;

/**
 * Valid {@link StationDetails} of a station by West Lake, for tests to change only what
 * they are about.
 */
final class StationDetailsBuilder {

	private String name = "西湖文化广场驿站";

	private String address = "杭州市西湖区曙光路 1 号";

	private String districtCode = "330106";

	private String hostName = "中国工商银行杭州西湖支行";

	private HostType hostType = HostType.BANK;

	private GeoPoint location = GeoPoint.of(30.2741, 120.1551);

	private BigDecimal areaM2 = new BigDecimal("25");

	private Integer seats = 8;

	private Set<Amenity> amenities = EnumSet.of(Amenity.DRINKING_WATER, Amenity.TOILET);

	private OpeningHours openingHours = OpeningHours.parse("Mo-Fr 08:00-18:00");

	private SmartEntry smartEntry;

	private boolean mobile;

	private String phone = "0571-87654321";

	private String description;

	private StationLevel level = StationLevel.NONE;

	private int stars;

	private StationDetailsBuilder() {
	}

	static StationDetailsBuilder aStation() {
		return new StationDetailsBuilder();
	}

	StationDetailsBuilder name(String name) {
		this.name = name;
		return this;
	}

	StationDetailsBuilder districtCode(String districtCode) {
		this.districtCode = districtCode;
		return this;
	}

	StationDetailsBuilder hostType(HostType hostType) {
		this.hostType = hostType;
		return this;
	}

	StationDetailsBuilder amenities(Amenity... amenities) {
		this.amenities = Set.of(amenities);
		return this;
	}

	StationDetailsBuilder openingHours(String openingHours) {
		this.openingHours = OpeningHours.parse(openingHours);
		return this;
	}

	StationDetailsBuilder level(StationLevel level) {
		this.level = level;
		return this;
	}

	StationDetailsBuilder stars(int stars) {
		this.stars = stars;
		return this;
	}

	StationDetails build() {
		return new StationDetails(name, address, districtCode, hostName, hostType, location, areaM2, seats, amenities,
				openingHours, smartEntry, mobile, phone, description, level, stars);
	}

}
