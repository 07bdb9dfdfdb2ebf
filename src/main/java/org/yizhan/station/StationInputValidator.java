package org.yizhan.station;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.yizhan.calendar.ChineseOpeningHours;
import org.yizhan.calendar.InvalidOpeningHoursException;
import org.yizhan.calendar.OpeningHours;
import org.yizhan.geo.Crs;
import org.yizhan.geo.CrsPoint;
import org.yizhan.geo.GeoPoint;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.PlainText;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.RequestValues;

import org.springframework.stereotype.Component;

/**
 * Checks a {@link StationInput} against every rule at once, so a client learns all that
 * is wrong in one answer rather than one field per round trip.
 */
@Component
class StationInputValidator {

	static final int MAX_NAME = 60;

	static final int MAX_ADDRESS = 200;

	static final int MAX_HOST_NAME = 100;

	static final int MAX_DESCRIPTION = 1000;

	static final BigDecimal MAX_AREA_M2 = new BigDecimal("100000");

	static final int MAX_SEATS = 10_000;

	/**
	 * Mobile numbers, landlines with area code and extension, 400/800 service numbers and
	 * five-digit hotlines such as 12351 (the union's own); an optional +86 prefix.
	 */
	private static final Pattern PHONE = Pattern
		.compile("(\\+?86[- ]?)?(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|[48]00-?\\d{3}-?\\d{4}|\\d{5})");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

	private final OrganizationTree organizations;

	StationInputValidator(OrganizationTree organizations) {
		this.organizations = organizations;
	}

	StationDetails validate(StationInput input) {
		return validate(input, this.organizations::findByCode, null);
	}

	/**
	 * The same, finding districts through {@code findDistrict} and remembering each
	 * distinct opening-hours text's reading in {@code hoursRead}: a bulk import of
	 * 200,000 rows over a few districts and a few dozen hours asks the tree once per
	 * district and the parser once per text, not once per row.
	 */
	StationDetails validate(StationInput input, Function<String, Optional<Organization>> findDistrict,
			Map<String, HoursReading> hoursRead) {
		List<Violation> violations = new ArrayList<>();
		String name = text(input.name(), "name", MAX_NAME, true, violations);
		String address = text(input.address(), "address", MAX_ADDRESS, true, violations);
		String hostName = text(input.hostName(), "hostName", MAX_HOST_NAME, true, violations);
		String description = text(input.description(), "description", MAX_DESCRIPTION, false, violations);
		String district = district(input.district(), findDistrict, violations);
		HostType hostType = enumValue(HostType.class, input.hostType(), "hostType", true, violations);
		StationLevel level = Optional
			.ofNullable(enumValue(StationLevel.class, input.level(), "level", false, violations))
			.orElse(StationLevel.NONE);
		GeoPoint location = location(input, violations);
		BigDecimal area = input.areaM2();
		if (area != null && (area.signum() <= 0 || area.compareTo(MAX_AREA_M2) > 0)) {
			violations.add(Violation.of("areaM2", "validation.range", "0", MAX_AREA_M2));
		}
		Integer seats = input.seats();
		if (seats != null && (seats < 0 || seats > MAX_SEATS)) {
			violations.add(Violation.of("seats", "validation.range", 0, MAX_SEATS));
		}
		int stars = input.stars() == null ? 0 : input.stars();
		if (stars < 0 || stars > 5) {
			violations.add(Violation.of("stars", "validation.range", 0, 5));
		}
		Set<Amenity> amenities = amenities(input.amenities(), violations);
		OpeningHours hours = openingHours(input.openingHours(), "openingHours", violations, hoursRead);
		SmartEntry smartEntry = smartEntry(input, violations, hoursRead);
		String phone = phone(input.phone(), violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new StationDetails(name, address, district, hostName, hostType, location,
				area == null ? null : area.stripTrailingZeros(), seats, amenities, hours, smartEntry,
				Boolean.TRUE.equals(input.mobile()), phone, description, level, stars);
	}

	private static String text(String value, String field, int maxLength, boolean required,
			List<Violation> violations) {
		String stripped = value == null ? "" : value.strip();
		if (stripped.isEmpty()) {
			if (required) {
				violations.add(Violation.of(field, "validation.required"));
			}
			return null;
		}
		if (stripped.codePointCount(0, stripped.length()) > maxLength) {
			violations.add(Violation.of(field, "validation.tooLong", maxLength));
		}
		else if (CONTROL.matcher(stripped).find()) {
			violations.add(Violation.of(field, "validation.controlCharacters"));
		}
		else if (PlainText.hasInvisibleCharacters(stripped)) {
			violations.add(Violation.of(field, PlainText.INVISIBLE_CHARACTERS));
		}
		return stripped;
	}

	private static String district(String code, Function<String, Optional<Organization>> findDistrict,
			List<Violation> violations) {
		if (code == null || code.isBlank()) {
			violations.add(Violation.of("district", "validation.required"));
			return null;
		}
		Optional<Organization> district = findDistrict.apply(code.strip());
		if (district.isEmpty() || !district.get().isDistrict()) {
			violations.add(Violation.of("district", "validation.district", code.strip()));
			return null;
		}
		return district.get().code();
	}

	static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, boolean required,
			List<Violation> violations) {
		if (value == null || value.isBlank()) {
			if (required) {
				violations.add(Violation.of(field, "validation.required"));
			}
			return null;
		}
		return RequestValues.enumValue(type, value, field, violations);
	}

