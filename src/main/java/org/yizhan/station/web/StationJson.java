package org.yizhan.station.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.yizhan.geo.Crs;
import org.yizhan.geo.CrsPoint;
import org.yizhan.station.Amenity;
import org.yizhan.station.Station;
import org.yizhan.station.StationDetails;

/**
 * The station as the API shows it: the contract integrators and later modules build on.
 * Enum values are UPPER_SNAKE_CASE; the location is in the coordinate system the caller
 * asked for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StationJson(long id, String code, String name, String address, String district, String hostName, String hostType,
		LocationJson location, BigDecimal areaM2, Integer seats, List<String> amenities, String openingHours,
		SmartEntryJson smartEntry, boolean mobile, String phone, String description, String level, int stars,
		String status, SuspensionJson suspension, DelistingJson delisting, List<PhotoJson> photos, Instant createdAt,
		Instant updatedAt, long version) {

	record LocationJson(double lat, double lon, String crs) {
	}

	record SmartEntryJson(String method, String hours) {
	}

	record SuspensionJson(String reason, LocalDate expectedReopening) {
	}

	record DelistingJson(String reason, String note) {
	}

	record PhotoJson(long id, String url, String thumbnailUrl, int width, int height) {
	}

	static StationJson of(Station station, Crs crs) {
		StationDetails d = station.details();
		CrsPoint location = CrsPoint.of(d.location(), crs);
		String base = "/api/v1/stations/" + station.id() + "/photos/";
		return new StationJson(station.id().value(), station.code().value(), d.name(), d.address(), d.districtCode(),
				d.hostName(), d.hostType().name(),
				new LocationJson(round(location.lat()), round(location.lon()), crs.code()), d.areaM2(), d.seats(),
				d.amenities().stream().map(Amenity::name).toList(), d.openingHours().value(),
				d.smartEntry() == null ? null
						: new SmartEntryJson(d.smartEntry().method().name(), d.smartEntry().unattendedHours().value()),
				d.mobile(), d.phone(), d.description(), d.level().name(), d.stars(), station.status().name(),
				station.suspension()
					.map(suspension -> new SuspensionJson(suspension.reason(), suspension.expectedReopening()))
					.orElse(null),
				station.delisting()
					.map(delisting -> new DelistingJson(delisting.reason().name(), delisting.note()))
					.orElse(null),
				station.photos()
					.stream()
					.map(photo -> new PhotoJson(photo.id(), base + photo.id(), base + photo.id() + "?thumbnail=true",
							photo.width(), photo.height()))
					.toList(),
				station.createdAt(), station.updatedAt(), station.version());
	}

	/** Seven decimals are about 1 cm: finer digits are noise from the CRS conversion. */
	private static double round(double degrees) {
		return Math.round(degrees * 1e7) / 1e7;
	}

}
