package org.yizhan.operations;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.privacy.PersonalDataCipher;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.EntryMethod;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationStatus;
import org.yizhan.station.StationTokens;
import org.yizhan.ticket.ProblemType;
import org.yizhan.ticket.Rectifications;
import org.yizhan.ticket.Severity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Smart 24-hour stations' door devices (issue 17, item 2; ADR 0029). Staff register a
 * station's devices, each with a secret shown once and a heartbeat interval; a device
 * then posts its entries and heartbeats signed with the secret ({@link DoorSignature}). A
 * request that is unsigned, from an unknown device, more than five minutes off the clock,
 * wrongly signed or a replay of one seen within the window is refused before anything is
 * counted. An entry counts as a visit served, once per ID card, station and check-in
 * period; the card's number is never stored, only its keyed hash ({@link IdCardHashes}).
 * A device silent for longer than its interval is marked silent and a case opened for the
 * station master; when every device of a station is silent, the finder stops saying
 * self-service entry is available there until one calls in.
 *
 * <p>
 * Who: the station's master and the union admins over it register and retire devices;
 * whoever sees a station reads its devices (never a secret).
 */
@Service
@Transactional
public class DoorDevices {

	/** How far a request's timestamp may be from the server's clock, either way. */
	public static final Duration WINDOW = Duration.ofMinutes(5);

	public static final int MIN_HEARTBEAT_SECONDS = 30;

	public static final int MAX_HEARTBEAT_SECONDS = 86_400;

	public static final int MAX_NAME = 60;

	private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(YizhanTime.ZONE);

	private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

	private static final Pattern DEVICE_ID = Pattern.compile("\\d{1,18}");

	private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");

	private static final Set<Role> MANAGERS = Set.of(Role.ORG_ADMIN, Role.STATION_MASTER);

	private final DoorRepository repository;

	private final IdCardHashes cards;

	private final PersonalDataCipher cipher;

	private final StationRegistry registry;

	private final StationTokens tokens;

	private final Rectifications rectifications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration period;

	private final SecureRandom random = new SecureRandom();

	DoorDevices(DoorRepository repository, IdCardHashes cards, PersonalDataCipher cipher, StationRegistry registry,
			StationTokens tokens, Rectifications rectifications, ApplicationEventPublisher events, Clock clock,
			@Value("${yizhan.operations.visits.check-in-period:PT2H}") Duration period) {
		this.repository = repository;
		this.cards = cards;
		this.cipher = cipher;
		this.registry = registry;
		this.tokens = tokens;
		this.rectifications = rectifications;
		this.events = events;
		this.clock = clock;
		this.period = period;
	}

	/** A device's request as it arrived: its headers, method, path and body. */
	public record SignedRequest(String device, String timestamp, String nonce, String signature, String method,
			String path, byte[] body) {
	}

	/**
	 * A door entry as its signed body says it: {@code {"method":"ID_CARD","card":"…"}}.
	 *
	 * @param method {@code ID_CARD}, {@code QR} or {@code FACE}
	 * @param card the ID card's number for {@code ID_CARD} (hashed, never stored),
	 * otherwise none
	 * @param readable whether the body was JSON of that shape at all
	 */
	public record EntryInput(String method, String card, boolean readable) {

		@Override
		public String toString() {
			// the card's number must not reach a log
			return "EntryInput[" + this.method + "]";
		}

	}

	// ------------------------------------------------------------------ staff

