package org.yizhan.coverage;

import java.util.List;
import java.util.Objects;

import org.yizhan.geo.GeoPoint;

/**
 * The set of given candidate sites that together add the most coverage to the listed
 * stations, chosen by the site-selection solver, in pick order with what each adds to
 * those before it.
 *
 * @param picks the chosen candidates, each with its marginal gain (share of the
 * organisation's demand, counted once per cover level of the objective); the picks that
 * add nothing are left out
 * @param considered the candidates inside the organisation's areas (the others cannot add
 * to them and are not offered to the solver)
 * @param coveredBefore the objective's share with the listed stations alone
 * @param coveredAfter the same with the picks
 * @param upperBound no choice of {@code p} of the candidates reaches more than this share
 * (the solver's bound, not the optimum)
 */
public record SiteChoice(CoverageObjective objective, double radiusMeters, List<Pick> picks, int considered,
		double coveredBefore, double coveredAfter, double upperBound, long millis) {

	public SiteChoice {
		picks = List.copyOf(picks);
	}

	/** A site offered to the choice, known to the caller by its id. */
	public record Candidate(String id, GeoPoint location) {

		public Candidate {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(location, "location");
		}

	}

	/**
	 * @param gain the share of demand this pick adds to the listed stations and the picks
	 * before it
	 */
	public record Pick(String id, GeoPoint location, double gain) {
	}

}
