package org.yizhan.coverage;

import java.util.List;

import org.yizhan.geo.GeoPoint;

/**
 * New sites that would close the most of an area's coverage gap, in pick order, as long
 * as each adds something: the list stops at the first that would add less than
 * {@link #MIN_GAIN} of the demand.
 *
 * @param sites the chosen candidates, each with what it adds to those before it
 * @param candidates how many candidates were considered
 * @param coveredBefore share of demand (0 to 1) that meets the objective's level with the
 * existing stations
 * @param coveredAfter the same with the suggested sites
 */
public record SiteSuggestion(CoverageObjective objective, double radiusMeters, List<Site> sites, int candidates,
		double coveredBefore, double coveredAfter, long millis) {

	/**
	 * The least share of demand a suggested site must add: half the 0.01 % the console
	 * shows, so that no row reads "+0.00%". A pick below it covers a few stray cells (a
	 * city of 400,000 cells has 0.00025 % per cell), and no planner would build for that.
	 */
	public static final double MIN_GAIN = 0.00005;

	public SiteSuggestion {
		sites = List.copyOf(sites);
	}

	/**
	 * @param gain share of the area's demand this site adds (counted once per cover level
	 * of the objective)
	 * @param place where it lies, as far as the stored data tell without a geocoder: the
	 * district whose boundary holds it, and the nearest listed station as a landmark
	 */
	public record Site(long id, String name, String hostType, GeoPoint location, double gain, Place place) {
	}

	/**
	 * @param areaCode the district (organisation code) whose stored boundary holds the
	 * site
	 * @param areaName its name
	 * @param nearestStationCode the nearest listed station, or {@code null} when there is
	 * none
	 * @param nearestStationName its name
	 * @param nearestStationMeters the great-circle distance to it, in metres
	 */
	public record Place(String areaCode, String areaName, String nearestStationCode, String nearestStationName,
			double nearestStationMeters) {
	}

	/**
	 * Whether fewer sites came back than were asked for, because the rest would have
	 * added (next to) nothing.
	 */
	public boolean stoppedEarly(int asked) {
		return this.sites.size() < asked;
	}

}
