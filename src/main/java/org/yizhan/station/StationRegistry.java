package org.yizhan.station;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.yizhan.geo.GeoPoint;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Assignments;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.photo.PhotoProcessor;
import org.yizhan.station.photo.PhotoStorage;
import org.yizhan.station.photo.ProcessedPhoto;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry of stations: the one way to create, change and find them.
 *
 * <p>
 * Each command is one transaction that validates its input, loads the station with a row
 * lock, lets the aggregate decide, saves it with a version check and publishes the
 * resulting events through Spring Modulith's outbox, so a change and its event commit or
 * fail together. A caller that read version {@code n} passes it as
 * {@code expectedVersion}; a newer version in the database makes the command a conflict
 * rather than a silent overwrite. Each change is also published as {@link Audited}, which
 * the audit log records in the same transaction.
 */
@Service
@Transactional
public class StationRegistry {

	private final StationRepository stations;

	private final StationInputValidator validator;

	private final PhotoProcessor photoProcessor;

	private final PhotoStorage photoStorage;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Assignments assignments;

	private final OrganizationTree organizations;

	private final TransactionTemplate reading;

	private final TransactionTemplate writing;

	/**
	 * Asked at each listing, not at construction: a requirement's module may itself use
	 * the registry.
	 */
	private final ObjectProvider<ListingRequirement> listingRequirements;

	private final StationBulkImport bulkImport;

	StationRegistry(StationRepository stations, StationInputValidator validator, PhotoProcessor photoProcessor,
			PhotoStorage photoStorage, ApplicationEventPublisher events, Clock clock, Assignments assignments,
			OrganizationTree organizations, PlatformTransactionManager transactions,
			ObjectProvider<ListingRequirement> listingRequirements, StationBulkImport bulkImport) {
		this.stations = stations;
		this.validator = validator;
		this.photoProcessor = photoProcessor;
		this.photoStorage = photoStorage;
		this.events = events;
		this.clock = clock;
		this.assignments = assignments;
		this.organizations = organizations;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
		this.writing = new TransactionTemplate(transactions);
		this.listingRequirements = listingRequirements;
		this.bulkImport = bulkImport;
	}

	/**
	 * Registers a new station as a draft, with a code counted in its district: a union
	 * admin, in a district of their subtree.
	 */
	public Station create(StationInput input) {
		StationScope scope = scope();
		if (!scope.mayManage()) {
			throw new ForbiddenException("station.forbidden.manage");
		}
		StationDetails details = validator.validate(input);
		requireInScope(scope, details.districtCode());
		StationCode code = StationCode.of(details.districtCode(), stations.nextNumberIn(details.districtCode()));
		return save(Station.draft(code, details, now()), "station.create", null);
	}

	/**
	 * Registers a new station as a draft for an application its district's union approved
	 * (onboarding): a union admin or a reviewer of the district's subtree, since deciding
	 * an application is a reviewer's work and the station it yields is still a draft that
	 * only an admin may list.
	 */
	public Station createApproved(StationInput input) {
		StationScope scope = scope();
		Actor actor = Actor.required();
		if (!scope.mayManage() && !actor.holds(Role.REVIEWER)) {
			throw new ForbiddenException("station.forbidden.manage");
		}
		StationDetails details = validator.validate(input);
		requireInScope(scope, details.districtCode());
		StationCode code = StationCode.of(details.districtCode(), stations.nextNumberIn(details.districtCode()));
		return save(Station.draft(code, details, now()), "station.createApproved", null);
	}

	/**
	 * What importing a ledger of stations would do, row by row, without changing anything
	 * (the dry run): each row validated as {@link #create} validates, its district in the
	 * caller's subtree, matched to an existing station by code or by host and place. A
	 * union admin only.
	 */
	@Transactional(readOnly = true)
	public List<StationImportVerdict> planImport(List<StationImportRow> rows) {
		StationScope scope = scope();
		if (!scope.mayManage()) {
			throw new ForbiddenException("station.forbidden.manage");
		}
		return this.bulkImport.plan(rows, scope).stream().map(StationBulkImport.Planned::verdict).toList();
	}

