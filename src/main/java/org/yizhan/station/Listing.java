package org.yizhan.station;

import java.util.Optional;

/**
 * What copies of the public map need to know of one station, read at one instant: the
 * station if it is listed, and its version either way, so that a copy applying events out
 * of order can tell which state is newer.
 *
 * @param station the station when it is listed, else {@code null}
 * @param version its version; {@link Long#MAX_VALUE} when there is no such station (it
 * can never come back)
 */
public record Listing(Station station, long version) {

	static Listing of(Optional<Station> found) {
		return found
			.map(station -> new Listing((station.status() == StationStatus.LISTED) ? station : null, station.version()))
			.orElse(new Listing(null, Long.MAX_VALUE));
	}

	public Optional<Station> listed() {
		return Optional.ofNullable(this.station);
	}

}
