package org.yizhan.onboarding.web;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.yizhan.onboarding.Application;
import org.yizhan.onboarding.ApplicationReviews;
import org.yizhan.onboarding.Decision;
import org.yizhan.onboarding.FieldVisit;
import org.yizhan.onboarding.Vote;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ApiController;
import org.yizhan.platform.web.PublicBaseUrl;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * The district's review of an application through the API: take it under review, record
 * the field visit, ask the applicant for more, decide (or vote, in committee mode). For
 * union admins and reviewers of the application's subtree.
 */
@ApiController("/api/v1")
@Tag(name = "Application review", description = "驿站申请审核：受理、实地查看（按在用标准逐项记录）、要求补充材料、批准或驳回（委员会模式三人中两人一致）")
class ApplicationReviewApiController {

	private final ApplicationReviews reviews;

	private final PublicBaseUrl base;

	ApplicationReviewApiController(ApplicationReviews reviews, PublicBaseUrl base) {
		this.reviews = reviews;
		this.base = base;
	}

	/**
	 * @param committee {@code true}: two of three reviewers decide; absent: unchanged
	 */
	record StartRequest(Boolean committee) {
	}

	record QuestionRequest(String question) {
	}

	/**
	 * @param decision {@code APPROVE} or {@code REJECT}; a rejection needs a reason
	 */
	record DecisionRequest(String decision, String reason) {
	}

	/**
	 * An item's answer.
	 *
	 * @param photo the index, from 0, of this item's photo among the request's
	 * {@code photos} parts, or {@code null}
	 */
	record AnswerRequest(String code, Boolean yes, BigDecimal number, Integer photo) {
	}

	record VisitRequest(String note, List<AnswerRequest> answers) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ReviewJson(long id, String status, String statusLabel, boolean decided, List<VoteJson> votes,
			String stationCode, HostAccountJson hostAccount) {

		static ReviewJson of(Application application, boolean decided, List<Vote> votes, String stationCode,
				HostAccountJson account, Locale locale) {
			return new ReviewJson(application.id(), application.status().name(), application.status().label(locale),
					decided, votes.stream().map(VoteJson::of).toList(), stationCode, account);
		}

	}

	/** The HOST account an approval made; its password is in this answer only. */
	record HostAccountJson(String username, String oneTimePassword) {
	}

	record VoteJson(int round, String username, String decision, String reason, OffsetDateTime votedAt) {

		static VoteJson of(Vote vote) {
			return new VoteJson(vote.round(), vote.username(), vote.decision().name(), vote.reason(),
					ApplicationJson.time(vote.votedAt()));
		}

	}

	record VisitJson(long id, long checklistId, int checklistVersion, OffsetDateTime visitedAt, String note,
			List<FieldVisit.Answer> answers) {

		static VisitJson of(FieldVisit visit) {
			return new VisitJson(visit.id(), visit.checklistId(), visit.versionNumber(),
					ApplicationJson.time(visit.visitedAt()), visit.note(), visit.answers());
		}

	}

	@PostMapping("/applications/{id}/review")
	@Operation(summary = "Take an application under review (reviewers, union admins)",
			description = "From SUBMITTED, or MORE_INFO_REQUESTED; optionally sets committee mode. 404 outside the "
					+ "caller's subtree; 409 from any other status.")
	ReviewJson start(@PathVariable long id, @RequestBody(required = false) StartRequest request,
			HttpServletRequest http) {
		Application application = this.reviews.startReview(id, (request != null) ? request.committee() : null,
				this.base.resolve(http));
		return ReviewJson.of(application, false, this.reviews.listVotes(id), null, null,
				LocaleContextHolder.getLocale());
	}

	@PostMapping("/applications/{id}/information-request")
	@Operation(summary = "Ask the applicant for more (reviewers, union admins)",
			description = "UNDER_REVIEW to MORE_INFO_REQUESTED; the question is shown on the status page and mailed. "
					+ "The applicant answers on the status page.")
	ReviewJson requestMore(@PathVariable long id, @RequestBody QuestionRequest request, HttpServletRequest http) {
		Application application = this.reviews.requestMoreInformation(id, request.question(), this.base.resolve(http));
		return ReviewJson.of(application, false, List.of(), null, null, LocaleContextHolder.getLocale());
	}