	/**
	 * Imports a ledger in the caller's transaction: the valid rows are applied (new
	 * drafts inserted in bulk, changed stations revised one by one with their events and
	 * audit entries), rows with violations are left out and answered as in
	 * {@link #planImport}. A caller that wants all or nothing refuses, and so rolls back,
	 * when any verdict has violations. The new drafts are audited once per district
	 * ({@code station.import}), not once per row. A station changed since the plan read
	 * it makes the whole import a conflict.
	 */
	public List<StationImportVerdict> applyImport(List<StationImportRow> rows) {
		StationScope scope = scope();
		if (!scope.mayManage()) {
			throw new ForbiddenException("station.forbidden.manage");
		}
		Instant now = now();
		List<StationBulkImport.Planned> plan = this.bulkImport.plan(rows, scope);
		List<StationBulkImport.Planned> creations = plan.stream()
			.filter(p -> p.verdict().action() == StationImportVerdict.Action.CREATE)
			.toList();
		List<Station> drafts = this.bulkImport.createDrafts(creations, now);
		Map<String, List<String>> createdCodes = new LinkedHashMap<>();
		drafts.forEach(draft -> createdCodes.computeIfAbsent(draft.details().districtCode(), d -> new ArrayList<>())
			.add(draft.code().value()));
		createdCodes.forEach((district, codes) -> this.events.publishEvent(new Audited("station.import", "station",
				codes.get(0) + ".." + codes.get(codes.size() - 1), district, null, "created=" + codes.size())));
		List<StationImportVerdict> verdicts = new ArrayList<>(plan.size());
		int created = 0;
		for (StationBulkImport.Planned planned : plan) {
			StationImportVerdict verdict = planned.verdict();
			if (verdict.action() == StationImportVerdict.Action.CREATE) {
				verdict = new StationImportVerdict(verdict.action(), drafts.get(created++).code().value(), List.of());
			}
			else if (verdict.action() == StationImportVerdict.Action.REVISE) {
				Station station = load(planned.existing().id(), planned.existing().version(), scope, Permission.MANAGE);
				StationDetails before = station.details();
				List<String> changed = changedFields(before, planned.details());
				if (!planned.details().districtCode().equals(before.districtCode())) {
					requireInScope(scope, planned.details().districtCode());
				}
				String summary = summary(station) + values(before, changed, "; ");
				station.revise(planned.details(), now);
				String newValues = values(planned.details(), changed, "");
				save(station, "station.import.revise", summary,
						(newValues.isEmpty() ? "" : newValues + "; ") + "changed=" + String.join(", ", changed));
			}
			verdicts.add(verdict);
		}
		return verdicts;
	}

	/**
	 * Revises the details: a union admin of the station's subtree, its station master or
	 * its host's HOST account. Nobody changes the level or stars here (403): they change
	 * through a grading decision ({@link StationGrades}). The last two keep the station
	 * right day to day (hours, facilities, description, contact phone) but may not change
	 * what the union decides and what money follows: the level and stars (graded, or
	 * downgraded as a silent station is), the district (whose union supervises and pays)
	 * and the host's name and type (who the station is registered to, and the HOST
	 * account's reach). Such a change is refused whole with 403 naming what was refused;
	 * its status changes only through the lifecycle steps, which are the admins'.
	 */
	public Station revise(StationId id, long expectedVersion, StationInput input) {
		StationScope scope = scope();
		Station station = load(id, expectedVersion, scope, Permission.EDIT);
		StationDetails details = validator.validate(input);
		refuseGradeChange(station.details(), details);
		if (!scope.mayManage()) {
			refuseUnionDecisions(station.details(), details);
		}
		else if (!details.districtCode().equals(station.details().districtCode())) {
			requireInScope(scope, details.districtCode());
		}
		StationDetails before = station.details();
		List<String> changed = changedFields(before, details);
		String summary = summary(station) + values(before, changed, "; ");
		station.revise(details, now());
		String newValues = values(details, changed, "");
		return save(station, "station.revise", summary,
				(newValues.isEmpty() ? "" : newValues + "; ") + "changed=" + String.join(", ", changed));
	}

