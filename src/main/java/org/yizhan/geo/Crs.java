package org.yizhan.geo;

import java.util.Locale;
import java.util.Optional;

/**
 * The coordinate systems that points arrive in: GPS and OpenStreetMap use WGS-84, Amap
 * and Tencent use GCJ-02, Baidu uses BD-09. Every API parameter carrying coordinates
 * names one of these, because the systems are a few hundred metres apart and the numbers
 * alone do not reveal which one was meant.
 */
public enum Crs {

	WGS84("wgs84", "wgs-84"),

	GCJ02("gcj02", "gcj-02"),

	BD09("bd09", "bd-09");

	private final String code;

	private final String hyphenatedCode;

	Crs(String code, String hyphenatedCode) {
		this.code = code;
		this.hyphenatedCode = hyphenatedCode;
	}

	/**
	 * The value used in request parameters such as {@code crs=gcj02}.
	 * @return the lower-case code
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Parses a request parameter. Unknown values give an empty result rather than an
	 * exception so that the caller can answer with its own error naming the parameter.
	 * @param code the code, in any case, with or without the hyphen ({@code "GCJ-02"})
	 * @return the system, or empty if {@code code} is null, blank or unknown
	 */
	public static Optional<Crs> fromCode(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		String normalized = code.strip().toLowerCase(Locale.ROOT);
		for (Crs crs : values()) {
			if (crs.code.equals(normalized) || crs.hyphenatedCode.equals(normalized)) {
				return Optional.of(crs);
			}
		}
		return Optional.empty();
	}

}
