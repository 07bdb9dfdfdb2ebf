package org.yizhan.inspection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.yizhan.geo.CoordinateTransform;
import org.yizhan.geo.Crs;
import org.yizhan.geo.GeoPoint;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.EvidencePhotos;
import org.yizhan.station.StationId;
import org.yizhan.station.StationNotFoundException;
import org.yizhan.station.StationRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inspections: an inspector's submission from the phone form, and reading them back.
 *
 * <p>
 * A submission is stored whole or not at all: every answer checked first (an item not in
 * the campaign's version is refused naming it, every item must be answered, a failed item
 * needs its photo), the photos re-encoded without EXIF or GPS before the transaction
 * opens, then one transaction writes the inspection, its answers and photos. The phone's
 * own id for the submission makes it idempotent: sent twice, or again after the answer
 * was lost, the stored inspection is answered and nothing is stored twice. The phone's
 * position only decides whether it was within {@value #NEAR_METERS} m of the station.
 *
 * <p>
 * Who reads an inspection: whoever sees its station, except that a mystery visit stays
 * hidden (404) from everyone but the union staff above its campaign's union and the
 * campaign's assignees until the campaign's results are published.
 */
@Service
@Transactional(readOnly = true)
public class Inspections {

	/** How near the station the phone must be for the inspection to count as on site. */
	public static final int NEAR_METERS = 200;

	/** How far ahead of the server's clock a phone's time may run. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

	private static final Pattern CLIENT_ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final InspectionRepository repository;

	private final CampaignRepository campaigns;

	private final InspectionCampaigns campaignAccess;

	private final EvidencePhotos photos;

	private final StationRegistry registry;

	private final ApplicationEventPublisher events;

	private final CompletionAnnouncer announcer;

	private final TransactionTemplate writing;

	private final Clock clock;

	Inspections(InspectionRepository repository, CampaignRepository campaigns, InspectionCampaigns campaignAccess,
			EvidencePhotos photos, StationRegistry registry, ApplicationEventPublisher events,
			CompletionAnnouncer announcer, PlatformTransactionManager transactions, Clock clock) {
		this.announcer = announcer;
		this.repository = repository;
		this.campaigns = campaigns;
		this.campaignAccess = campaignAccess;
		this.photos = photos;
		this.registry = registry;
		this.events = events;
		this.writing = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * A submission's outcome.
	 *
	 * @param created {@code false} when the same submission had been stored before
	 */
	public record Submitted(Inspection inspection, boolean created) {
	}

	/**
	 * Stores an inspection from an inspector's worklist.
	 * @throws ForbiddenException for a caller who does not inspect, an evaluator past its
	 * contract, and a station not on the caller's worklist in that campaign
	 * @throws InvalidInputException naming every wrong field
	 * @throws ConflictException when the station was inspected in the campaign by another
	 * submission, or the client id is another inspector's
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Submitted submit(InspectionInput input) {
		Actor actor = this.campaignAccess.inspector();
		UUID clientId = clientId(input.clientId());
		Optional<InspectionRepository.Stored> repeat = this.repository.findByClientId(clientId);
		if (repeat.isPresent()) {
			return repeated(repeat.get(), actor);
		}
		if (input.campaignId() == null || input.stationId() == null) {
			List<Violation> missing = new ArrayList<>();
			if (input.campaignId() == null) {
				missing.add(Violation.of("campaignId", "validation.required"));
			}
			if (input.stationId() == null) {
				missing.add(Violation.of("stationId", "validation.required"));
			}
			throw new InvalidInputException(missing);
		}
		Campaign campaign = this.campaigns.findById(input.campaignId())
			.map(CampaignRepository.Stored::campaign)
			.orElseThrow(() -> new ForbiddenException("inspection.forbidden.notOnWorklist"));
		CampaignRepository.Sampled sampled = this.campaigns.findSampled(campaign.id(), input.stationId())
			.filter(s -> s.assigneeId() == actor.accountId())
			.orElseThrow(() -> new ForbiddenException("inspection.forbidden.notOnWorklist"));
		Checked checked = check(input, campaign, sampled);
		return this.writing.execute(status -> store(clientId, campaign, input.stationId(), sampled, checked, actor));
	}

	private Submitted store(UUID clientId, Campaign campaign, long stationId, CampaignRepository.Sampled sampled,
			Checked checked, Actor actor) {
		// the campaign's row first: a publication of its results cannot cross this
		// submission, so a mystery visit is announced exactly once, here or there
		this.campaigns.lock(campaign.id());
		boolean published = this.campaigns.findById(campaign.id()).orElseThrow().campaign().published();
		Optional<Long> inserted = this.repository.insert(new InspectionRepository.NewInspection(clientId, campaign.id(),
				stationId, sampled.districtCode(), actor.accountId(), checked.inspectedAt(), this.clock.instant(),
				checked.near(), checked.note(), checked.score(), checked.passed(), checked.failed()));
		if (inserted.isEmpty()) {
			Optional<InspectionRepository.Stored> same = this.repository.findByClientId(clientId);
			if (same.isPresent()) {
				return repeated(same.get(), actor);
			}
			throw new ConflictException("stationId", "inspection.station.alreadyInspected");
		}
		long id = inserted.get();
		for (CheckedAnswer answer : checked.answers()) {
			this.repository.insertAnswer(id, answer.code(), answer.passed(), answer.score(), answer.note());
			if (answer.photo() != null) {
				String key = this.photos.store(answer.photo(), this.repository::photoKeyInUse);
				this.repository.insertPhoto(id, answer.code(), key);
			}
		}
		InspectionRepository.Stored stored = this.repository.findById(id).orElseThrow();
		Inspection inspection = stored.inspection();
		this.events.publishEvent(
				new Audited("inspection.submit", "inspection", Long.toString(id), sampled.districtCode(), null,
						"campaign=" + campaign.id() + "; station=" + inspection.stationCode() + "; score="
								+ inspection.score().toPlainString() + "; passed=" + inspection.passed() + "; near="
								+ inspection.nearStation()));
		if (!campaign.mystery() || published) {
			this.announcer.announce(stored);
		}
		return new Submitted(inspection, true);
	}

	private static Submitted repeated(InspectionRepository.Stored stored, Actor actor) {
		if (stored.inspection().inspectorId() != actor.accountId()) {
			throw new ConflictException("clientId", "inspection.clientId.taken");
		}
		return new Submitted(stored.inspection(), false);
	}

	/**
	 * An inspection the caller may see.
	 * @throws NotFoundException when it may not, a mystery visit not yet published among
	 * them
	 */
	public Inspection get(long id) {
		Actor actor = Actor.required();
		InspectionRepository.Stored stored = this.repository.findById(id)
			.filter(s -> mayRead(s, actor))
			.orElseThrow(() -> new NotFoundException("inspection.notFound", id));
		return stored.inspection();
	}

	/**
	 * A station's inspections the caller may see, newest first: its score history.
	 * @throws NotFoundException for a station the caller does not see
	 */
	public List<Inspection> listForStation(long stationId) {
		Actor actor = Actor.required();
		try {
			this.registry.getById(new StationId(stationId));
		}
		catch (StationNotFoundException notVisible) {
			if (!seesCampaignsOf(actor) || !this.campaigns.isSampledFor(stationId, actor.accountId())) {
				throw notVisible;
			}
			// an assignee from below the campaign's union reads the inspections of the
			// campaigns naming it, and nothing else of the station
			return this.repository.listForStation(stationId, null, actor.accountId())
				.stream()
				.filter(s -> this.campaigns.isAssignee(s.inspection().campaignId(), actor.accountId()))
				.map(InspectionRepository.Stored::inspection)
				.toList();
		}
		return this.repository.listForStation(stationId, InspectionCampaigns.readerPath(actor), actor.accountId())
			.stream()
			.map(InspectionRepository.Stored::inspection)
			.toList();
	}

	/**
	 * A failed item's photo, or its thumbnail, for whoever may read its inspection.
	 * @throws NotFoundException otherwise
	 */
	public byte[] readPhoto(long photoId, boolean thumbnail) {
		InspectionRepository.Photo photo = this.repository.findPhoto(photoId)
			.orElseThrow(() -> new NotFoundException("inspection.photo.notFound", photoId));
		get(photo.inspectionId());
		return this.photos.read(photo.key(), thumbnail)
			.orElseThrow(() -> new NotFoundException("inspection.photo.notFound", photoId));
	}

	/**
	 * A failed item's photo for another module's work without a caller (a rectification
	 * case copying its "before" picture), by the id {@link InspectionCompleted} carries.
	 * Whoever it shows the photo to is that module's rule.
	 */
	public Optional<byte[]> readPhotoForModules(long photoId) {
		return this.repository.findPhoto(photoId).flatMap(photo -> this.photos.read(photo.key(), false));
	}

	private boolean mayRead(InspectionRepository.Stored stored, Actor actor) {
		boolean campaignSeen = (InspectionCampaigns.readerPath(actor) != null && actor.sees(stored.unionPath()))
				|| this.campaigns.isAssignee(stored.inspection().campaignId(), actor.accountId());
		if (campaignSeen) {
			return true;
		}
		if (!stored.inspection().published()) {
			return false;
		}
		try {
			this.registry.getById(new StationId(stored.inspection().stationId()));
			return true;
		}
		catch (StationNotFoundException notVisible) {
			return false;
		}
	}

	private static boolean seesCampaignsOf(Actor actor) {
		return InspectionCampaigns.READERS.stream().anyMatch(actor::holds);
	}

	// ------------------------------------------------------------------ checking

	record CheckedAnswer(String code, boolean passed, BigDecimal score, String note, EvidencePhotos.Prepared photo) {
	}

	record Checked(Instant inspectedAt, Boolean near, String note, List<CheckedAnswer> answers, BigDecimal score,
			boolean passed, int failed) {
	}

	private Checked check(InspectionInput input, Campaign campaign, CampaignRepository.Sampled station) {
		List<Violation> violations = new ArrayList<>();
		Instant inspectedAt = inspectedAt(input.inspectedAt(), campaign, violations);
		Boolean near = near(input, station, violations);
		String note = text(input.note(), "note", 1000, violations);
		Map<String, CampaignItem> items = new LinkedHashMap<>();
		campaign.items().forEach(item -> items.put(item.code(), item));
		List<InspectionInput.Answer> given = input.answers() == null ? List.of() : input.answers();
		Set<String> answered = new HashSet<>();
		Map<String, CheckedAnswer> checked = new HashMap<>();
		for (int i = 0; i < given.size(); i++) {
			String field = "answers[" + i + "].";
			InspectionInput.Answer answer = given.get(i);
			String code = answer == null || answer.code() == null ? "" : answer.code().strip();
			CampaignItem item = items.get(code);
			if (item == null) {
				violations.add(Violation.of(field + "code", "inspection.answer.unknownItem", code,
						campaign.checklistNameZh(), campaign.checklistVersionNumber()));
				continue;
			}
			if (!answered.add(code)) {
				violations.add(Violation.of(field + "code", "inspection.answer.duplicate", code));
				continue;
			}
			Boolean passed = null;
			if (answer.result() == null || answer.result().isBlank()) {
				violations.add(Violation.of(field + "result", "validation.required"));
			}
			else if ("PASS".equalsIgnoreCase(answer.result().strip())) {
				passed = true;
			}
			else if ("FAIL".equalsIgnoreCase(answer.result().strip())) {
				passed = false;
			}
			else {
				violations.add(Violation.of(field + "result", "validation.unknownValue", answer.result().strip(),
						"PASS, FAIL"));
			}
			BigDecimal score = answer.score();
			if (score != null && (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0
					|| score.stripTrailingZeros().scale() > 1)) {
				violations.add(Violation.of(field + "score", "inspection.answer.score"));
			}
			String itemNote = text(answer.note(), field + "note", 500, violations);
			EvidencePhotos.Prepared photo = null;
			boolean hasPhoto = answer.photo() != null && answer.photo().length > 0;
			if (Boolean.FALSE.equals(passed) && !hasPhoto) {
				violations.add(Violation.of(field + "photo", "inspection.answer.photoRequired", item.textZh()));
			}
			else if (Boolean.FALSE.equals(passed)) {
				try {
					photo = this.photos.prepare(answer.photo(), field + "photo");
				}
				catch (InvalidInputException ex) {
					violations.addAll(ex.violations());
				}
			}
			if (passed != null) {
				checked.put(code, new CheckedAnswer(code, passed, score, itemNote, photo));
			}
		}
		List<String> missing = items.keySet().stream().filter(code -> !answered.contains(code)).toList();
		if (!missing.isEmpty()) {
			violations.add(Violation.of("answers", "inspection.answer.missing", String.join(", ", missing)));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		List<CheckedAnswer> answers = items.keySet().stream().map(checked::get).toList();
		BigDecimal sum = BigDecimal.ZERO;
		boolean passed = true;
		int failed = 0;
		for (CheckedAnswer answer : answers) {
			sum = sum.add(answer.score() != null ? answer.score()
					: answer.passed() ? BigDecimal.valueOf(100) : BigDecimal.ZERO);
			if (!answer.passed()) {
				failed++;
				passed &= !items.get(answer.code()).required();
			}
		}
		BigDecimal score = sum.divide(BigDecimal.valueOf(answers.size()), 1, RoundingMode.HALF_UP);
		return new Checked(inspectedAt, near, note, answers, score, passed, failed);
	}

	private Instant inspectedAt(String given, Campaign campaign, List<Violation> violations) {
		if (given == null || given.isBlank()) {
			violations.add(Violation.of("inspectedAt", "validation.required"));
			return null;
		}
		Instant at;
		try {
			at = OffsetDateTime.parse(given.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			violations.add(Violation.of("inspectedAt", "inspection.inspectedAt.format"));
			return null;
		}
		if (at.isAfter(this.clock.instant().plus(CLOCK_SKEW))) {
			violations.add(Violation.of("inspectedAt", "inspection.inspectedAt.future"));
			return null;
		}
		LocalDate day = LocalDate.ofInstant(at, YizhanTime.ZONE);
		if (day.isBefore(campaign.startsOn()) || day.isAfter(campaign.endsOn())) {
			violations.add(Violation.of("inspectedAt", "inspection.inspectedAt.outsidePeriod",
					campaign.startsOn().toString(), campaign.endsOn().toString()));
			return null;
		}
		return at;
	}

	/** Whether the phone was near the station; the position itself goes no further. */
	private static Boolean near(InspectionInput input, CampaignRepository.Sampled station, List<Violation> violations) {
		if (input.lat() == null && input.lon() == null) {
			return null;
		}
		if (input.lat() == null || input.lon() == null || !Double.isFinite(input.lat()) || !Double.isFinite(input.lon())
				|| Math.abs(input.lat()) > 90 || Math.abs(input.lon()) > 180) {
			violations.add(Violation.of("location", "inspection.location.invalid"));
			return null;
		}
		Optional<Crs> crs = Crs.fromCode(input.crs() == null ? "" : input.crs().strip());
		if (crs.isEmpty()) {
			violations.add(Violation.of("crs", "inspection.location.crs"));
			return null;
		}
		GeoPoint wgs84 = switch (crs.get()) {
			case WGS84 -> GeoPoint.of(input.lat(), input.lon());
			case GCJ02 -> CoordinateTransform.gcj02ToWgs84(input.lat(), input.lon());
			case BD09 -> CoordinateTransform.bd09ToWgs84(input.lat(), input.lon());
		};
		return GeoPoint.distanceMeters(wgs84.lat(), wgs84.lon(), station.lat(), station.lon()) <= NEAR_METERS;
	}

	private static UUID clientId(String given) {
		if (given == null || given.isBlank()) {
			throw new InvalidInputException(Violation.of("clientId", "validation.required"));
		}
		if (!CLIENT_ID.matcher(given.strip()).matches()) {
			throw new InvalidInputException(Violation.of("clientId", "inspection.clientId.format"));
		}
		return UUID.fromString(given.strip());
	}

	private static String text(String given, String field, int max, List<Violation> violations) {
		if (given == null || given.isBlank()) {
			return null;
		}
		String text = given.strip();
		if (text.length() > max) {
			violations.add(Violation.of(field, "validation.tooLong", max));
			return null;
		}
		return text;
	}

}
