package org.yizhan.onboarding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.HostAccounts;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.standard.ChecklistInForce;
import org.yizhan.standard.ChecklistItem;
import org.yizhan.standard.Checklists;
import org.yizhan.standard.Evidence;
import org.yizhan.standard.ItemEvidence;
import org.yizhan.standard.StationJudgements;
import org.yizhan.station.Amenity;
import org.yizhan.station.EvidencePhotos;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The district's review of an application, from taking it under review to a decision.
 *
 * <p>
 * A reviewer (or union admin) of the application's subtree takes it UNDER_REVIEW, records
 * a field visit against the checklist in force for its district (kept with the version
 * asked), may ask the applicant for more (MORE_INFO_REQUESTED; the applicant answers by
 * the status link and it is under review again, a new round), and decides. Alone, one
 * reviewer decides; in committee mode each reviewer votes once per round and the decision
 * falls when two votes agree (two of three). Approval, in one transaction, creates the
 * station as a draft with the host's details and the application's site, amenities and
 * hours, records the visit's answers as the station's first judgement against the
 * standard, links it to the application and, for a host that has none, makes its HOST
 * account, whose one-time password is returned once to the reviewer and nowhere kept.
 * Every step is one transaction with the application's row locked, writes the status
 * history (the note is what the applicant reads), mails the applicant and is audited.
 */
@Service
@Transactional
public class ApplicationReviews {

	private static final int MAX_NOTE = 1000;

	private final ApplicationReviewRepository reviews;

	private final ApplicationRepository applications;

	private final Applications reading;

	private final Checklists checklists;

	private final StationJudgements judgements;

	private final StationRegistry stations;

	private final HostAccounts hostAccounts;

	private final EvidencePhotos photos;

