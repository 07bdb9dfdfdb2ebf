package org.yizhan.onboarding;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yizhan.calendar.InvalidOpeningHoursException;
import org.yizhan.calendar.OpeningHours;
import org.yizhan.geo.Crs;
import org.yizhan.geo.CrsPoint;
import org.yizhan.geo.GeoPoint;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.PlainText;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.RequestValues;
import org.yizhan.station.Amenity;
import org.yizhan.station.HostType;

import org.springframework.stereotype.Component;

/**
 * Checks an application's values and says everything wrong with them at once, each
 * refusal naming its field. Reads only: the union tree and the district's boundary.
 */
@Component
class ApplicationValidator {

	static final int MAX_CO_BUILDERS = 5;

	static final double MIN_AREA_M2 = 1;

	static final double MAX_AREA_M2 = 10_000;

	static final int MIN_FLOOR = -5;

	static final int MAX_FLOOR = 200;

	/**
	 * Mainland China's extent, a little generous: a latitude outside this band but inside
	 * the longitude band (and the other way round) is a pair typed in the wrong order.
	 */
	private static final double CHINA_SOUTH = 3.5, CHINA_NORTH = 54, CHINA_WEST = 73, CHINA_EAST = 136;

	private static final Pattern PHONE = Pattern
		.compile("(\\+?86[- ]?)?(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|[48]00-?\\d{3}-?\\d{4})");

	private static final Pattern EMAIL = Pattern.compile(
			"[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t\\r]]");

	private final OrganizationTree organizations;

	private final ApplicationRepository repository;

	ApplicationValidator(OrganizationTree organizations, ApplicationRepository repository) {
		this.organizations = organizations;
		this.repository = repository;
	}

	/** A host as checked. */
	record CheckedHost(CreditCode creditCode, String name, HostType kind) {
	}

	/** An application as checked: every value parsed, the site in WGS-84. */
	record Checked(CheckedHost host, List<CheckedHost> coBuilders, String contactName, String contactPhone,
			String contactEmail, Organization district, String address, GeoPoint location, double areaM2, int floor,
			boolean facingStreet, boolean areaChecked, String stationName, Set<Amenity> amenities,
			OpeningHours openingHours, BuildMode buildMode, String description) {
	}

	/**
	 * @param violations where each refusal goes
	 * @return the checked application, or {@code null} when anything was refused
	 */
	Checked check(ApplicationInput input, List<Violation> violations) {
		int before = violations.size();
		if (input == null) {
			violations.add(Violation.of("application", "validation.required"));
			return null;
		}
		CheckedHost host = host(input.host(), "host", true, violations);
		List<CheckedHost> coBuilders = coBuilders(input.coBuilders(), host, violations);
		CheckedContact contact = contact(input.contact(), violations);
		ApplicationInput.SiteInput site = (input.site() != null) ? input.site()
				: new ApplicationInput.SiteInput(null, null, null, null, null, null, null, null);
		Organization district = district(site.district(), violations);
		String address = text(site.address(), "site.address", 200, true, violations);
		GeoPoint location = location(site, violations);
		Double area = site.areaM2();
		if (area == null) {
			violations.add(Violation.of("site.areaM2", "validation.required"));
		}
		else if (!Double.isFinite(area) || area < MIN_AREA_M2 || area >= MAX_AREA_M2) {
			violations.add(Violation.of("site.areaM2", "onboarding.site.area", (int) MIN_AREA_M2, (int) MAX_AREA_M2));
		}
		Integer floor = site.floor();
		if (floor == null) {
			violations.add(Violation.of("site.floor", "validation.required"));
		}
		else if (floor == 0 || floor < MIN_FLOOR || floor > MAX_FLOOR) {
			violations.add(Violation.of("site.floor", "onboarding.site.floor", MIN_FLOOR, MAX_FLOOR));
		}
		if (site.facingStreet() == null) {
			violations.add(Violation.of("site.facingStreet", "validation.required"));
		}
		boolean areaChecked = false;
		if (district != null && location != null) {
			Optional<String> boundary = this.repository.findDistrictBoundary(district.code());
			if (boundary.isPresent()) {
				areaChecked = true;
				if (!DistrictBoundary.parse(boundary.get()).covers(location)) {
					violations.add(Violation.of("site", "onboarding.site.outsideDistrict", district.name()));
				}
			}
		}
		String stationName = text(input.stationName(), "stationName", 60, true, violations);
		Set<Amenity> amenities = amenities(input.amenities(), violations);
		OpeningHours hours = openingHours(input.openingHours(), violations);
		BuildMode mode = null;
		if (blank(input.buildMode())) {
			violations.add(Violation.of("buildMode", "validation.required"));
		}
		else {
			mode = RequestValues.enumValue(BuildMode.class, input.buildMode().strip(), "buildMode", violations);
		}
		String description = text(input.description(), "description", 1000, false, violations);
		if (violations.size() > before) {
			return null;
		}
		return new Checked(host, coBuilders, contact.name(), contact.phone(), contact.email(), district, address,
				location, area, floor, site.facingStreet(), areaChecked, stationName, amenities, hours, mode,
				description);
	}