	/**
	 * Registers a door device at a station: a name (1–60 characters, unique among the
	 * station's devices in service) and a heartbeat interval in seconds (30–86,400). The
	 * secret is drawn here (32 random bytes, base64url) and answered once.
	 */
	public NewDoorDevice register(StationId stationId, String name, Integer heartbeatSeconds) {
		Actor actor = Actor.required();
		Station station = registry.getById(stationId);
		requireManager(actor);
		List<Violation> violations = new ArrayList<>();
		String given = name == null ? null : name.strip();
		if (given == null || given.isEmpty()) {
			violations.add(Violation.of("name", "validation.required"));
		}
		else if (given.length() > MAX_NAME || given.chars().anyMatch(Character::isISOControl)) {
			violations.add(Violation.of("name", "door.name.invalid", MAX_NAME));
		}
		if (heartbeatSeconds == null) {
			violations.add(Violation.of("heartbeatSeconds", "validation.required"));
		}
		else if (heartbeatSeconds < MIN_HEARTBEAT_SECONDS || heartbeatSeconds > MAX_HEARTBEAT_SECONDS) {
			violations.add(Violation.of("heartbeatSeconds", "door.heartbeat.range", MIN_HEARTBEAT_SECONDS,
					MAX_HEARTBEAT_SECONDS));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		if (station.status() == StationStatus.DELISTED) {
			throw new ConflictException("station", "door.station.delisted", station.details().name());
		}
		if (repository.nameTaken(stationId.value(), given)) {
			throw new ConflictException("name", "door.name.taken", given);
		}
		byte[] raw = new byte[32];
		random.nextBytes(raw);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		long id = repository.insert(stationId.value(), given, cipher.seal(secret), heartbeatSeconds, clock.instant(),
				actor.username());
		events.publishEvent(
				new Audited("door.register", "door-device", String.valueOf(id), station.details().districtCode(), null,
						"station=" + station.code() + "; name=" + given + "; heartbeatSeconds=" + heartbeatSeconds));
		return new NewDoorDevice(repository.find(id).orElseThrow(), secret);
	}

	/** The station's devices in service: whoever sees the station. */
	@Transactional(readOnly = true)
	public List<DoorDevice> listForStation(StationId stationId) {
		registry.getById(stationId);
		return repository.listForStation(stationId.value());
	}

	/** The devices at the stations the caller sees, silent ones first, at most 500. */
	@Transactional(readOnly = true)
	public List<DoorDevice> listVisible() {
		return repository.listVisible(registry.visibleStations(), 500);
	}

	/**
	 * Takes a device out of service: its requests are refused from then on, its entries
	 * stay counted. If it was the station's last silent device, the station's entry is no
	 * longer out of order.
	 */
	public DoorDevice retire(long deviceId) {
		Actor actor = Actor.required();
		DoorDevice device = repository.find(deviceId)
			.filter(found -> !"RETIRED".equals(found.status()))
			.orElseThrow(() -> new NotFoundException("door.unknown", deviceId));
		Station station;
		try {
			station = registry.getById(StationId.of(device.stationId()));
		}
		catch (RuntimeException ex) {
			// a device of a station the caller does not see does not exist for them
			throw new NotFoundException("door.unknown", deviceId);
		}
		requireManager(actor);
		boolean wasOut = repository.entryOutOfOrder(device.stationId());
		repository.retire(deviceId);
		events.publishEvent(new Audited("door.retire", "door-device", String.valueOf(deviceId),
				station.details().districtCode(), "status=" + device.status(), "status=RETIRED"));
		if (wasOut && !repository.entryOutOfOrder(device.stationId())) {
			events.publishEvent(new SelfServiceEntryChanged(device.stationId(), true));
		}
		return repository.find(deviceId).orElseThrow();
	}

	/** Whether the caller registers and retires door devices of the stations it sees. */
	public boolean mayManage(Actor actor) {
		return MANAGERS.stream().anyMatch(actor::holds);
	}

	private void requireManager(Actor actor) {
		if (!mayManage(actor)) {
			throw new ForbiddenException("door.forbidden.manage");
		}
	}

	// ------------------------------------------------------------------ devices

	/**
	 * A device's heartbeat: it is online (again) from now.
	 * @throws DoorRefusal for an unsigned, unknown, late, wrongly signed or replayed
	 * request
	 */
	public void heartbeat(SignedRequest request) {
		DoorRepository.Signer signer = verify(request);
		seen(signer);
	}

	/**
	 * A door entry through a device at the signed request's time: counted as a visit
	 * served unless the same ID card was counted at the station within the check-in
	 * period. The entry also counts as a heartbeat.
	 * @param input the entry the body holds
	 * @throws DoorRefusal before anything is counted, for a request not properly signed
	 * @throws InvalidInputException naming {@code method} or {@code card}
	 * @throws ConflictException when the station is not listed
	 */
	public DoorEntryReceipt recordEntry(SignedRequest request, EntryInput input) {
		DoorRepository.Signer signer = verify(request);
		if (!input.readable()) {
			throw new InvalidInputException(Violation.of("body", "door.body.unreadable"));
		}
		String method = input.method();
		String card = input.card();
		List<Violation> violations = new ArrayList<>();
		EntryMethod entryMethod = null;
		if (method == null || method.isBlank()) {
			violations.add(Violation.of("method", "validation.required"));
		}
		else {
			try {
				entryMethod = EntryMethod.valueOf(method.strip());
			}
			catch (IllegalArgumentException ex) {
				violations.add(Violation.of("method", "door.method.invalid"));
			}
		}
		byte[] cardHash = null;
		if (entryMethod == EntryMethod.ID_CARD) {
			String number = card == null ? "" : IdCardHashes.normalise(card);
			if (number.isEmpty()) {
				violations.add(Violation.of("card", "validation.required"));
			}
			else if (!IdCardHashes.valid(number)) {
				violations.add(Violation.of("card", "door.card.invalid"));
			}
			else {
				cardHash = cards.hash(number);
			}
		}
		else if (entryMethod != null && card != null && !card.isBlank()) {
			violations.add(Violation.of("card", "door.card.notIdCard"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		if (!StationStatus.LISTED.name().equals(signer.stationStatus())) {
			throw new ConflictException("device", "door.station.notListed");
		}
		seen(signer);
		Instant at = Instant.ofEpochSecond(Long.parseLong(request.timestamp()));
		repository.lockStationEntries(signer.stationId());
		boolean counted = cardHash == null
				|| !repository.cardCountedSince(signer.stationId(), cardHash, at.minus(period));
		repository.insertEntry(signer.id(), signer.stationId(), at, entryMethod.name(), cardHash, counted);
		if (counted) {
			ZonedDateTime local = at.atZone(YizhanTime.ZONE);
			repository.countEntry(signer.stationId(), signer.districtCode(), local.toLocalDate());
		}
		return new DoorEntryReceipt(counted, at);
	}

	/**
	 * Entry codes for a worker's phone at a station, one per door device online there,
	 * each good for {@link EntryCodes#LIFETIME_SECONDS} seconds: public, by the station's
	 * QR code.
	 * @throws InvalidInputException for a bad token
	 * @throws ConflictException when the station is not listed
	 */
	@Transactional(readOnly = true)
	public List<EntryCode> issueEntryCodes(String token) {
		List<Violation> violations = new ArrayList<>();
		StationId id = tokens.stationOrRefusal(token == null ? null : token.strip(), "token", "door", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Station station = registry.findListed(id)
			.orElseThrow(() -> new ConflictException("token", "door.station.notListed"));
		Instant expires = clock.instant().plusSeconds(EntryCodes.LIFETIME_SECONDS);
		List<EntryCode> codes = new ArrayList<>();
		Map<Long, String> secrets = repository.listSecrets(station.id().value());
		for (DoorDevice device : repository.listForStation(station.id().value())) {
			String sealed = secrets.get(device.id());
			if (sealed != null) {
				byte[] nonce = new byte[12];
				random.nextBytes(nonce);
				codes.add(new EntryCode(device.id(), device.name(),
						EntryCodes.issue(cipher.open(sealed), station.id().value(), device.id(), expires, nonce),
						expires));
			}
		}
		return codes;
	}

	// ------------------------------------------------------------------ the watch

	/**
	 * Marks silent every device whose heartbeat interval ran out, opens one case per
	 * device for the station's master, and says which stations' self-service entry is out
	 * of order now. A second run finds nothing.
	 * @return the devices marked silent
	 */
	public List<DoorDevice> watch() {
		Instant now = clock.instant();
		List<DoorDevice> silenced = repository.markSilent(now);
		Set<Long> stations = new java.util.TreeSet<>();
		for (DoorDevice device : silenced) {
			String text = "门禁设备「" + device.name() + "」自 " + MINUTE.format(device.lastSeenAt()) + " 起超过 "
					+ device.heartbeatSeconds() + " 秒未上报心跳，无人值守入站已暂停显示。Door device \"" + device.name()
					+ "\" has not called in for more than " + device.heartbeatSeconds() + " s since "
					+ MINUTE.format(device.lastSeenAt()) + "; unattended entry is shown as unavailable.";
			String number = rectifications
				.openFromDevice(StationId.of(device.stationId()), ProblemType.BROKEN_FACILITY, Severity.SERIOUS, text)
				.value();
			repository.saveCase(device.id(), number);
			stations.add(device.stationId());
		}
		for (long station : stations) {
			if (repository.entryOutOfOrder(station)) {
				events.publishEvent(new SelfServiceEntryChanged(station, false));
			}
		}
		return silenced.stream().map(device -> repository.find(device.id()).orElseThrow()).toList();
	}

	/** The stations whose every door device in service is silent. */
	@Transactional(readOnly = true)
	public Set<Long> stationsWithEntryOutOfOrder() {
		return repository.listStationsOutOfOrder();
	}

	/** Forgets nonces older than the window (and a margin): they can no longer pass. */
	int purgeNonces() {
		return repository.purgeNonces(clock.instant().minus(WINDOW.multipliedBy(2)));
	}

	/** Erases the ID cards' hashes of entries older than {@code retention}. */
	int eraseCardHashes(Duration retention) {
		return repository.eraseCardHashes(clock.instant().minus(retention));
	}

	// ------------------------------------------------------------------ signatures

	private DoorRepository.Signer verify(SignedRequest request) {
		if (blank(request.device()) || blank(request.timestamp()) || blank(request.nonce())
				|| blank(request.signature()) || !DEVICE_ID.matcher(request.device()).matches()
				|| !TIMESTAMP.matcher(request.timestamp()).matches() || !NONCE.matcher(request.nonce()).matches()) {
			throw new DoorRefusal(DoorRefusal.Reason.UNSIGNED);
		}
		Instant now = clock.instant();
		long timestamp = Long.parseLong(request.timestamp());
		if (Math.abs(timestamp - now.getEpochSecond()) > WINDOW.toSeconds()) {
			throw new DoorRefusal(DoorRefusal.Reason.LATE, WINDOW.toMinutes());
		}
		DoorRepository.Signer signer = repository.lockSigner(Long.parseLong(request.device()))
			.orElseThrow(() -> new DoorRefusal(DoorRefusal.Reason.UNKNOWN_DEVICE));
		if (!DoorSignature.matches(cipher.open(signer.secretSealed()), request.method(), request.path(), timestamp,
				request.nonce(), request.body(), request.signature())) {
			throw new DoorRefusal(DoorRefusal.Reason.BAD_SIGNATURE);
		}
		if (!repository.keepNonce(signer.id(), request.nonce(), now)) {
			throw new DoorRefusal(DoorRefusal.Reason.REPLAYED);
		}
		return signer;
	}

	private void seen(DoorRepository.Signer signer) {
		if (repository.seen(signer.id(), clock.instant())) {
			events.publishEvent(new SelfServiceEntryChanged(signer.stationId(), true));
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
