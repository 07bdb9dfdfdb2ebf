package org.yizhan.listing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Amenity;
import org.yizhan.station.Freshness;
import org.yizhan.station.FreshnessSource;
import org.yizhan.station.ListingFreshness;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationTokens;
import org.yizhan.ticket.DeviceHashes;
import org.yizhan.ticket.ProblemTickets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One optional question to a worker after a rating (issue 20 item 3): are the station's
 * hours still as listed, or is one of its listed services still there. Each answer is a
 * signal: a yes confirms the listing like a check-in; a no is counted, and when
 * {@link #DISAGREEING_PHONES} independent phones said no to the same question within
 * {@link #WINDOW} (after the station's last confirmation by a person) and outnumber those
 * who said yes, the station's correction case is opened or joined with the change they
 * propose, for its master to make or refuse.
 *
 * <p>
 * The question is asked through the station's QR code (the rating's token), so only
 * someone who was at the station is asked; a phone is asked once a station a day, and a
 * second answer of the day is kept as the first.
 */
@Service
@Transactional
public class ListingPrompts {

	/** The question about the hours; the others are {@code AMENITY:<amenity>}. */
	public static final String HOURS = "HOURS";

	static final String AMENITY = "AMENITY:";

	/** Independent phones whose "no" opens a correction case. */
	static final int DISAGREEING_PHONES = 3;

	/** How far back the answers to a question count. */
	static final Duration WINDOW = Duration.ofDays(14);

	private final StationTokens tokens;

	private final StationRegistry registry;

	private final ListingFreshness freshness;

	private final ListingReportRepository reports;

	private final ProblemTickets tickets;

	private final DeviceHashes devices;

	private final JdbcClient jdbc;

	private final Clock clock;

	ListingPrompts(StationTokens tokens, StationRegistry registry, ListingFreshness freshness,
			ListingReportRepository reports, ProblemTickets tickets, DeviceHashes devices, JdbcClient jdbc,
			Clock clock) {
		this.tokens = tokens;
		this.registry = registry;
		this.freshness = freshness;
		this.reports = reports;
		this.tickets = tickets;
		this.devices = devices;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The question asked about a listed station.
	 *
	 * @param question {@link #HOURS} or {@code AMENITY:<amenity>}
	 * @param station the station, for the question's words (its hours, its service)
	 * @param amenity the service asked about; {@code null} for the hours
	 */
	public record Prompt(String question, Station station, Amenity amenity) {
	}

	/**
	 * @param repeated this phone had answered about the station today already (kept once)
	 * @param caseNumber the correction case the answer opened or joined; {@code null} if
	 * none
	 */
	public record Answered(boolean repeated, String caseNumber) {
	}

	/**
	 * The question for this phone about the station its QR code names, if it is listed
	 * and the phone has not answered about it today.
	 * @throws InvalidInputException for a bad token or device id
	 */
	@Transactional(readOnly = true)
	public Optional<Prompt> question(String token, String deviceId) {
		List<Violation> violations = new ArrayList<>();
		StationId id = tokens.stationOrRefusal(token, "token", "listing.prompt", violations);
		String device = device(deviceId, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Optional<Station> station = registry.findListed(id);
		if (station.isEmpty()) {
			return Optional.empty();
		}
		byte[] hash = devices.hash(device);
		LocalDate today = LocalDate.ofInstant(clock.instant(), YizhanTime.ZONE);
		if (answeredToday(id, hash, today)) {
			return Optional.empty();
		}
		List<String> questions = questions(station.get());
		// the phone and the day choose among the questions: the same phone is asked the
		// same thing all day, and the next day most likely something else
		int pick = Math.floorMod(Arrays.hashCode(hash) * 31 + today.hashCode(), questions.size());
		return Optional.of(prompt(station.get(), questions.get(pick)));
	}

	/**
	 * Records a phone's answer about the station its QR code names.
	 * @param agrees the listing is right
	 * @throws InvalidInputException for a bad token or device id, a question the station
	 * is not asked, or no answer; and for a station not listed (nothing to confirm)
	 */
	public Answered answer(String token, String deviceId, String question, Boolean agrees) {
		List<Violation> violations = new ArrayList<>();
		StationId id = tokens.stationOrRefusal(token, "token", "listing.prompt", violations);
		String device = device(deviceId, violations);
		if (agrees == null) {
			violations.add(Violation.of("agrees", "validation.required"));
		}
		Station station = (id != null) ? registry.findListed(id).orElse(null) : null;
		if (id != null && station == null) {
			violations.add(Violation.of("token", "listing.prompt.notListed"));
		}
		String asked = (question == null) ? null : question.strip();
		if (station != null && (asked == null || !questions(station).contains(asked))) {
			violations.add(Violation.of("question", "listing.prompt.question.invalid"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		LocalDate today = LocalDate.ofInstant(now, YizhanTime.ZONE);
		byte[] hash = devices.hash(device);
		reports.lockStation(id);
		if (answeredToday(id, hash, today)) {
			return new Answered(true, null);
		}
		long answer = jdbc.sql("""
				insert into listing_prompt_answer (station_id, question, answer_day, device_hash, agrees, created_at)
				values (:station, :question, :day, :device, :agrees, :at) returning id
				""")
			.param("station", id.value())
			.param("question", asked)
			.param("day", java.sql.Date.valueOf(today))
			.param("device", hash)
			.param("agrees", agrees)
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.single();
		if (agrees) {
			freshness.recordSignal(id, FreshnessSource.PROMPT, now);
			return new Answered(false, null);
		}
		return new Answered(false, correct(station, asked, answer, now));
	}

	/**
	 * Opens or joins the station's correction case when enough independent phones said
	 * the listing is wrong since its last confirmation by a person, once per spell.
	 * @return the case's number, or {@code null} while the rule is not met
	 */
	private String correct(Station station, String question, long answer, Instant now) {
		Freshness fresh = freshness.find(station.id()).orElseThrow();
		Instant since = now.minus(WINDOW);
		if (fresh.personConfirmedAt() != null && fresh.personConfirmedAt().isAfter(since)) {
			since = fresh.personConfirmedAt();
		}
		long[] counts = jdbc.sql("""
				select count(distinct device_hash) filter (where not agrees),
				       count(distinct device_hash) filter (where agrees),
				       count(*) filter (where ticket_number is not null)
				from listing_prompt_answer
				where station_id = :station and question = :question and created_at >= :since
				""")
			.param("station", station.id().value())
			.param("question", question)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		long disagree = counts[0];
		long agree = counts[1];
		if (disagree < DISAGREEING_PHONES || disagree <= agree || counts[2] > 0) {
			return null;
		}
		Prompt prompt = prompt(station, question);
		String text = (prompt.amenity() == null)
				? "[核实提问] " + disagree + " 位劳动者说开放时间与登记的“" + station.details().openingHours().value() + "”不符（" + agree
						+ " 位说相符）：请核实后修改开放时间，或确认无误"
				: "[核实提问] " + disagree + " 位劳动者说这里已经没有" + prompt.amenity().labelZh() + "（" + agree + " 位说有）：建议从服务设施中去掉“"
						+ prompt.amenity().labelZh() + "”，或确认仍有";
		ReportKind kind = (prompt.amenity() == null) ? ReportKind.WRONG_HOURS : ReportKind.WRONG_FACILITIES;
		String number = tickets.reportFromListing(station.id(), kind.problem(), text).ticket().number().value();
		jdbc.sql("update listing_prompt_answer set ticket_number = :number where id = :id")
			.param("number", number)
			.param("id", answer)
			.update();
		return number;
	}

	/** What a listed station may be asked: its hours, and each service it lists. */
	static List<String> questions(Station station) {
		List<String> questions = new ArrayList<>();
		questions.add(HOURS);
		station.details().amenities().forEach(amenity -> questions.add(AMENITY + amenity.name()));
		return questions;
	}

	private static Prompt prompt(Station station, String question) {
		return question.equals(HOURS) ? new Prompt(HOURS, station, null)
				: new Prompt(question, station, Amenity.valueOf(question.substring(AMENITY.length())));
	}

	private boolean answeredToday(StationId station, byte[] device, LocalDate day) {
		return jdbc.sql("""
				select exists (select 1 from listing_prompt_answer
				               where station_id = :station and device_hash = :device and answer_day = :day)
				""")
			.param("station", station.value())
			.param("device", device)
			.param("day", java.sql.Date.valueOf(day))
			.query(Boolean.class)
			.single();
	}

	private static String device(String deviceId, List<Violation> violations) {
		if (deviceId == null || deviceId.isBlank()) {
			violations.add(Violation.of("deviceId", "listing.deviceId.missing"));
			return null;
		}
		if (!ListingReports.DEVICE_ID.matcher(deviceId.strip()).matches()) {
			violations.add(Violation.of("deviceId", "listing.deviceId.invalid"));
			return null;
		}
		return deviceId.strip();
	}

}
