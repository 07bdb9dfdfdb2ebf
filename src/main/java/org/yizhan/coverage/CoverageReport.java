package org.yizhan.coverage;

import java.time.Instant;
import java.util.List;

import org.yizhan.geo.GeoPoint;

/**
 * Coverage of an organisation's areas: figures per district and in total, the largest
 * gaps and the stations that break the spacing rule.
 *
 * @param radiusMeters the reach used, from {@link Reach}
 * @param pointDemand whether an uploaded point layer shaped the demand (otherwise demand
 * is area)
 * @param total the sum over the districts (a city's figures)
 * @param gaps the largest connected groups of cells no station reaches (open ones when
 * {@code at} is set), most demand first
 * @param spacingViolations listed stations whose nearest listed neighbour is farther than
 * {@code spacingMeters}, farthest first, at most {@link #MAX_LISTED}
 * @param spacingViolationCount how many there are in all
 */
public record CoverageReport(String orgCode, String name, TravelMode mode, int minutes, double radiusMeters,
		double cellMeters, Instant at, boolean pointDemand, District total, List<District> districts, List<Gap> gaps,
		double spacingMeters, int spacingViolationCount, List<SpacingViolation> spacingViolations, long millis) {

	/** How many gaps and spacing violations a report lists. */
	public static final int MAX_LISTED = 50;

	public CoverageReport {
		districts = List.copyOf(districts);
		gaps = List.copyOf(gaps);
		spacingViolations = List.copyOf(spacingViolations);
	}

	/**
	 * Shares (0 to 1) of an area's cells and demand within reach of at least one and at
	 * least two stations.
	 *
	 * @param stations the stations counted (inside the area)
	 */
	public record Figures(int stations, double areaOnce, double areaTwice, double demandOnce, double demandTwice) {
	}

	/**
	 * @param source {@code UPLOADED} for a real boundary, {@code DERIVED} for the demo's
	 * approximation
	 * @param demandShare this district's share of the total demand
	 * @param listed reached by every listed station
	 * @param openAt reached by the stations open at the query's instant, {@code null}
	 * without one
	 */
	public record District(String orgCode, String name, String source, int cells, double areaKm2, double demandShare,
			Figures listed, Figures openAt) {
	}

	/** A connected group of unreached cells, its centroid and its share of all demand. */
	public record Gap(String orgCode, int cells, double areaKm2, double demandShare, GeoPoint centroid) {
	}

	/**
	 * @param nearestMeters distance to the nearest other listed station, {@code null}
	 * when none is within 10 km
	 */
	public record SpacingViolation(String code, String name, GeoPoint location, Double nearestMeters,
			String nearestCode) {
	}

}
