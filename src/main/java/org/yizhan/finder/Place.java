package org.yizhan.finder;

import org.yizhan.geo.GeoPoint;

/**
 * A place a worker can look for by name in the finder's search box, and where the map
 * goes for it. Positions are WGS-84.
 *
 * @param kind what was found
 * @param name what the worker reads: the district's, the typed street's or address's, or
 * the station's name
 * @param district the district's name the place lies in (the district itself for
 * {@link Kind#DISTRICT})
 * @param location where the finder searches from: a station's position, or the listed
 * station nearest the middle of those the place holds (a district's middle may be a lake)
 * @param southWest with {@code northEast}, the box of those stations
 * @param stations how many listed stations the place holds (1 for a station)
 * @param stationId the station, for {@link Kind#STATION}; else {@code null}
 */
public record Place(Kind kind, String name, String district, GeoPoint location, GeoPoint southWest, GeoPoint northEast,
		int stations, Long stationId) {

	/** What a place is, in the order answers list them. */
	public enum Kind {

		/** A district (区、县、市) of the union tree, by its name. */
		DISTRICT,

		/**
		 * Stations whose address holds the text: a street, a road, a house number, one
		 * place per district they lie in.
		 */
		ADDRESS,

		/** One listed station, by its name. */
		STATION

	}

}