	/**
	 * Puts a draft on the public map, if every {@link ListingRequirement} lets it (409
	 * with the first refusal otherwise); a station in another status is refused by the
	 * aggregate as before.
	 */
	public Station list(StationId id, Long expectedVersion) {
		return lifecycleStep(id, expectedVersion, "station.list", station -> {
			if (station.status() == StationStatus.DRAFT) {
				for (ListingRequirement requirement : this.listingRequirements.orderedStream().toList()) {
					requirement.refusalToList(station).ifPresent(refusal -> {
						throw new ConflictException("status", refusal.code(), refusal.args());
					});
				}
			}
			station.list(now());
		});
	}

	public Station suspend(StationId id, Long expectedVersion, String reason, LocalDate expectedReopening) {
		return lifecycleStep(id, expectedVersion, "station.suspend",
				station -> station.suspend(reason, expectedReopening, LocalDate.now(clock), now()));
	}

	public Station reopen(StationId id, Long expectedVersion) {
		return lifecycleStep(id, expectedVersion, "station.reopen", station -> station.reopen(now()));
	}

	public Station delist(StationId id, Long expectedVersion, DelistingReason reason, String note) {
		return lifecycleStep(id, expectedVersion, "station.delist", station -> station.delist(reason, note, now()));
	}

	/**
	 * One step of the lifecycle by a union admin of the station's subtree: the aggregate
	 * decides whether it is allowed from where the station is now.
	 */
	private Station lifecycleStep(StationId id, Long expectedVersion, String action, Consumer<Station> step) {
		Station station = load(id, expectedVersion, scope(), Permission.MANAGE);
		String before = summary(station);
		step.accept(station);
		return save(station, action, before);
	}

	/**
	 * Lowers the station's level by one step (降级) with a reason: a union admin of its
	 * subtree. Refused for a station without a level or a delisted one.
	 */
	public Station downgrade(StationId id, Long expectedVersion, String reason) {
		Station station = load(id, expectedVersion, scope(), Permission.MANAGE);
		String before = summary(station);
		StationLevel from = station.details().level();
		station.downgrade(reason, now());
		return save(station, "station.downgrade", before + "; level=" + from,
				"level=" + station.details().level() + "; downgradeReason=" + reason.strip());
	}

	/**
	 * Gives a station the level and stars a grading decision settled, for
	 * {@link StationGrades}, which has checked the caller and the decision; the grade the
	 * station already has changes nothing and writes nothing.
	 */
	Station grade(StationId id, StationScope scope, StationLevel level, int stars, String decision) {
		Station station = stations.lockVisible(id, scope).orElseThrow(() -> StationNotFoundException.byId(id));
		StationDetails before = station.details();
		if (before.level() == level && before.stars() == stars) {
			return station;
		}
		String summary = summary(station) + "; level=" + before.level() + "; stars=" + before.stars();
		station.grade(level, stars, now());
		return save(station, "station.grade", summary, "level=" + level, "stars=" + stars, "decision=" + decision);
	}

	/**
	 * Validates, re-encodes and stores an uploaded photo and adds it to the station.
	 *
	 * <p>
	 * Decoding a photo takes up to seconds and hundreds of megabytes, so it happens
	 * outside any transaction (no database connection is held meanwhile) and only after
	 * everything that could refuse the upload without looking at its pixels: the caller's
	 * scope and right, the version, room for another photo (a short read), then the
	 * file's size, format, dimensions and bit depth, then a decoding slot
	 * ({@code BusyException} when none comes free). The change itself is a second
	 * transaction that checks all of that again under the row lock. The file is written
	 * before the row; if that transaction fails, the file is removed again.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Station addPhoto(StationId id, Long expectedVersion, byte[] upload) {
		StationScope scope = this.reading.execute(status -> {
			StationScope caller = scope();
			Station station = stations.findVisible(id, caller).orElseThrow(() -> StationNotFoundException.byId(id));
			permit(station, expectedVersion, caller, Permission.EDIT);
			station.requireRoomForPhoto();
			return caller;
		});
		ProcessedPhoto processed = photoProcessor.process(upload);
		return this.writing.execute(status -> {
			Station station = load(id, expectedVersion, scope, Permission.EDIT);
			station.requireRoomForPhoto();
			String key = photoStorage.store(processed);
			// Storage is by content: an identical photo already in use must survive a
			// rollback.
			if (!stations.isPhotoInUse(key)) {
				onRollback(() -> photoStorage.delete(key));
			}
			String before = summary(station);
			station.addPhoto(new StationPhoto(null, key, processed.width(), processed.height(), now()), now());
			return save(station, "station.addPhoto", before);
		});
	}

	/** Removes a photo; its file goes once the change has committed. */
	public Station removePhoto(StationId id, Long expectedVersion, long photoId) {
		Station station = load(id, expectedVersion, scope(), Permission.EDIT);
		String before = summary(station);
		StationPhoto removed = station.removePhoto(photoId, now());
		Station saved = save(station, "station.removePhoto", before, "removedPhoto=" + photoId);
		if (!stations.isPhotoInUse(removed.storageKey())) {
			onCommit(() -> photoStorage.delete(removed.storageKey()));
		}
		return saved;
	}

