package org.yizhan.onboarding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.coverage.CoverageAnalysis;
import org.yizhan.coverage.CoverageObjective;
import org.yizhan.coverage.SiteChoice;
import org.yizhan.geo.GeoPoint;
import org.yizhan.organization.Organization;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Choose N" (issue 14, item 4): the set of applications still to be decided in a union's
 * subtree that together add the most coverage to its listed stations, found by coverage's
 * site-selection solver ({@link CoverageAnalysis#chooseAmong}) with the listed stations
 * fixed, not the N best one by one: two applications across the street from each other
 * each score high alone, and together add little more than one of them.
 */
@Service
public class ApplicationSelection {

	public static final int MAX_PICKS = 1000;

	private final ScoreRepository repository;

	private final ApplicationScoring scoring;

	private final CoverageAnalysis coverage;

	ApplicationSelection(ScoreRepository repository, ApplicationScoring scoring, CoverageAnalysis coverage) {
		this.repository = repository;
		this.scoring = scoring;
		this.coverage = coverage;
	}

	/**
	 * A pick and the application it is.
	 *
	 * @param gain the share of the union's demand it adds to the listed stations and the
	 * picks before it
	 */
	public record Pick(int rank, long applicationId, String stationName, String districtCode, GeoPoint location,
			double gain) {
	}

	/**
	 * @param night whether the stations open at night stood, rather than by day
	 * @param considered the applications offered to the solver (inside the union's areas)
	 * @param coveredBefore the objective's share of the union's demand with the stations
	 * alone
	 * @param coveredAfter the same with the picks
	 * @param upperBound the solver's bound on any choice of {@code n}
	 */
	public record Selection(String orgCode, String orgName, int n, CoverageObjective objective, boolean night,
			List<Pick> picks, int considered, double coveredBefore, double coveredAfter, double upperBound,
			long millis) {

		public Selection {
			picks = List.copyOf(picks);
		}

	}

	/**
	 * Chooses {@code n} applications of a union's subtree.
	 * @param orgCode a city or district union inside the caller's subtree, the caller's
	 * own when {@code null}; its areas are the demand the picks are to reach
	 * @param night measure against the stations open at night rather than by day
	 * @throws InvalidInputException naming {@code n} outside 1 to the applications there,
	 * or {@code org} when it has no application or no boundary
	 */
	@Transactional(readOnly = true)
	public Selection choose(String orgCode, int n, CoverageObjective objective, boolean night) {
		Organization scope = this.scoring.scope(orgCode);
		if (n < 1 || n > MAX_PICKS) {
			throw new InvalidInputException(Violation.of("n", "validation.range", 1, MAX_PICKS));
		}
		List<ScoreRepository.Site> sites = this.repository.listOpenSites(scope.path());
		if (sites.isEmpty()) {
			throw new InvalidInputException(Violation.of("org", "onboarding.selection.none", scope.code()));
		}
		Map<String, ScoreRepository.Site> byId = new HashMap<>();
		sites.forEach(site -> byId.put(Long.toString(site.id()), site));
		List<SiteChoice.Candidate> candidates = sites.stream()
			.map(site -> new SiteChoice.Candidate(Long.toString(site.id()), site.location()))
			.toList();
		var at = this.scoring.dayAndNight()[night ? 1 : 0];
		SiteChoice choice = this.coverage.chooseAmong(this.scoring.queryOf(scope.code(), at),
				Math.min(n, candidates.size()), objective, candidates);
		List<Pick> picks = new java.util.ArrayList<>();
		for (SiteChoice.Pick pick : choice.picks()) {
			ScoreRepository.Site site = byId.get(pick.id());
			picks.add(new Pick(picks.size() + 1, site.id(), site.stationName(), site.districtCode(), site.location(),
					pick.gain()));
		}
		return new Selection(scope.code(), scope.name(), n, objective, night, picks, choice.considered(),
				choice.coveredBefore(), choice.coveredAfter(), choice.upperBound(), choice.millis());
	}

}