	private static GeoPoint location(StationInput input, List<Violation> violations) {
		Optional<Crs> crs = input.crs() == null || input.crs().isBlank() ? Optional.of(Crs.WGS84)
				: Crs.fromCode(input.crs());
		if (crs.isEmpty()) {
			violations.add(Violation.of("location.crs", "validation.unknownValue", input.crs(), "wgs84, gcj02, bd09"));
		}
		boolean latOk = coordinate(input.lat(), "location.lat", 90, violations);
		boolean lonOk = coordinate(input.lon(), "location.lon", 180, violations);
		if (crs.isEmpty() || !latOk || !lonOk) {
			return null;
		}
		GeoPoint point = new CrsPoint(input.lat(), input.lon(), crs.get()).toWgs84IfInRange().orElse(null);
		if (point == null || !point.isInChina()) {
			violations.add(Violation.of("location", "validation.outsideChina"));
			return null;
		}
		return point;
	}

	private static boolean coordinate(Double value, String field, double limit, List<Violation> violations) {
		if (value == null) {
			violations.add(Violation.of(field, "validation.required"));
			return false;
		}
		if (!Double.isFinite(value) || value < -limit || value > limit) {
			violations.add(Violation.of(field, "validation.range", -limit, limit));
			return false;
		}
		return true;
	}

	private static Set<Amenity> amenities(List<String> values, List<Violation> violations) {
		Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
		if (values == null) {
			return amenities;
		}
		for (int i = 0; i < values.size(); i++) {
			Amenity amenity = enumValue(Amenity.class, values.get(i), "amenities[" + i + "]", true, violations);
			if (amenity != null) {
				amenities.add(amenity);
			}
		}
		return amenities;
	}

	static OpeningHours openingHours(String value, String field, boolean required, List<Violation> violations) {
		if (value == null || value.isBlank()) {
			if (required) {
				violations.add(Violation.of(field, "validation.required"));
			}
			return null;
		}
		try {
			return OpeningHours.parse(value);
		}
		catch (InvalidOpeningHoursException ex) {
			// Clerks write hours as they read them on the door ("周一至周五 8:30-18:00");
			// the common forms are kept as the OSM value they mean.
			Optional<OpeningHours> chinese = ChineseOpeningHours.parse(value);
			if (chinese.isPresent()) {
				return chinese.get();
			}
			if (value.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
				violations.add(Violation.of(field, "validation.openingHours.chinese"));
			}
			else {
				violations.add(Violation.of(field, "validation.openingHours", ex.position(), ex.detail()));
			}
			return null;
		}
	}

	/**
	 * An opening-hours text as read once: its value, or its violations (field left
	 * empty).
	 */
	record HoursReading(OpeningHours hours, List<Violation> violations) {
	}

	private static OpeningHours openingHours(String value, String field, List<Violation> violations,
			Map<String, HoursReading> hoursRead) {
		if (hoursRead == null || value == null || value.isBlank()) {
			return openingHours(value, field, true, violations);
		}
		HoursReading reading = hoursRead.computeIfAbsent(value, text -> {
			List<Violation> found = new ArrayList<>();
			return new HoursReading(openingHours(text, "", true, found), found);
		});
		reading.violations().forEach(v -> violations.add(new Violation(field, v.code(), v.args())));
		return reading.hours();
	}

	private static SmartEntry smartEntry(StationInput input, List<Violation> violations,
			Map<String, HoursReading> hoursRead) {
		boolean hasMethod = input.smartEntryMethod() != null && !input.smartEntryMethod().isBlank();
		boolean hasHours = input.smartEntryHours() != null && !input.smartEntryHours().isBlank();
		if (!hasMethod && !hasHours) {
			return null;
		}
		EntryMethod method = enumValue(EntryMethod.class, input.smartEntryMethod(), "smartEntry.method", true,
				violations);
		OpeningHours hours = openingHours(input.smartEntryHours(), "smartEntry.hours", violations, hoursRead);
		return method == null || hours == null ? null : new SmartEntry(method, hours);
	}

	private static String phone(String value, List<Violation> violations) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String phone = value.strip();
		if (!PHONE.matcher(phone).matches()) {
			violations.add(Violation.of("phone", "validation.phone"));
			return null;
		}
		return phone;
	}

}
