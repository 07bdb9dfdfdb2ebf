package org.yizhan.station;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.PlainText;
import org.yizhan.platform.Violation;

/**
 * A trade-union service station for outdoor workers (户外劳动者服务站点) and the aggregate root of
 * the registry.
 *
 * <p>
 * A station is created as a {@link StationStatus#DRAFT draft} that only admins see.
 * Listing it puts it on the public map ({@code LISTED}); a listed station may be
 * suspended for a time with a reason and an expected reopening date ({@code SUSPENDED})
 * and reopened; a station in any state but {@code DELISTED} may be delisted for good with
 * a reason, after which it no longer changes. A station that is not delisted may be
 * downgraded one level at a time (national → provincial → city → none) with a reason. The
 * code is given once at creation and never changes. Each change raises an event that the
 * registry publishes in the same transaction as the change is saved, and bumps the
 * version that guards against lost updates; a station keeps at most {@value #MAX_PHOTOS}
 * photos.
 */
public class Station {

	public static final int MAX_PHOTOS = 9;

	public static final int MAX_SUSPENSION_REASON = 200;

	public static final int MAX_DELISTING_NOTE = 500;

	public static final int MAX_DOWNGRADE_REASON = 200;

	private StationId id;

	private final StationCode code;

	private StationDetails details;

	private StationStatus status;

	private Suspension suspension;

	private Delisting delisting;

	private final List<StationPhoto> photos;

	private Instant statusChangedAt;

	private final Instant createdAt;

	private Instant updatedAt;

	private long version;

	private final transient List<Pending> events = new ArrayList<>();

	/** The level before the last downgrade, for its event. */
	private transient StationLevel levelBeforeDowngrade;

	/** Why and until when a station is suspended. */
	public record Suspension(String reason, LocalDate expectedReopening) {
	}

	/** Why a station was delisted, with an optional note. */
	public record Delisting(DelistingReason reason, String note) {
	}