	/** A photo of a station the caller sees. */
	@Transactional(readOnly = true)
	public Optional<byte[]> readPhoto(StationId id, long photoId, boolean thumbnail) {
		return stations.findVisible(id, scope()).flatMap(station -> read(station, photoId, thumbnail));
	}

	/** A photo of a listed station, for anyone: listed stations are public. */
	@Transactional(readOnly = true)
	public Optional<byte[]> readListedPhoto(StationId id, long photoId, boolean thumbnail) {
		return findListed(id).flatMap(station -> read(station, photoId, thumbnail));
	}

	/**
	 * A listed station, for anyone: what the public map and its pages show. Drafts,
	 * suspended and delisted stations are only seen through {@link #getById}.
	 */
	@Transactional(readOnly = true)
	public Optional<Station> findListed(StationId id) {
		return stations.findById(id).filter(station -> station.status() == StationStatus.LISTED);
	}

	/**
	 * A suspended station, for anyone: its public page says why it is closed and when it
	 * expects to reopen, rather than that it does not exist. Drafts and delisted stations
	 * stay out of sight.
	 */
	@Transactional(readOnly = true)
	public Optional<Station> findSuspended(StationId id) {
		return stations.findById(id).filter(station -> station.status() == StationStatus.SUSPENDED);
	}

	/**
	 * A delisted station, for anyone: its public page says it is off the map and points
	 * to the nearest open stations, rather than that it never existed. Drafts stay out of
	 * sight.
	 */
	@Transactional(readOnly = true)
	public Optional<Station> findDelisted(StationId id) {
		return stations.findById(id).filter(station -> station.status() == StationStatus.DELISTED);
	}

	/**
	 * A station whatever its status, for anyone who holds its signed QR code: the rating
	 * page tells a worker who scans the poster of a suspended or delisted station so,
	 * kindly, and needs the station for that. Callers show no more of it than the poster
	 * on the station's wall does.
	 */
	@Transactional(readOnly = true)
	public Optional<Station> findForRatingCode(StationId id) {
		return stations.findById(id);
	}

	/** A station the caller sees, by its code. */
	@Transactional(readOnly = true)
	public Optional<Station> findByCode(String code) {
		return stations.findVisibleByCode(code, scope());
	}

	/**
	 * A station the caller sees.
	 * @throws StationNotFoundException when there is no such station in the caller's
	 * scope (a station outside it does not exist for the caller)
	 */
	@Transactional(readOnly = true)
	public Station getById(StationId id) {
		return stations.findVisible(id, scope()).orElseThrow(() -> StationNotFoundException.byId(id));
	}

	/**
	 * A station the caller sees and may edit, for the form that edits it.
	 * @throws StationNotFoundException outside the caller's scope
	 * @throws ForbiddenException when the caller sees it but may not edit it
	 */
	@Transactional(readOnly = true)
	public Station getForEditing(StationId id) {
		StationScope scope = scope();
		Station station = stations.findVisible(id, scope).orElseThrow(() -> StationNotFoundException.byId(id));
		if (!scope.mayEdit(station)) {
			throw new ForbiddenException("station.forbidden.edit");
		}
		return station;
	}

	/**
	 * Whether the caller may change what the union decides when revising a station (its
	 * district, host name and type) and take it through its lifecycle: union admins only.
	 * The console shows the others those fields read-only and no lifecycle actions; level
	 * and stars it shows everyone read-only, since only a grading decision changes them
	 * ({@link StationGrades}).
	 */
	@Transactional(readOnly = true)
	public boolean mayDecide() {
		return scope().mayManage();
	}