	/**
	 * A contact as checked; {@code null} parts were refused (or, for the e-mail, not
	 * given).
	 */
	record CheckedContact(String name, String phone, String email) {
	}

	/** A contact's values, for an application or for staff registering a host. */
	CheckedContact contact(ApplicationInput.ContactInput input, List<Violation> violations) {
		ApplicationInput.ContactInput contact = (input != null) ? input
				: new ApplicationInput.ContactInput(null, null, null);
		String name = text(contact.name(), "contact.name", 50, true, violations);
		String phone = text(contact.phone(), "contact.phone", 32, true, violations);
		if (phone != null && !PHONE.matcher(phone).matches()) {
			violations.add(Violation.of("contact.phone", "validation.phone"));
		}
		String email = text(contact.email(), "contact.email", 254, false, violations);
		if (email != null && !EMAIL.matcher(email).matches()) {
			violations.add(Violation.of("contact.email", "onboarding.email.format"));
		}
		return new CheckedContact(name, phone, email);
	}

	/** A host's values, for an application or for staff registering one. */
	CheckedHost host(ApplicationInput.HostInput input, String field, boolean kindRequired, List<Violation> violations) {
		ApplicationInput.HostInput host = (input != null) ? input : new ApplicationInput.HostInput(null, null, null);
		CreditCode code = creditCode(host.creditCode(), field + ".creditCode", violations);
		String name = text(host.name(), field + ".name", 100, true, violations);
		HostType kind = HostType.OTHER;
		if (blank(host.kind())) {
			if (kindRequired) {
				violations.add(Violation.of(field + ".kind", "validation.required"));
			}
		}
		else {
			kind = RequestValues.enumValue(HostType.class, host.kind().strip(), field + ".kind", violations);
		}
		return (code != null && name != null && kind != null) ? new CheckedHost(code, name, kind) : null;
	}

	private List<CheckedHost> coBuilders(List<ApplicationInput.HostInput> inputs, CheckedHost host,
			List<Violation> violations) {
		if (inputs == null || inputs.isEmpty()) {
			return List.of();
		}
		if (inputs.size() > MAX_CO_BUILDERS) {
			violations.add(Violation.of("coBuilders", "onboarding.coBuilders.tooMany", MAX_CO_BUILDERS));
			return List.of();
		}
		List<CheckedHost> checked = new ArrayList<>();
		Set<CreditCode> seen = new HashSet<>();
		if (host != null) {
			seen.add(host.creditCode());
		}
		for (int i = 0; i < inputs.size(); i++) {
			CheckedHost coBuilder = host(inputs.get(i), "coBuilders[" + i + "]", false, violations);
			if (coBuilder != null) {
				if (!seen.add(coBuilder.creditCode())) {
					violations.add(Violation.of("coBuilders[" + i + "].creditCode", "onboarding.coBuilders.repeated"));
				}
				checked.add(coBuilder);
			}
		}
		return checked;
	}

	static CreditCode creditCode(String value, String field, List<Violation> violations) {
		if (blank(value)) {
			violations.add(Violation.of(field, "validation.required"));
			return null;
		}
		String normalised = value.strip().toUpperCase(java.util.Locale.ROOT);
		Optional<String> problem = CreditCode.problem(normalised);
		if (problem.isPresent()) {
			violations.add(Violation.of(field, "onboarding.creditCode." + problem.get()));
			return null;
		}
		return new CreditCode(normalised);
	}

