package org.yizhan.onboarding.web;

import java.util.List;
import java.util.Locale;

import org.yizhan.onboarding.ApplicationScore;
import org.yizhan.onboarding.ApplicationScoring;
import org.yizhan.onboarding.ApplicationSelection;
import org.yizhan.onboarding.ScoredPage;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Selection over the API, for union admins and reviewers of the subtree: an application's
 * score explained, scoring a union's applications, the scored list, and "choose N". The
 * list lives at {@code /api/v1/application-scores} because every {@code GET} one level
 * below {@code /api/v1/applications} is an applicant's public status look-up.
 */
@RestController
@RequestMapping("/api/v1")
class SelectionApiController {

	private final ApplicationScoring scoring;

	private final ApplicationSelection selection;

	SelectionApiController(ApplicationScoring scoring, ApplicationSelection selection) {
		this.scoring = scoring;
		this.selection = selection;
	}

	@GetMapping("/applications/{id}/score")
	ScoreJson score(@PathVariable long id) {
		return ScoreJson.of(this.scoring.explain(id), LocaleContextHolder.getLocale());
	}

	record ScoringRequest(String org) {
	}

	@PostMapping("/applications/scores")
	ApplicationScoring.ScoringRun scoreAll(@RequestBody(required = false) ScoringRequest request) {
		return this.scoring.scoreAll((request != null) ? request.org() : null);
	}

	@GetMapping("/application-scores")
	ScoredPage list(@RequestParam(required = false) String status, @RequestParam(required = false) String org,
			@RequestParam(required = false) String required, @RequestParam(required = false) String spacing,
			@RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.scoring.list(SelectionParameters.query(status, org, required, spacing, sort), page, size);
	}

	/**
	 * @param n how many to choose
	 * @param objective {@code SINGLE} (default) or {@code DOUBLE} (cross coverage)
	 * @param night measure against the stations open at night
	 */
	record SelectionRequest(String org, Integer n, String objective, Boolean night) {
	}

	@PostMapping("/applications/selection")
	ApplicationSelection.Selection choose(@RequestBody SelectionRequest request) {
		if (request.n() == null) {
			throw new InvalidInputException(Violation.of("n", "validation.required"));
		}
		return this.selection.choose(request.org(), request.n(), SelectionParameters.objective(request.objective()),
				Boolean.TRUE.equals(request.night()));
	}

	/** An application's score as the API shows it: the items in the caller's language. */
	record ScoreJson(long applicationId, String districtCode, ApplicationScore.Coverage coverage,
			ApplicationScore.Spacing spacing, boolean withinSpacing, String checklist, Integer checklistVersion,
			List<ConditionJson> conditions) {

		static ScoreJson of(ApplicationScore score, Locale locale) {
			return new ScoreJson(score.applicationId(), score.districtCode(), score.coverage(), score.spacing(),
					score.spacing().withinRule(), (score.checklist() != null) ? score.checklist().name(locale) : null,
					(score.checklist() != null) ? score.checklist().current().number() : null,
					score.conditions()
						.stream()
						.map(c -> new ConditionJson(c.item().code(), c.item().text(locale), c.item().required(),
								c.verdict().name()))
						.toList());
		}

	}

	record ConditionJson(String code, String text, boolean required, String verdict) {
	}

}