	/**
	 * Whether the caller may revise {@code station}'s details and photos (the console
	 * offers the edit form and the photo forms only then).
	 */
	@Transactional(readOnly = true)
	public boolean mayEdit(Station station) {
		return scope().mayEdit(station);
	}

	/** The stations the caller sees that match {@code query}. */
	@Transactional(readOnly = true)
	public StationPage search(StationQuery query, StationSort sort, boolean descending, int page, int size) {
		return stations.search(query, scope(), sort, descending, page, size);
	}

	/**
	 * Hands every station the caller sees that matches {@code query} to {@code action},
	 * by code, a batch at a time (an export streams them to its file as they come); the
	 * stations carry no photos.
	 */
	@Transactional(readOnly = true)
	public void forEachMatching(StationQuery query, Consumer<Station> action) {
		stations.forEachMatching(query, scope(), 1000, action);
	}

	@Transactional(readOnly = true)
	public List<StationMarker> listMarkers(StationQuery query, int limit) {
		return stations.listMarkers(query, scope(), limit);
	}

	/**
	 * Hands every listed station to {@code action}, in batches, as the database holds
	 * them now (the finder's feeds). A module that keeps stations in memory registers a
	 * copy with {@link StationCopies} instead.
	 */
	@Transactional(readOnly = true)
	public void forEachListed(Consumer<Station> action) {
		stations.forEachIn(StationStatus.LISTED, 1000, action);
	}

	/**
	 * The stations the caller sees, as a condition other modules add to their own
	 * queries.
	 * @throws AccessDeniedException without a signed-in account
	 */
	@Transactional(readOnly = true)
	public VisibleStations visibleStations() {
		return new VisibleStations(scope());
	}

	/**
	 * The stations {@code actor} sees, as a condition other modules add to their own
	 * queries: for work done on an account's behalf outside any request (a digest job has
	 * no signed-in caller), with the same rule as {@link #visibleStations()}.
	 */
	@Transactional(readOnly = true)
	public VisibleStations visibleStationsOf(Actor actor) {
		return new VisibleStations(StationScope.of(actor, assignments));
	}

	/** The district codes that have at least one station the caller sees, for filters. */
	@Transactional(readOnly = true)
	public List<String> listDistrictsInUse() {
		return stations.listDistrictsInUse(scope());
	}

	/**
	 * What the current account sees. Every registry method that acts for a request goes
	 * through here; without an account there is nothing to see.
	 */
	private StationScope scope() {
		Actor actor = Actor.required();
		return StationScope.of(actor, assignments);
	}

	/**
	 * Refuses a station master or host a change of what the union decides, naming the
	 * first such field changed (the console shows these fields read-only to them).
	 */
	private static void refuseUnionDecisions(StationDetails was, StationDetails is) {
		if (!is.districtCode().equals(was.districtCode())) {
			throw new ForbiddenException("station.forbidden.move");
		}
		if (!is.hostName().equals(was.hostName()) || is.hostType() != was.hostType()) {
			throw new ForbiddenException("station.forbidden.host");
		}
	}

	/**
	 * Refuses anyone, union admins included, a change of level or stars through a
	 * revision: they change only through a grading decision ({@link StationGrades}),
	 * which records who decided what on which evidence (ADR 0025).
	 */
	private static void refuseGradeChange(StationDetails was, StationDetails is) {
		if (is.level() != was.level() || is.stars() != was.stars()) {
			throw new ForbiddenException("station.forbidden.grade");
		}
	}

	private void requireInScope(StationScope scope, String districtCode) {
		String path = organizations.findByCode(districtCode).map(Organization::path).orElse(districtCode);
		if (!scope.covers(path)) {
			throw new ForbiddenException("station.forbidden.district", districtCode);
		}
	}

	private Optional<byte[]> read(Station station, long photoId, boolean thumbnail) {
		return station.findPhoto(photoId).flatMap(photo -> photoStorage.read(photo.storageKey(), thumbnail));
	}

	private enum Permission {

