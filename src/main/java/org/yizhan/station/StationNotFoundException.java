package org.yizhan.station;

import org.yizhan.platform.NotFoundException;

/**
 * No station (or photo of a station) has the identifier a caller gave.
 */
public class StationNotFoundException extends NotFoundException {

	StationNotFoundException(String what, Object identifier) {
		super("station.notFound." + what, String.valueOf(identifier));
	}

	public static StationNotFoundException byId(Object id) {
		return new StationNotFoundException("id", id);
	}

	public static StationNotFoundException byCode(String code) {
		return new StationNotFoundException("code", code);
	}

	public static StationNotFoundException photo(long photoId) {
		return new StationNotFoundException("photo", photoId);
	}

}
