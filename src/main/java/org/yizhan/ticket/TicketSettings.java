package org.yizhan.ticket;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.yizhan.station.ResponsibleLevel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How problem tickets are handled ({@code yizhan.rating.tickets.*}).
 *
 * <p>
 * The first holder of a ticket has the problem type's own deadline
 * ({@code deadlines.<TYPE>}). Each level it escalates to has that level's deadline
 * ({@code level-deadlines.<LEVEL>}), counted from the escalation, but never longer than
 * the problem type's: a safety hazard is given hours at every level, not the days a
 * missing newspaper may take.
 *
 * <p>
 * A case staff, a station's self-check or an inspection opened is due by its
 * {@link Severity} instead ({@code severity-deadlines.<SEVERITY>}: urgent a day, serious
 * a week, general 30 days, the month a 回头看 campaign gives), and the levels it escalates
 * to never have longer than that.
 *
 * @param deadlines the deadline of each problem type at its first holder
 * @param levelDeadlines the deadline at each level a ticket escalates to
 * @param severityDeadlines the deadline of each severity at its first holder
 * @param photoRequired the problem types whose resolution needs a photo
 * @param limits how many reports one phone and one address may send
 * @param deviceKey base64 of at least 32 random bytes, the key of the device hashes; in
 * production from a secret store
 * @param deviceKeyFile without {@code deviceKey}, a development key generated here once
 */
@ConfigurationProperties("yizhan.rating.tickets")
public record TicketSettings(Map<ProblemType, Duration> deadlines, Map<ResponsibleLevel, Duration> levelDeadlines,
		Map<Severity, Duration> severityDeadlines, Set<ProblemType> photoRequired, Limits limits, String deviceKey,
		Path deviceKeyFile) {

	static final Map<ProblemType, Duration> DEFAULT_DEADLINES = Map.of(ProblemType.SAFETY, Duration.ofHours(4),
			ProblemType.CLOSED_WHEN_LISTED_OPEN, Duration.ofHours(24), ProblemType.MISSING_SUPPLIES, Duration.ofDays(2),
			ProblemType.BROKEN_FACILITY, Duration.ofDays(3));

	static final Map<Severity, Duration> DEFAULT_SEVERITY_DEADLINES = Map.of(Severity.URGENT, Duration.ofDays(1),
			Severity.SERIOUS, Duration.ofDays(7), Severity.GENERAL, Duration.ofDays(30));

	/** No ticket escalates to the station master, the lowest level: it has no entry. */
	static final Map<ResponsibleLevel, Duration> DEFAULT_LEVEL_DEADLINES = Map.of(ResponsibleLevel.LIAISON,
			Duration.ofDays(1), ResponsibleLevel.GENERAL_STATION_MASTER, Duration.ofDays(2),
			ResponsibleLevel.SUPERVISING_UNION, Duration.ofDays(3));

	public TicketSettings {
		Map<ProblemType, Duration> types = new EnumMap<>(DEFAULT_DEADLINES);
		if (deadlines != null) {
			types.putAll(deadlines);
		}
		Map<ResponsibleLevel, Duration> levels = new EnumMap<>(DEFAULT_LEVEL_DEADLINES);
		if (levelDeadlines != null) {
			levels.putAll(levelDeadlines);
		}
		Map<Severity, Duration> severities = new EnumMap<>(DEFAULT_SEVERITY_DEADLINES);
		if (severityDeadlines != null) {
			severities.putAll(severityDeadlines);
		}
		types.forEach((type, deadline) -> requirePositive("deadlines." + type, deadline));
		severities.forEach((severity, deadline) -> requirePositive("severity-deadlines." + severity, deadline));
		levels.forEach((level, deadline) -> requirePositive("level-deadlines." + level, deadline));
		deadlines = Map.copyOf(types);
		levelDeadlines = Map.copyOf(levels);
		severityDeadlines = Map.copyOf(severities);
		photoRequired = (photoRequired != null) ? Set.copyOf(photoRequired)
				: Set.copyOf(EnumSet.of(ProblemType.BROKEN_FACILITY, ProblemType.SAFETY));
		limits = (limits != null) ? limits : new Limits(0, 0, 0, 0);
		deviceKeyFile = (deviceKeyFile != null) ? deviceKeyFile : Path.of("yizhan-data/keys/ticket-devices.properties");
	}

	/** The deadline of a ticket's first holder, whatever level that is. */
	public Duration firstDeadline(ProblemType problem) {
		return this.deadlines.get(problem);
	}

	/**
	 * The deadline of a case's first holder: its severity's when it has one (every source
	 * but a worker's report), otherwise its problem type's.
	 */
	public Duration firstDeadline(ProblemType problem, Severity severity) {
		return (severity != null) ? this.severityDeadlines.get(severity) : this.deadlines.get(problem);
	}

	/** The deadline at a level a ticket has escalated to. */
	public Duration deadlineAt(ProblemType problem, ResponsibleLevel level) {
		return deadlineAt(problem, null, level);
	}

	/**
	 * The deadline at a level a case has escalated to: the level's own, never longer than
	 * the case's first deadline (its severity's, or its problem type's).
	 */
	public Duration deadlineAt(ProblemType problem, Severity severity, ResponsibleLevel level) {
		Duration first = firstDeadline(problem, severity);
		Duration atLevel = this.levelDeadlines.get(level);
		return (atLevel != null && atLevel.compareTo(first) < 0) ? atLevel : first;
	}

	public boolean needsPhoto(ProblemType problem) {
		return this.photoRequired.contains(problem);
	}

	private static void requirePositive(String name, Duration deadline) {
		if (deadline == null || deadline.isNegative() || deadline.isZero()) {
			throw new IllegalStateException(
					"yizhan.rating.tickets." + name + " must be a positive duration, not " + deadline);
		}
	}

	/**
	 * Reports one phone and one client address may send. A phone is known by its device
	 * id; an address is loose on purpose, since many workers share a carrier's address.
	 * Zero takes the default.
	 *
	 * @param perDevicePerHour new tickets one device may open in an hour (default 5)
	 * @param perDevicePerDay new tickets one device may open in a day (default 10)
	 * @param perAddressPerHour reports one client address may send in an hour (default
	 * 60)
	 * @param statusPerAddressPerMinute status look-ups one address may make in a minute
	 * (default 60)
	 */
	public record Limits(int perDevicePerHour, int perDevicePerDay, int perAddressPerHour,
			int statusPerAddressPerMinute) {

		public Limits {
			perDevicePerHour = (perDevicePerHour > 0) ? perDevicePerHour : 5;
			perDevicePerDay = (perDevicePerDay > 0) ? perDevicePerDay : 10;
			perAddressPerHour = (perAddressPerHour > 0) ? perAddressPerHour : 60;
			statusPerAddressPerMinute = (statusPerAddressPerMinute > 0) ? statusPerAddressPerMinute : 60;
		}

	}

}