		MANAGE, EDIT

	}

	/**
	 * Loads and locks a station for a change: not found outside the caller's scope (a
	 * foreign id reveals nothing), forbidden inside it without the permission, a conflict
	 * when {@code expectedVersion} is stale.
	 */
	private Station load(StationId id, Long expectedVersion, StationScope scope, Permission permission) {
		Station station = stations.lockVisible(id, scope).orElseThrow(() -> StationNotFoundException.byId(id));
		permit(station, expectedVersion, scope, permission);
		return station;
	}

	private static void permit(Station station, Long expectedVersion, StationScope scope, Permission permission) {
		boolean permitted = (permission == Permission.MANAGE) ? scope.mayManage() : scope.mayEdit(station);
		if (!permitted) {
			throw new ForbiddenException(
					(permission == Permission.MANAGE) ? "station.forbidden.manage" : "station.forbidden.edit");
		}
		if (expectedVersion != null && expectedVersion != station.version()) {
			throw new ConflictException("version", "problem.staleVersion.detail", expectedVersion, station.version());
		}
	}

	private Station save(Station station, String action, String before, String... notes) {
		Station saved = stations.save(station);
		saved.drainEvents().forEach(events::publishEvent);
		StringBuilder after = new StringBuilder(summary(saved));
		for (String note : notes) {
			after.append("; ").append(note);
		}
		events.publishEvent(new Audited(action, "station", saved.code().toString(), saved.details().districtCode(),
				before, after.toString()));
		return saved;
	}

	/**
	 * What an auditor needs to follow a station's history at a glance; personal data (the
	 * phone) never goes into the log. A revision adds the changed fields' values before
	 * and after ({@link #values}).
	 */
	static String summary(Station station) {
		StringBuilder summary = new StringBuilder("status=").append(station.status())
			.append("; name=")
			.append(station.details().name())
			.append("; district=")
			.append(station.details().districtCode());
		station.suspension()
			.ifPresent(suspension -> summary.append("; suspensionReason=")
				.append(suspension.reason())
				.append("; expectedReopening=")
				.append(suspension.expectedReopening()));
		station.delisting()
			.ifPresent(delisting -> summary.append("; delistingReason=")
				.append(delisting.reason())
				.append(delisting.note() == null ? "" : "; delistingNote=" + delisting.note()));
		return summary.append("; photos=").append(station.photos().size()).toString();
	}

	/**
	 * The values of the changed fields, {@code key=value} each after a {@code "; "} (the
	 * first after {@code lead}), so that the log shows what a field was and became; the
	 * phone, personal data, is named among the changed fields but not copied.
	 */
	static String values(StationDetails details, List<String> changed, String lead) {
		List<String> pairs = new ArrayList<>();
		for (RecordComponent component : StationDetails.class.getRecordComponents()) {
			if (!changed.contains(component.getName()) || component.getName().equals("phone")) {
				continue;
			}
			try {
				pairs.add(component.getName() + "=" + auditValue(component.getAccessor().invoke(details)));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return pairs.isEmpty() ? "" : lead + String.join("; ", pairs);
	}

	private static String auditValue(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal number) {
			return number.stripTrailingZeros().toPlainString();
		}
		if (value instanceof GeoPoint point) {
			return String.format(Locale.ROOT, "%.6f,%.6f", point.lat(), point.lon());
		}
		if (value instanceof SmartEntry entry) {
			return entry.method().name() + " " + entry.unattendedHours();
		}
		if (value instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(" "));
		}
		return String.valueOf(value);
	}

	static List<String> changedFields(StationDetails before, StationDetails after) {
		List<String> changed = new ArrayList<>();
		for (RecordComponent component : StationDetails.class.getRecordComponents()) {
			try {
				Object was = component.getAccessor().invoke(before);
				Object is = component.getAccessor().invoke(after);
				if (!Objects.equals(was, is)
						&& !(was instanceof BigDecimal a && is instanceof BigDecimal b && a.compareTo(b) == 0)) {
					changed.add(component.getName());
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return changed;
	}

	private Instant now() {
		return clock.instant();
	}

	private static void onRollback(Runnable action) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					action.run();
				}
			}
		});
	}

	private static void onCommit(Runnable action) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

}
