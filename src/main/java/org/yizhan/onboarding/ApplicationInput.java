package org.yizhan.onboarding;

import java.util.List;

/**
 * An application as the public page and {@code POST /api/v1/applications} send it; every
 * value is checked by {@link Applications#submit}, and each refusal names its field by
 * the path given here ({@code host.creditCode}, {@code site.lat}, {@code amenities[2]}).
 *
 * @param host the host applying (承建单位 / 爱心商家)
 * @param coBuilders other hosts building the station with it (合建), optional
 * @param contact who the union calls, and where status mail goes
 * @param site where the station would be
 * @param stationName the name proposed for the station
 * @param amenities the facilities offered, names of {@code station.Amenity}
 * @param openingHours the proposed hours, an OSM {@code opening_hours} value
 * @param buildMode {@code SELF_BUILT} or {@code SUPPORT_REQUESTED}
 * @param description anything else the host wants the union to know, optional
 */
public record ApplicationInput(HostInput host, List<HostInput> coBuilders, ContactInput contact, SiteInput site,
		String stationName, List<String> amenities, String openingHours, String buildMode, String description) {

	/**
	 * A host as an applicant names it.
	 *
	 * @param creditCode its unified social credit code
	 * @param name its registered name
	 * @param kind a {@code station.HostType} name; optional for a co-builder
	 */
	public record HostInput(String creditCode, String name, String kind) {
	}

	/**
	 * @param name the contact's name
	 * @param phone a mobile or landline number
	 * @param email where status mail goes, optional
	 */
	public record ContactInput(String name, String phone, String email) {
	}

	/**
	 * @param district the six-digit code of the district (its union) the site lies in
	 * @param address the street address
	 * @param lat latitude in {@code crs}
	 * @param lon longitude in {@code crs}
	 * @param crs {@code wgs84}, {@code gcj02} (Amap, Tencent) or {@code bd09} (Baidu)
	 * @param areaM2 the service space offered, at least 1 m², under 10,000 m²
	 * @param floor 1 for the ground floor, negative below it
	 * @param facingStreet whether its door opens onto the street
	 */
	public record SiteInput(String district, String address, Double lat, Double lon, String crs, Double areaM2,
			Integer floor, Boolean facingStreet) {
	}

}