	Station(StationId id, StationCode code, StationDetails details, StationStatus status, Suspension suspension,
			Delisting delisting, List<StationPhoto> photos, Instant statusChangedAt, Instant createdAt,
			Instant updatedAt, long version) {
		this.id = id;
		this.code = Objects.requireNonNull(code, "code");
		this.details = Objects.requireNonNull(details, "details");
		this.status = Objects.requireNonNull(status, "status");
		this.suspension = suspension;
		this.delisting = delisting;
		this.photos = new ArrayList<>(photos);
		this.statusChangedAt = statusChangedAt;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	/** A new station, not yet on the map. */
	static Station draft(StationCode code, StationDetails details, Instant now) {
		Station station = new Station(null, code, details, StationStatus.DRAFT, null, null, List.of(), now, now, now,
				0);
		station.events.add(Pending.CHANGED);
		return station;
	}

	/**
	 * Corrects or completes what the station is; a delisted station is history and stays
	 * as it was.
	 */
	void revise(StationDetails revised, Instant now) {
		requireNot(StationStatus.DELISTED, "revise");
		this.details = Objects.requireNonNull(revised);
		touched(now, Pending.CHANGED);
	}

	/** Puts a draft on the map. */
	void list(Instant now) {
		require(StationStatus.DRAFT, "list");
		moveTo(StationStatus.LISTED, now, Pending.LISTED);
	}

	/** Closes a listed station for a time. */
	void suspend(String reason, LocalDate expectedReopening, LocalDate today, Instant now) {
		require(StationStatus.LISTED, "suspend");
		List<Violation> violations = new ArrayList<>();
		String trimmed = reason == null ? "" : reason.strip();
		if (trimmed.isEmpty()) {
			violations.add(Violation.of("reason", "validation.required"));
		}
		else if (trimmed.length() > MAX_SUSPENSION_REASON) {
			violations.add(Violation.of("reason", "validation.tooLong", MAX_SUSPENSION_REASON));
		}
		else if (PlainText.hasInvisibleCharacters(trimmed)) {
			violations.add(Violation.of("reason", PlainText.INVISIBLE_CHARACTERS));
		}
		if (expectedReopening == null) {
			violations.add(Violation.of("expectedReopening", "validation.required"));
		}
		else if (!expectedReopening.isAfter(today)) {
			violations.add(Violation.of("expectedReopening", "validation.futureDate"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		this.suspension = new Suspension(trimmed, expectedReopening);
		moveTo(StationStatus.SUSPENDED, now, Pending.SUSPENDED);
	}

	/** Puts a suspended station back on the map. */
	void reopen(Instant now) {
		require(StationStatus.SUSPENDED, "reopen");
		this.suspension = null;
		moveTo(StationStatus.LISTED, now, Pending.LISTED);
	}

	/** Takes a station off the map for good. */
	void delist(DelistingReason reason, String note, Instant now) {
		requireNot(StationStatus.DELISTED, "delist");
		String trimmed = note == null || note.isBlank() ? null : note.strip();
		if (reason == null) {
			throw new InvalidInputException(Violation.of("reason", "validation.required"));
		}
		if (trimmed != null && trimmed.length() > MAX_DELISTING_NOTE) {
			throw new InvalidInputException(Violation.of("note", "validation.tooLong", MAX_DELISTING_NOTE));
		}
		if (PlainText.hasInvisibleCharacters(trimmed)) {
			throw new InvalidInputException(Violation.of("note", PlainText.INVISIBLE_CHARACTERS));
		}
		this.suspension = null;
		this.delisting = new Delisting(reason, trimmed);
		moveTo(StationStatus.DELISTED, now, Pending.DELISTED);
	}

	/**
	 * Lowers the recognised level by one step (降级), with the reason the union gives; a
	 * station without a level cannot go lower, and a delisted one is history.
	 */
	void downgrade(String reason, Instant now) {
		requireNot(StationStatus.DELISTED, "downgrade");
		StationLevel before = details.level();
		StationLevel after = before.lower()
			.orElseThrow(
					() -> new ConflictException("level", "station.downgrade.none", before.labelZh(), before.labelEn()));
		String trimmed = reason == null ? "" : reason.strip();
		if (trimmed.isEmpty()) {
			throw new InvalidInputException(Violation.of("reason", "validation.required"));
		}
		if (trimmed.length() > MAX_DOWNGRADE_REASON) {
			throw new InvalidInputException(Violation.of("reason", "validation.tooLong", MAX_DOWNGRADE_REASON));
		}
		if (PlainText.hasInvisibleCharacters(trimmed)) {
			throw new InvalidInputException(Violation.of("reason", PlainText.INVISIBLE_CHARACTERS));
		}
		this.details = details.withLevel(after);
		this.levelBeforeDowngrade = before;
		touched(now, Pending.CHANGED);
		this.events.add(Pending.DOWNGRADED);
	}

	/**
	 * Takes the level and stars a union decided (grading): the one way they change after
	 * creation but for a downgrade. A delisted station is history.
	 */
	void grade(StationLevel level, int stars, Instant now) {
		requireNot(StationStatus.DELISTED, "grade");
		if (level == null) {
			throw new InvalidInputException(Violation.of("level", "validation.required"));
		}
		if (stars < 0 || stars > 5) {
			throw new InvalidInputException(Violation.of("stars", "validation.range", 0, 5));
		}
		this.details = details.withGrade(level, stars);
		touched(now, Pending.CHANGED);
	}

	void addPhoto(StationPhoto photo, Instant now) {
		requireRoomForPhoto();
		photos.add(photo);
		touched(now, Pending.CHANGED);
	}

	/**
	 * Returns the photo removed, so its file can be released once the change is saved.
	 */
	/**
	 * Refuses a photo that {@link #addPhoto} would refuse whatever the picture: on a
	 * delisted station, or past {@value #MAX_PHOTOS}. Asked before an upload is decoded.
	 */
	void requireRoomForPhoto() {
		requireNot(StationStatus.DELISTED, "revise");
		if (photos.size() >= MAX_PHOTOS) {
			throw new InvalidInputException(Violation.of("file", "photo.tooMany", MAX_PHOTOS));
		}
	}

	StationPhoto removePhoto(long photoId, Instant now) {
		requireNot(StationStatus.DELISTED, "revise");
		StationPhoto photo = findPhoto(photoId).orElseThrow(() -> StationNotFoundException.photo(photoId));
		photos.remove(photo);
		touched(now, Pending.CHANGED);
		return photo;
	}

	public Optional<StationPhoto> findPhoto(long photoId) {
		return photos.stream().filter(photo -> photo.id() != null && photo.id() == photoId).findFirst();
	}

	private void require(StationStatus expected, String action) {
		if (status != expected) {
			throw new StationTransitionException(status, action);
		}
	}

	private void requireNot(StationStatus forbidden, String action) {
		if (status == forbidden) {
			throw new StationTransitionException(status, action);
		}
	}

	private void moveTo(StationStatus next, Instant now, Pending event) {
		this.status = next;
		this.statusChangedAt = now;
		touched(now, event);
	}

	private void touched(Instant now, Pending event) {
		this.updatedAt = now;
		this.events.add(event);
	}

	/**
	 * The events raised since the last save, resolved now that the id is known; clears
	 * them.
	 */
	List<Object> drainEvents() {
		List<Object> resolved = new ArrayList<>();
		for (Pending pending : events) {
			resolved.add(switch (pending) {
				case CHANGED -> new StationChanged(id, code.value(), status);
				case LISTED -> new StationListed(id, code.value());
				case SUSPENDED ->
					new StationSuspended(id, code.value(), suspension.reason(), suspension.expectedReopening());
				case DELISTED -> new StationDelisted(id, code.value(), delisting.reason());
				case DOWNGRADED -> new StationDowngraded(id, code.value(), levelBeforeDowngrade, details.level());
			});
		}
		events.clear();
		return resolved;
	}

	/**
	 * Events are raised before a new station has its id, so they are named first and
	 * built on save.
	 */
	private enum Pending {

		CHANGED, LISTED, SUSPENDED, DELISTED, DOWNGRADED

	}

	void assignId(StationId id) {
		if (this.id != null) {
			throw new IllegalStateException("Station " + this.id + " already has an id");
		}
		this.id = id;
	}

	void savedAs(long version, List<StationPhoto> savedPhotos) {
		this.version = version;
		this.photos.clear();
		this.photos.addAll(savedPhotos);
	}

	public StationId id() {
		return id;
	}

	public StationCode code() {
		return code;
	}

	public StationDetails details() {
		return details;
	}

	public StationStatus status() {
		return status;
	}

	public Optional<Suspension> suspension() {
		return Optional.ofNullable(suspension);
	}

	public Optional<Delisting> delisting() {
		return Optional.ofNullable(delisting);
	}

	public List<StationPhoto> photos() {
		return List.copyOf(photos);
	}

	public Instant statusChangedAt() {
		return statusChangedAt;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public long version() {
		return version;
	}

}
