package org.yizhan.rating.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yizhan.geo.Crs;
import org.yizhan.geo.CrsPoint;
import org.yizhan.geo.GeoPoint;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.PlainText;
import org.yizhan.platform.Violation;
import org.yizhan.rating.RatingInput;
import org.yizhan.rating.RatingTag;
import org.yizhan.rating.Ratings;
import org.yizhan.station.StationTokens;
import org.yizhan.rating.WorkerCategory;
import org.yizhan.station.StationId;

import org.springframework.stereotype.Component;

/**
 * Checks everything a rating carries before it goes anywhere near the writer, so that no
 * row of a batch can fail on its values: every refusal here is a 400 naming the field,
 * all of them at once.
 */
@Component
public class RatingValidator {

	public static final int MAX_COMMENT = Ratings.MAX_COMMENT;

	/**
	 * A device id is what the page makes (22 base64url characters of 16 random bytes) or
	 * a UUID an app may send; nothing else, so that the rate limits cannot be fed
	 * arbitrary strings.
	 */
	private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

	private static final Pattern FINGERPRINT = Pattern.compile("[A-Za-z0-9_-]{8,128}");

	private static final String TAG_NAMES = Arrays.stream(RatingTag.values())
		.map(Enum::name)
		.collect(Collectors.joining(", "));

	private static final String CATEGORY_NAMES = Arrays.stream(WorkerCategory.values())
		.map(Enum::name)
		.collect(Collectors.joining(", "));

	private static final String CRS_NAMES = Arrays.stream(Crs.values())
		.map(Crs::code)
		.collect(Collectors.joining(", "));

	private final StationTokens tokens;

	private final DeviceIdentity devices;

	RatingValidator(StationTokens tokens, DeviceIdentity devices) {
		this.tokens = tokens;
		this.devices = devices;
	}

	/**
	 * @throws InvalidInputException with one violation per field at fault
	 */
	public ValidRating validate(RatingInput input) {
		List<Violation> violations = new ArrayList<>();
		StationId station = station(input.token(), violations);
		Integer stars = input.stars();
		if (stars == null) {
			violations.add(Violation.of("stars", "validation.required"));
		}
		else if (stars < 1 || stars > 5) {
			violations.add(Violation.of("stars", "rating.stars.range"));
		}
		Set<RatingTag> tags = tags(input.tags(), violations);
		WorkerCategory category = category(input.category(), violations);
		String comment = comment(input.comment(), violations);
		String deviceId = input.deviceId();
		if (deviceId == null || deviceId.isEmpty()) {
			violations.add(Violation.of("deviceId", "validation.required"));
		}
		else if (!DEVICE_ID.matcher(deviceId).matches()) {
			violations.add(Violation.of("deviceId", "rating.deviceId.malformed"));
		}
		String fingerprint = input.fingerprint();
		if (fingerprint != null && !fingerprint.isEmpty() && !FINGERPRINT.matcher(fingerprint).matches()) {
			violations.add(Violation.of("fingerprint", "rating.fingerprint.malformed"));
		}
		GeoPoint location = location(input.location(), violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new ValidRating(station, stars, tags, category, comment, devices.deviceHash(deviceId),
				(fingerprint == null || fingerprint.isEmpty()) ? null : devices.fingerprintHash(fingerprint), location);
	}

	private StationId station(String token, List<Violation> violations) {
		if (token == null || token.isEmpty()) {
			violations.add(Violation.of("token", "validation.required"));
			return null;
		}
		return tokens.stationOrRefusal(token, "token", "rating", violations);
	}

	private static Set<RatingTag> tags(List<String> names, List<Violation> violations) {
		Set<RatingTag> tags = EnumSet.noneOf(RatingTag.class);
		if (names == null) {
			return tags;
		}
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			try {
				tags.add(RatingTag.valueOf(name));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				violations.add(Violation.of("tags[" + i + "]", "validation.unknownValue", shown(name), TAG_NAMES));
			}
		}
		return tags;
	}

	private static WorkerCategory category(String name, List<Violation> violations) {
		if (name == null || name.isEmpty()) {
			return null;
		}
		try {
			return WorkerCategory.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			violations.add(Violation.of("category", "validation.unknownValue", shown(name), CATEGORY_NAMES));
			return null;
		}
	}

	/**
	 * Any text a person can type, as it was typed (markup included: it is shown escaped
	 * wherever it is shown), but no control characters other than line breaks and tabs,
	 * no invisible formatting characters ({@link PlainText}), and no broken UTF-16 that
	 * PostgreSQL could not store.
	 */
	private static String comment(String text, List<Violation> violations) {
		if (text == null) {
			return null;
		}
		String comment = text.strip();
		if (comment.isEmpty()) {
			return null;
		}
		if (comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
			violations.add(Violation.of("comment", "validation.tooLong", MAX_COMMENT));
			return null;
		}
		if (PlainText.hasInvisibleCharacters(comment)) {
			violations.add(Violation.of("comment", PlainText.INVISIBLE_CHARACTERS));
			return null;
		}
		for (int i = 0; i < comment.length(); i++) {
			char c = comment.charAt(i);
			if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
				violations.add(Violation.of("comment", "validation.controlCharacters"));
				return null;
			}
			if (Character.isHighSurrogate(c) && i + 1 < comment.length()
					&& Character.isLowSurrogate(comment.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				violations.add(Violation.of("comment", "rating.comment.brokenText"));
				return null;
			}
		}
		return comment;
	}

	/**
	 * The position in WGS-84; an invalid one is refused without repeating its numbers, so
	 * that a position never travels further than this method.
	 */
	private static GeoPoint location(RatingInput.Location location, List<Violation> violations) {
		if (location == null) {
			return null;
		}
		Crs crs = Crs.WGS84;
		if (location.crs() != null && !location.crs().isEmpty()) {
			Optional<Crs> named = Crs.fromCode(location.crs());
			if (named.isEmpty()) {
				violations
					.add(Violation.of("location.crs", "validation.unknownValue", shown(location.crs()), CRS_NAMES));
				return null;
			}
			crs = named.get();
		}
		boolean complete = true;
		if (location.lat() == null) {
			violations.add(Violation.of("location.lat", "validation.required"));
			complete = false;
		}
		if (location.lon() == null) {
			violations.add(Violation.of("location.lon", "validation.required"));
			complete = false;
		}
		if (!complete) {
			return null;
		}
		try {
			return new CrsPoint(location.lat(), location.lon(), crs).toWgs84();
		}
		catch (IllegalArgumentException ex) {
			violations.add(Violation.of("location", "rating.location.invalid"));
			return null;
		}
	}

	/** A refused value, cut short: it is repeated to the sender, never stored. */
	private static String shown(String value) {
		if (value == null) {
			return "null";
		}
		return (value.length() > 40) ? value.substring(0, 40) + "…" : value;
	}

}
