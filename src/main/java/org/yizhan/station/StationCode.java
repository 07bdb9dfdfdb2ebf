package org.yizhan.station;

import java.util.regex.Pattern;

/**
 * The public code of a station (站点编码): the six-digit code of the district it was
 * registered in and a four-digit number counted per district, e.g. {@code 330106-0007}.
 * Once given, a code never changes, even if the station's district is later corrected.
 */
public record StationCode(String value) {

	private static final Pattern FORMAT = Pattern.compile("\\d{6}-\\d{4,}");

	public StationCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("A station code looks like 330106-0007, not " + value);
		}
	}

	public static StationCode of(String districtCode, int number) {
		return new StationCode(String.format("%s-%04d", districtCode, number));
	}

	public static boolean looksLikeCode(String text) {
		return text != null && FORMAT.matcher(text).matches();
	}

	@Override
	public String toString() {
		return value;
	}

}
