package org.yizhan.coverage;

import org.yizhan.geo.GeoPoint;

/**
 * What one more station at a site would do for an organisation's areas, on the same grid,
 * reach and stations as {@link CoverageAnalysis#report} and
 * {@link CoverageAnalysis#marginalGain}: its shares are shares of the organisation's
 * demand (which sums to 1 over its areas), so {@code addsSingle} is exactly what the
 * report's single-coverage share of demand would rise by, and {@code addsCross} what its
 * cross-coverage share would rise by.
 *
 * @param site the site, WGS-84
 * @param areaCode the district whose boundary holds the site, {@code null} when none of
 * the organisation's areas does
 * @param reached the demand within the site's reach, whatever covers it today
 * @param addsSingle the demand within reach that no station reaches today: the single
 * coverage it adds; equal to {@code marginalGain(query, site, SINGLE)}
 * @param addsCross the demand within reach that exactly one station reaches today: the
 * cross coverage it adds
 * @param crossObjectiveGain the demand within reach that fewer than two stations reach,
 * as the cross-coverage objective counts it; equal to
 * {@code marginalGain(query, site, DOUBLE)}
 * @param nearestStationCode the nearest listed station (any hours) within
 * {@value CoverageAnalysis#NEIGHBOUR_SEARCH_METERS} m, {@code null} when there is none
 * @param nearestStationMeters the great-circle distance to it, {@code null} when none
 */
public record SiteGain(GeoPoint site, String areaCode, double reached, double addsSingle, double addsCross,
		double crossObjectiveGain, String nearestStationCode, String nearestStationName, Double nearestStationMeters) {

	/** What the site adds to an objective, as the site-selection solver counts it. */
	public double gain(CoverageObjective objective) {
		return (objective == CoverageObjective.SINGLE) ? this.addsSingle : this.crossObjectiveGain;
	}

}