	@PostMapping(path = "/applications/{id}/visits", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Record a field visit against the checklist in force (reviewers, union admins)",
			description = "Multipart: the part `visit` (application/json: note, answers[] of code, yes, number, photo "
					+ "= index of a `photos` part) and the `photos` parts. Amenity items are answered from the "
					+ "application, measured items from the site's area. 400 naming each wrong answer; 409 when "
					+ "no checklist is in force or the application is not under review.")
	ResponseEntity<VisitJson> visit(@PathVariable long id, @RequestPart("visit") VisitRequest visit,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos) {
		List<byte[]> uploads = ApplicationApiController.bytes(photos);
		List<ApplicationReviews.VisitAnswer> answers = new ArrayList<>();
		List<Violation> violations = new ArrayList<>();
		List<AnswerRequest> given = (visit.answers() != null) ? visit.answers() : List.of();
		for (int i = 0; i < given.size(); i++) {
			AnswerRequest answer = given.get(i);
			byte[] photo = null;
			if (answer != null && answer.photo() != null) {
				if (answer.photo() < 0 || answer.photo() >= uploads.size()) {
					violations.add(Violation.of("answers[" + i + "].photo", "onboarding.visit.photoPart",
							answer.photo(), uploads.size()));
					continue;
				}
				photo = uploads.get(answer.photo());
			}
			answers.add((answer == null) ? null
					: new ApplicationReviews.VisitAnswer(answer.code(), answer.yes(), answer.number(), photo));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return ResponseEntity.status(201).body(VisitJson.of(this.reviews.recordVisit(id, answers, visit.note())));
	}

	@GetMapping("/applications/{id}/visits/latest")
	@Operation(summary = "The newest field visit of an application (reviewers, union admins)")
	ResponseEntity<VisitJson> latestVisit(@PathVariable long id) {
		FieldVisit visit = this.reviews.findLatestVisit(id)
			.orElseThrow(() -> new NotFoundException("onboarding.visit.none", id));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(VisitJson.of(visit));
	}

	@GetMapping("/applications/{id}/votes")
	@Operation(summary = "The committee's votes in the current round (reviewers, union admins)")
	List<VoteJson> votes(@PathVariable long id) {
		return this.reviews.listVotes(id).stream().map(VoteJson::of).toList();
	}

	@PostMapping("/applications/{id}/decision")
	@Operation(summary = "Approve or reject, or vote in committee mode (reviewers, union admins)",
			description = "Approval (from UNDER_REVIEW) creates the station as a DRAFT with the host's details and, "
					+ "for a host without one, a HOST account whose one-time password is in this answer only. A "
					+ "rejection needs a reason, which the applicant reads. In committee mode the decision falls "
					+ "when two votes agree (`decided`). 409 for a status that does not allow it or a second vote.")
	ResponseEntity<ReviewJson> decide(@PathVariable long id, @RequestBody DecisionRequest request,
			HttpServletRequest http) {
		ApplicationReviews.Outcome outcome = this.reviews.decide(id, parseDecision(request.decision()),
				request.reason(), this.base.resolve(http));
		HostAccountJson account = (outcome.hostAccount() != null)
				? new HostAccountJson(outcome.hostAccount().username(), outcome.hostAccount().oneTimePassword()) : null;
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(ReviewJson.of(outcome.application(), outcome.decided(), outcome.votes(), outcome.stationCode(),
					account, LocaleContextHolder.getLocale()));
	}

	static Decision parseDecision(String given) {
		if (given != null) {
			for (Decision decision : Decision.values()) {
				if (decision.name().equalsIgnoreCase(given.strip())) {
					return decision;
				}
			}
		}
		throw new InvalidInputException(List.of(Violation.of("decision", "onboarding.decision.unknown")));
	}

}