	private final ApplicantMails mails;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApplicationReviews(ApplicationReviewRepository reviews, ApplicationRepository applications, Applications reading,
			Checklists checklists, StationJudgements judgements, StationRegistry stations, HostAccounts hostAccounts,
			EvidencePhotos photos, ApplicantMails mails, ApplicationEventPublisher events, Clock clock) {
		this.reviews = reviews;
		this.applications = applications;
		this.reading = reading;
		this.checklists = checklists;
		this.judgements = judgements;
		this.stations = stations;
		this.hostAccounts = hostAccounts;
		this.photos = photos;
		this.mails = mails;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What a decision step returns.
	 *
	 * @param decided whether the application was decided by this step (in committee mode
	 * a vote may leave it undecided)
	 * @param stationCode the draft station an approval created
	 * @param hostAccount the HOST account an approval made, with its one-time password:
	 * shown once, never stored in clear
	 */
	public record Outcome(Application application, boolean decided, List<Vote> votes, String stationCode,
			HostAccounts.IssuedAccount hostAccount) {
	}

	/**
	 * Takes an application under review (from SUBMITTED, or from MORE_INFO_REQUESTED once
	 * the applicant answered or the reviewer goes on without the answer): a new round.
	 * @param committee {@code true} to have it decided by two of three reviewers,
	 * {@code false} by one, {@code null} to keep the mode it has
	 */
	public Application startReview(long id, Boolean committee, String statusUrlBase) {
		Actor actor = Applications.reader();
		ApplicationReviewRepository.Locked app = lock(id, actor);
		move(app, ApplicationStatus.UNDER_REVIEW, actor.accountId(), null, true, committee, "onboarding.review.start");
		mail(app, statusUrlBase);
		return this.reading.get(id);
	}

	/**
	 * Asks the applicant for more: the question is what the status page and the mail
	 * show.
	 */
	public Application requestMoreInformation(long id, String question, String statusUrlBase) {
		Actor actor = Applications.reader();
		String text = note(question, "question", true);
		ApplicationReviewRepository.Locked app = lock(id, actor);
		move(app, ApplicationStatus.MORE_INFO_REQUESTED, actor.accountId(), text, false, null,
				"onboarding.review.requestMore");
		mail(app, statusUrlBase);
		return this.reading.get(id);
	}

	/**
	 * The applicant's answer to a request for more, by the status link: the text goes
	 * into the history and the application is under review again.
	 * @throws NotFoundException for a token of no application
	 * @throws ConflictException when nothing was asked
	 */
	public PublicApplicationStatus answer(String token, String reply, String statusUrlBase) {
		ApplicationReviewRepository.Locked app = ApplicationToken.parse(token)
			.flatMap(t -> this.reviews.lockByToken(t.value()))
			.orElseThrow(() -> new NotFoundException("onboarding.application.tokenNotFound"));
		String text = note(reply, "reply", true);
		if (app.status() != ApplicationStatus.MORE_INFO_REQUESTED) {
			throw new ConflictException("status", "onboarding.review.nothingAsked");
		}
		move(app, ApplicationStatus.UNDER_REVIEW, null, text, true, null, null);
		mail(app, statusUrlBase);
		return this.applications.findStatus(ApplicationToken.parse(token).orElseThrow()).orElseThrow();
	}

	/**
	 * The applicant withdraws an application not decided yet, by the status link, having
	 * confirmed it: it leaves the reviewers' list and selection, its site is free again,
	 * the status page says so and the applicant is mailed. Audited as done by the
	 * anonymous holder of the link, with the client address.
	 * @throws NotFoundException for a token of no application
	 * @throws ConflictException when it is already decided or withdrawn
	 */
	public PublicApplicationStatus withdraw(String token, String statusUrlBase) {
		ApplicationReviewRepository.Locked app = ApplicationToken.parse(token)
			.flatMap(t -> this.reviews.lockByToken(t.value()))
			.orElseThrow(() -> new NotFoundException("onboarding.application.tokenNotFound"));
		if (!app.status().mayBecome(ApplicationStatus.WITHDRAWN)) {
			throw new ConflictException("status", "onboarding.withdraw.decided");
		}
		move(app, ApplicationStatus.WITHDRAWN, null, null, false, null, "onboarding.application.withdraw");
		mail(app, statusUrlBase);
		return this.applications.findStatus(ApplicationToken.parse(token).orElseThrow()).orElseThrow();
	}

	/**
	 * One item's answer at a field visit.
	 *
	 * @param photo the photo's bytes as uploaded, {@code null} for none
	 */
	public record VisitAnswer(String code, Boolean yes, BigDecimal number, byte[] photo) {
	}

	/**
	 * Records a field visit of an application under review against the checklist in force
	 * for its district: one answer per item the reviewer judges (yes/no, a figure, a
	 * photo); items of an amenity are answered from the application, items measured by
	 * the station's area from the site's area. Photos are checked and re-encoded like
	 * every other evidence photo.
	 * @throws ConflictException when no checklist is in force there, or the application
	 * is not under review
	 */
	public FieldVisit recordVisit(long id, List<VisitAnswer> answers, String visitNote) {
		Actor actor = Applications.reader();
		Application application = this.reading.get(id);
		ChecklistInForce standard = this.checklists.findInForce(application.districtCode())
			.orElseThrow(() -> new ConflictException("checklist", "onboarding.visit.noChecklist",
					application.districtName()));
		String note = note(visitNote, "note", false);
		Map<String, ChecklistItem> items = new HashMap<>();
		standard.items().forEach(item -> items.put(item.item().code(), item.item()));
		List<Violation> violations = new ArrayList<>();
		Map<String, EvidencePhotos.Prepared> prepared = new HashMap<>();
		Set<String> seen = new HashSet<>();
		List<VisitAnswer> given = answers == null ? List.of() : answers;
		for (int i = 0; i < given.size(); i++) {
			String field = "answers[" + i + "].";
			VisitAnswer answer = given.get(i);
			ChecklistItem item = answer == null || answer.code() == null ? null : items.get(answer.code().strip());
			if (item == null) {
				violations.add(Violation.of(field + "code", "onboarding.visit.unknownItem",
						answer == null ? "" : answer.code()));
				continue;
			}
			if (!seen.add(item.code())) {
				violations.add(Violation.of(field + "code", "onboarding.visit.duplicateItem", item.code()));
				continue;
			}
			if (item.derivedFromStation()) {
				violations.add(Violation.of(field + "code", "onboarding.visit.derived", item.code()));
				continue;
			}
			if (item.evidence() == Evidence.YES_NO && answer.yes() == null) {
				violations.add(Violation.of(field + "yes", "validation.required"));
			}
			if (item.evidence() == Evidence.NUMBER && (answer.number() == null || answer.number().signum() < 0
					|| answer.number().compareTo(BigDecimal.valueOf(10_000_000)) >= 0)) {
				violations.add(Violation.of(field + "number", "onboarding.visit.number"));
			}
			if (item.evidence() == Evidence.PHOTO && (answer.photo() == null || answer.photo().length == 0)) {
				violations.add(Violation.of(field + "photo", "validation.required"));
			}
			if (answer.photo() != null && answer.photo().length > 0) {
				try {
					prepared.put(item.code(), this.photos.prepare(answer.photo(), field + "photo"));
				}
				catch (InvalidInputException ex) {
					violations.addAll(ex.violations());
				}
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		ApplicationReviewRepository.Locked app = lock(id, actor);
		if (app.status() != ApplicationStatus.UNDER_REVIEW) {
			throw new ConflictException("status", "onboarding.visit.notUnderReview",
					app.status().label(Locale.SIMPLIFIED_CHINESE));
		}
		Instant now = now();
		ChecklistInForce.Item first = standard.items().get(0);
		long visitId = this.reviews.insertVisit(id, first.checklistId(), first.versionId(), standard.version().number(),
				actor.accountId(), note, now);
		for (VisitAnswer answer : given) {
			ChecklistItem item = items.get(answer.code().strip());
			String key = prepared.containsKey(item.code())
					? this.photos.store(prepared.get(item.code()), this.reviews::isPhotoInUse) : null;
			this.reviews.insertVisitItem(visitId, item.code(), item.evidence() == Evidence.YES_NO ? answer.yes() : null,
					item.evidence() == Evidence.NUMBER ? answer.number() : null, key);
		}
		for (ChecklistInForce.Item inForce : standard.items()) {
			ChecklistItem item = inForce.item();
			if (item.evidence() == Evidence.AMENITY && item.amenity() != null) {
				this.reviews.insertVisitItem(visitId, item.code(), application.amenities().contains(item.amenity()),
						null, null);
			}
			else if (item.derivedFromStation()) {
				this.reviews.insertVisitItem(visitId, item.code(), null, BigDecimal.valueOf(application.areaM2()),
						null);
			}
		}
		this.events.publishEvent(new Audited("onboarding.visit.record", "application", Long.toString(id),
				app.districtCode(), null, "visit=" + visitId + "; checklist=" + first.checklistId() + "; version="
						+ standard.version().number() + "; answers=" + given.size()));
		return this.reviews.findLatestVisit(id).orElseThrow();
	}

	/** An application of the caller's subtree, as {@link Applications#get} reads it. */
	@Transactional(readOnly = true)
	public Application application(long id) {
		return this.reading.get(id);
	}

	/** Whether two of three reviewers decide the application. */
	@Transactional(readOnly = true)
	public boolean isCommittee(long id) {
		this.reading.get(id);
		return this.reviews.isCommittee(id);
	}

	/** The checklist in force for an application's district: what a visit answers. */
	@Transactional(readOnly = true)
	public Optional<ChecklistInForce> findStandard(long id) {
		return this.checklists.findInForce(this.reading.get(id).districtCode());
	}

	/** The newest field visit of an application of the caller's subtree. */
	@Transactional(readOnly = true)
	public Optional<FieldVisit> findLatestVisit(long id) {
		this.reading.get(id);
		return this.reviews.findLatestVisit(id);
	}

	/** A photo of a visit's item, or its thumbnail. */
	@Transactional(readOnly = true)
	public byte[] readVisitPhoto(long id, long visitId, String itemCode, boolean thumbnail) {
		this.reading.get(id);
		return this.reviews.findVisitPhotoKey(id, visitId, itemCode)
			.flatMap(key -> this.photos.read(key, thumbnail))
			.orElseThrow(() -> new NotFoundException("onboarding.visit.photoNotFound", itemCode));
	}

	/** The votes of the current round. */
	@Transactional(readOnly = true)
	public List<Vote> listVotes(long id) {
		this.reading.get(id);
		return this.reviews.listVotes(id);
	}

	/**
	 * Decides, or in committee mode votes: approve, or reject with a reason the applicant
	 * reads. A rejection may come straight from SUBMITTED; an approval only after review.
	 * @param statusUrlBase where the applicant's status link starts, for the mail
	 * @throws ConflictException when the application's status does not allow it, or the
	 * reviewer already voted in this round
	 */
	public Outcome decide(long id, Decision decision, String reason, String statusUrlBase) {
		Actor actor = Applications.reader();
		if (decision == null) {
			throw new InvalidInputException(List.of(Violation.of("decision", "validation.required")));
		}
		String text = note(reason, "reason", decision == Decision.REJECT);
		ApplicationReviewRepository.Locked app = lock(id, actor);
		requireTransition(app, decision.outcome());
		if (app.committee()) {
			if (!this.reviews.insertVote(id, app.round(), actor.accountId(), actor.username(), decision, text, now())) {
				throw new ConflictException("decision", "onboarding.vote.already");
			}
			this.events.publishEvent(new Audited("onboarding.application.vote", "application", Long.toString(id),
					app.districtCode(), null, "round=" + app.round() + "; vote=" + decision));
			List<Vote> votes = this.reviews.listVotes(id);
			List<Vote> agreeing = votes.stream().filter(v -> v.decision() == decision).toList();
			if (agreeing.size() < 2) {
				return new Outcome(this.reading.get(id), false, votes, null, null);
			}
			if (decision == Decision.REJECT) {
				// The applicant reads every agreeing reviewer's reason.
				text = String.join("；", agreeing.stream().map(Vote::reason).distinct().toList());
			}
		}
		String stationCode = null;
		HostAccounts.IssuedAccount account = null;
		if (decision == Decision.APPROVE) {
			Application application = this.reading.get(id);
			Station station = this.stations.createApproved(stationInput(application));
			stationCode = station.code().toString();
			this.reviews.linkStation(id, station.id().value());
			recordVisitOnStation(application, station);
			if (app.hostAccountId() == null) {
				account = this.hostAccounts.issue("host-" + app.creditCode().toLowerCase(Locale.ROOT), app.hostName(),
						app.hostName(), app.districtCode(), station.id().value());
				this.reviews.linkHostAccount(app.hostId(), account.accountId());
			}
		}
		move(app, decision.outcome(), actor.accountId(), text, false, null, "onboarding.application.decide");
		mail(app, statusUrlBase);
		return new Outcome(this.reading.get(id), true, this.reviews.listVotes(id), stationCode, account);
	}

	/** The station an approved application created, if any. */
	@Transactional(readOnly = true)
	public Optional<Long> findStationId(long id) {
		this.reading.get(id);
		return this.reviews.findStationId(id);
	}

	/**
	 * The visit's yes/no and figures become the station's first recorded judgement, so
	 * the listing gate reads what the reviewer found. Photo items wait for the station's
	 * own photos: a judgement names a station photo, and the visit's photos are evidence
	 * of the application, not pictures for the public page.
	 */
	private void recordVisitOnStation(Application application, Station station) {
		Optional<FieldVisit> visit = this.reviews.findLatestVisit(application.id());
		Optional<ChecklistInForce> standard = this.checklists.findInForce(application.districtCode());
		if (visit.isEmpty() || standard.isEmpty()) {
			return;
		}
		Map<String, ChecklistItem> items = new HashMap<>();
		standard.get().items().forEach(item -> items.put(item.item().code(), item.item()));
		List<ItemEvidence> evidence = new ArrayList<>();
		for (FieldVisit.Answer answer : visit.get().answers()) {
			ChecklistItem item = items.get(answer.code());
			if (item == null || item.derivedFromStation()) {
				continue;
			}
			if (item.evidence() == Evidence.YES_NO && answer.yes() != null) {
				evidence.add(new ItemEvidence(item.code(), answer.yes(), null, null));
			}
			else if (item.evidence() == Evidence.NUMBER && answer.number() != null) {
				evidence.add(new ItemEvidence(item.code(), null, answer.number(), null));
			}
		}
		this.judgements.judge(station.id(), evidence);
	}

	private static StationInput stationInput(Application application) {
		List<String> amenities = application.amenities().stream().map(Amenity::name).sorted().toList();
		return new StationInput(application.stationName(), application.address(), application.districtCode(),
				application.host().name(), application.host().kind().name(), application.location().lat(),
				application.location().lon(), "wgs84", BigDecimal.valueOf(application.areaM2()), null, amenities,
				application.openingHours(), null, null, false, null, application.description(), null, null);
	}

	private ApplicationReviewRepository.Locked lock(long id, Actor actor) {
		return this.reviews.lock(id, actor.organizationPath())
			.orElseThrow(() -> new NotFoundException("onboarding.application.notFound", id));
	}

	private static void requireTransition(ApplicationReviewRepository.Locked app, ApplicationStatus to) {
		if (!app.status().mayBecome(to)) {
			throw new ConflictException("status", "onboarding.review.illegal", app.status().name(), to.name());
		}
	}

	private void move(ApplicationReviewRepository.Locked app, ApplicationStatus to, Long accountId, String note,
			boolean newRound, Boolean committee, String auditAction) {
		requireTransition(app, to);
		Instant now = now();
		this.reviews.changeStatus(app.id(), to, now, newRound, committee);
		this.applications.insertStatusChange(app.id(), to, now, accountId, note);
		if (auditAction != null) {
			this.events
				.publishEvent(new Audited(auditAction, "application", Long.toString(app.id()), app.districtCode(),
						app.status().name(), to.name() + (committee != null ? "; committee=" + committee : "")));
		}
	}

	private void mail(ApplicationReviewRepository.Locked app, String statusUrlBase) {
		if (app.emailSealed() == null || statusUrlBase == null) {
			return;
		}
		ApplicationToken token = ApplicationToken.parse(app.token()).orElseThrow();
		PublicApplicationStatus status = this.applications.findStatus(token).orElseThrow();
		ApplicantMails.Mail mail = this.mails.statusChanged(status, statusUrlBase + "/a/" + app.token());
		this.applications.insertMail(app.id(), app.emailSealed(), mail.subject(), mail.body(), now());
	}

	private static String note(String given, String field, boolean required) {
		String text = given == null ? "" : given.strip();
		if (text.isEmpty()) {
			if (required) {
				throw new InvalidInputException(List.of(Violation.of(field, "validation.required")));
			}
			return null;
		}
		if (text.length() > MAX_NOTE) {
			throw new InvalidInputException(List.of(Violation.of(field, "onboarding.note.tooLong", MAX_NOTE)));
		}
		return text;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
