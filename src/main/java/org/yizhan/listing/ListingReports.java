package org.yizhan.listing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.yizhan.geo.GeoPoint;
import org.yizhan.listing.ListingReportRepository.ReportedStation;
import org.yizhan.listing.ListingReportRepository.Stored;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.web.RequestValues;
import org.yizhan.station.Freshness;
import org.yizhan.station.ListingFreshness;
import org.yizhan.station.StationId;
import org.yizhan.station.StationNotFoundException;
import org.yizhan.station.StationStatus;
import org.yizhan.ticket.DeviceHashes;
import org.yizhan.ticket.ProblemTickets;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workers' reports of a station's listing from the finder's public page ("纠错 / report a
 * problem"), without the QR code that hangs inside a station they may not be able to
 * enter.
 *
 * <p>
 * Each phone counts once per station and day: its device id is stored as the problem
 * reports' keyed hash, and a second report of the day is answered with the first. A phone
 * that reported {@code heldAfterStations} other stations within the window has its report
 * held: kept, joined to the case, counted towards nothing. Every report opens or joins
 * the station's one case of its problem ({@link ProblemTickets#reportFromListing}), so
 * the station's chain hears of it once. When {@code shutReports} different phones, none
 * held, reported the station shut within {@code shutWindow} (and after its last
 * confirmation by a person), the listing is held as 待核实 at once, in the same transaction
 * ({@link ListingFreshness#hold}), until its host, master or union confirms it open.
 */
@Service
@Transactional
@EnableConfigurationProperties(ListingSettings.class)
public class ListingReports {

	/** Why a listing is held after independent shut reports. */
	public static final String SHUT_REPORTS = "SHUT_REPORTS";

	/** Why a report is held: its phone reported too many stations in the window. */
	static final String MANY_STATIONS = "MANY_STATIONS";

	public static final int MAX_DESCRIPTION = 500;

	static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

	private final ListingReportRepository reports;

	private final ListingFreshness freshness;

	private final ProblemTickets tickets;

	private final DeviceHashes devices;

	private final ListingSettings settings;

	private final Clock clock;

	ListingReports(ListingReportRepository reports, ListingFreshness freshness, ProblemTickets tickets,
			DeviceHashes devices, ListingSettings settings, Clock clock) {
		this.reports = reports;
		this.freshness = freshness;
		this.tickets = tickets;
		this.devices = devices;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Records a worker's report of a station's listing.
	 * @param stationId the station's id as the page's address names it
	 * @throws StationNotFoundException for a station not on file or not public (a draft)
	 * @throws InvalidInputException for a bad kind, device id, description or location,
	 * each named
	 * @throws ConflictException for a delisted station: it is off the map already
	 */
	public ListingReportReceipt report(String stationId, ListingReport report) {
		ReportedStation station = parse(stationId).flatMap(reports::findStation)
			.filter(found -> found.status() != StationStatus.DRAFT)
			.orElseThrow(() -> StationNotFoundException.byId(stationId));
		List<Violation> violations = new ArrayList<>();
		ReportKind kind = null;
		if (report.kind() == null || report.kind().isBlank()) {
			violations.add(Violation.of("kind", "validation.required"));
		}
		else {
			kind = RequestValues.enumValue(ReportKind.class, report.kind().strip(), "kind", violations);
		}
		if (report.deviceId() == null || report.deviceId().isBlank()) {
			violations.add(Violation.of("deviceId", "listing.deviceId.missing"));
		}
		else if (!DEVICE_ID.matcher(report.deviceId().strip()).matches()) {
			violations.add(Violation.of("deviceId", "listing.deviceId.invalid"));
		}
		String description = (report.description() == null || report.description().isBlank()) ? null
				: report.description().strip();
		if (description != null && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
			violations.add(Violation.of("description", "validation.tooLong", MAX_DESCRIPTION));
		}
		else if (description != null && description.chars()
			.anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			violations.add(Violation.of("description", "validation.controlCharacters"));
		}
		Boolean near = near(station, report.lat(), report.lon(), violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		if (station.status() == StationStatus.DELISTED) {
			throw new ConflictException("station", "listing.station.delisted", station.name());
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		LocalDate today = LocalDate.ofInstant(now, YizhanTime.ZONE);
		byte[] device = devices.hash(report.deviceId().strip());
		reports.lockDevice(device);
		reports.lockStation(station.id());
		Stored first = reports.findToday(station.id(), device, today).orElse(null);
		if (first != null) {
			return new ListingReportReceipt(first.ticketNumber(), true, isHeld(station.id()));
		}
		Instant windowStart = now.minus(settings.shutWindow());
		String holdReason = (reports.countOtherStations(device, station.id(), windowStart) >= settings
			.heldAfterStations()) ? MANY_STATIONS : null;
		String caseText = "[纠错 " + kind.name() + "]" + ((description != null) ? " " + description : "");
		if (caseText.length() > ProblemTickets.MAX_DESCRIPTION) {
			caseText = caseText.substring(0, ProblemTickets.MAX_DESCRIPTION);
		}
		String number = tickets.reportFromListing(station.id(), kind.problem(), caseText).ticket().number().value();
		reports.insert(station.id(), kind, today, device, near, description, holdReason, number, now);
		if (kind == ReportKind.SHUT && holdReason == null && station.status() == StationStatus.LISTED) {
			Freshness current = freshness.find(station.id()).orElseThrow();
			Instant since = (current.personConfirmedAt() != null && current.personConfirmedAt().isAfter(windowStart))
					? current.personConfirmedAt() : windowStart;
			if (reports.countShutDevices(station.id(), since) >= settings.shutReports()) {
				freshness.hold(station.id(), SHUT_REPORTS, now);
			}
		}
		return new ListingReportReceipt(number, false, isHeld(station.id()));
	}

	private boolean isHeld(StationId station) {
		return freshness.find(station).map(Freshness::isHeld).orElse(false);
	}

	/**
	 * Within the configured distance of the station, or {@code null} without a location.
	 */
	private Boolean near(ReportedStation station, Double lat, Double lon, List<Violation> violations) {
		if (lat == null && lon == null) {
			return null;
		}
		if (lat == null || lon == null) {
			violations.add(Violation.of((lat == null) ? "lat" : "lon", "listing.location.incomplete"));
			return null;
		}
		if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
			violations.add(Violation.of("lat", "listing.location.lat"));
			return null;
		}
		if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
			violations.add(Violation.of("lon", "listing.location.lon"));
			return null;
		}
		return GeoPoint.distanceMeters(lat, lon, station.lat(), station.lon()) <= settings.nearMeters();
	}

	private static java.util.Optional<Long> parse(String id) {
		try {
			return java.util.Optional.of(Long.parseLong(id.strip()));
		}
		catch (NumberFormatException | NullPointerException ex) {
			return java.util.Optional.empty();
		}
	}

}
