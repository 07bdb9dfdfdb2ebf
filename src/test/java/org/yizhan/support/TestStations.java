package org.yizhan.support;

import java.util.List;

import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;

/**
 * Stations as a test needs them, made through the registry as an admin makes them: the
 * caller is signed in (as {@link ActingAsNationalAdmin} or a real account) and says what
 * its test is about; the rest is a plain station open round the clock.
 */
public final class TestStations {

	private TestStations() {
	}

	/**
	 * A listed station at {@code (lat, lon)} WGS-84 in {@code district}, hosted by a test
	 * unit, open 24/7, with the amenities named (e.g. {@code TOILET}).
	 */
	public static Station listed(StationRegistry registry, String name, String address, String district, double lat,
			double lon, String... amenities) {
		Station draft = registry.create(new StationInput(name, address, district, "测试单位", "OTHER", lat, lon, "wgs84",
				null, null, List.of(amenities), "24/7", null, null, false, null, null, null, null));
		return registry.list(draft.id(), null);
	}

}
