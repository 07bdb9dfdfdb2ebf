package org.yizhan.platform.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.yizhan.geo.Crs;
import org.yizhan.platform.Violation;

/**
 * Reads the coded values clients send (enum names, coordinate systems) and records each
 * mistake as a {@link Violation} naming the field and the values allowed, so one answer
 * can list everything wrong with a request.
 */
public final class RequestValues {

	private RequestValues() {
	}

	/**
	 * An enum constant by name, case-insensitive; {@code null} (and a violation) when
	 * unknown.
	 */
	public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field,
			List<Violation> violations) {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			violations.add(Violation.of(field, "validation.unknownValue", value.strip(),
					Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
			return null;
		}
	}

	/** Enum constants from repeated and/or comma-separated values; blanks are ignored. */
	public static <E extends Enum<E>> Set<E> enumValues(Class<E> type, List<String> values, String field,
			List<Violation> violations) {
		Set<E> result = EnumSet.noneOf(type);
		if (values != null) {
			for (String value : values) {
				for (String part : value.split(",")) {
					if (!part.isBlank()) {
						E parsed = enumValue(type, part, field, violations);
						if (parsed != null) {
							result.add(parsed);
						}
					}
				}
			}
		}
		return result;
	}

	/** The coordinate system named, WGS-84 when none is. */
	public static Crs crs(String value, String field, List<Violation> violations) {
		if (value == null || value.isBlank()) {
			return Crs.WGS84;
		}
		return Crs.fromCode(value).orElseGet(() -> {
			violations.add(Violation.of(field, "validation.unknownValue", value, "wgs84, gcj02, bd09"));
			return Crs.WGS84;
		});
	}

}