	private Organization district(String code, List<Violation> violations) {
		if (blank(code)) {
			violations.add(Violation.of("site.district", "validation.required"));
			return null;
		}
		Optional<Organization> district = this.organizations.findByCode(code.strip());
		if (district.isEmpty() || !district.get().isDistrict()) {
			violations.add(Violation.of("site.district", "validation.district", code.strip()));
			return null;
		}
		return district.get();
	}

	private static GeoPoint location(ApplicationInput.SiteInput site, List<Violation> violations) {
		Optional<Crs> crs = blank(site.crs()) ? Optional.of(Crs.WGS84) : Crs.fromCode(site.crs().strip());
		if (crs.isEmpty()) {
			violations.add(Violation.of("site.crs", "validation.unknownValue", site.crs(), "wgs84, gcj02, bd09"));
		}
		Double lat = site.lat();
		Double lon = site.lon();
		if (lat == null || lon == null) {
			if (lat == null) {
				violations.add(Violation.of("site.lat", "validation.required"));
			}
			if (lon == null) {
				violations.add(Violation.of("site.lon", "validation.required"));
			}
			return null;
		}
		if (!Double.isFinite(lat) || !Double.isFinite(lon)) {
			violations.add(Violation.of(Double.isFinite(lat) ? "site.lon" : "site.lat", "validation.type"));
			return null;
		}
		// Before the range checks: a latitude of 120.1 is refused as out of range anyway,
		// but a longitude of 30.2 is not, and "swapped" is the answer that helps.
		if (!between(lat, CHINA_SOUTH, CHINA_NORTH) && between(lat, CHINA_WEST, CHINA_EAST)
				&& between(lon, CHINA_SOUTH, CHINA_NORTH) && !between(lon, CHINA_WEST, CHINA_EAST)) {
			violations.add(Violation.of("site.lat", "onboarding.site.swapped", lat, lon));
			return null;
		}
		boolean ok = true;
		if (lat < -90 || lat > 90) {
			violations.add(Violation.of("site.lat", "validation.range", -90, 90));
			ok = false;
		}
		if (lon < -180 || lon > 180) {
			violations.add(Violation.of("site.lon", "validation.range", -180, 180));
			ok = false;
		}
		if (!ok || crs.isEmpty()) {
			return null;
		}
		GeoPoint point = new CrsPoint(lat, lon, crs.get()).toWgs84();
		if (!point.isInChina()) {
			violations.add(Violation.of("site", "validation.outsideChina"));
			return null;
		}
		return point;
	}

	private static Set<Amenity> amenities(List<String> values, List<Violation> violations) {
		Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
		if (values == null || values.isEmpty()) {
			violations.add(Violation.of("amenities", "onboarding.amenities.none"));
			return amenities;
		}
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			if (blank(value)) {
				violations.add(Violation.of("amenities[" + i + "]", "validation.required"));
				continue;
			}
			Amenity amenity = RequestValues.enumValue(Amenity.class, value.strip(), "amenities[" + i + "]", violations);
			if (amenity != null) {
				amenities.add(amenity);
			}
		}
		return amenities;
	}

	private static OpeningHours openingHours(String value, List<Violation> violations) {
		if (blank(value)) {
			violations.add(Violation.of("openingHours", "validation.required"));
			return null;
		}
		try {
			return OpeningHours.parse(value);
		}
		catch (InvalidOpeningHoursException ex) {
			violations.add(Violation.of("openingHours", "validation.openingHours", ex.position(), ex.detail()));
			return null;
		}
	}

	static String text(String value, String field, int max, boolean required, List<Violation> violations) {
		String stripped = (value == null) ? "" : value.strip();
		if (stripped.isEmpty()) {
			if (required) {
				violations.add(Violation.of(field, "validation.required"));
			}
			return null;
		}
		if (stripped.codePointCount(0, stripped.length()) > max) {
			violations.add(Violation.of(field, "validation.tooLong", max));
		}
		else if (CONTROL.matcher(stripped).find()) {
			violations.add(Violation.of(field, "validation.controlCharacters"));
		}
		else if (PlainText.hasInvisibleCharacters(stripped)) {
			violations.add(Violation.of(field, PlainText.INVISIBLE_CHARACTERS));
		}
		return stripped;
	}

	private static boolean between(double value, double low, double high) {
		return value >= low && value <= high;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
