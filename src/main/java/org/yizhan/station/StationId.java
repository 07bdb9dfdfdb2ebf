package org.yizhan.station;

/**
 * The database identity of a station; stable for its whole life, unlike nothing else
 * about it.
 */
public record StationId(long value) {

	public static StationId of(long value) {
		return new StationId(value);
	}

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
