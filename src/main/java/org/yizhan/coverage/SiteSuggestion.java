package org.yizhan.coverage;

import java.util.List;

import org.yizhan.geo.GeoPoint;

/**
 * New sites that would close the most of an area's coverage gap, in pick order.
 *
 * @param sites the chosen candidates, each with what it adds to those before it
 * @param candidates how many candidates were considered
 * @param coveredBefore share of demand (0 to 1) that meets the objective's level with the
 * existing stations
 * @param coveredAfter the same with the suggested sites
 */
public record SiteSuggestion(CoverageObjective objective, double radiusMeters, List<Site> sites, int candidates,
		double coveredBefore, double coveredAfter, long millis) {

	public SiteSuggestion {
		sites = List.copyOf(sites);
	}

	/**
	 * @param gain share of the area's demand this site adds (counted once per cover level
	 * of the objective)
	 */
	public record Site(long id, String name, String hostType, GeoPoint location, double gain) {
	}

}
