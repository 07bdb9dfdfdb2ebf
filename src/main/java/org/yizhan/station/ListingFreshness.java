package org.yizhan.station;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Assignments;
import org.yizhan.organization.Audited;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When each station was last confirmed, and whether its listing is held as 待核实 (issue 20,
 * ADR 0028). Other modules record the fresh signals they see ({@link #recordSignal}) and
 * hold a listing that independent workers report shut ({@link #hold}); the station's
 * host, station master or a union admin over it confirms it open with one audited click
 * ({@link #confirm}), which also releases a hold. The facts live beside the station, not
 * in it, so a signal never moves the station's version.
 */
@Service
@Transactional
public class ListingFreshness {

	private static final String SELECT = """
			select s.id, coalesce(f.confirmed_at, s.status_changed_at) as confirmed_at,
			    coalesce(f.confirmed_by, 'REGISTRY') as confirmed_by, f.person_confirmed_at, f.unverified_since, f.unverified_reason
			from station s left join station_freshness f on f.station_id = s.id
			""";

	private final JdbcClient jdbc;

	private final StationRepository stations;

	private final Assignments assignments;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ListingFreshness(JdbcClient jdbc, StationRepository stations, Assignments assignments,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.stations = stations;
		this.assignments = assignments;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A fresh signal of the station at {@code at}, from a module that saw it: moves "last
	 * confirmed" forward, never back (signals arrive out of order), and leaves a hold as
	 * it is. A station not on file is ignored: the signal's module vouched for it.
	 */
	public void recordSignal(StationId station, FreshnessSource source, Instant at) {
		if (source == FreshnessSource.REGISTRY || source == FreshnessSource.CONFIRMATION) {
			throw new IllegalArgumentException("not a signal: " + source);
		}
		jdbc.sql("""
				insert into station_freshness (station_id, confirmed_at, confirmed_by, changed_at)
				select id, :at, :source, :now from station where id = :id
				on conflict (station_id) do update set confirmed_at = excluded.confirmed_at,
				    confirmed_by = excluded.confirmed_by, changed_at = excluded.changed_at
				where station_freshness.confirmed_at < excluded.confirmed_at
				""")
			.param("id", station.value())
			.param("at", Timestamp.from(at))
			.param("source", source.name())
			.param("now", Timestamp.from(now()))
			.update();
	}

	/**
	 * Many stations' signals of one source at once (a job's fold of the check-ins of the
	 * last minutes): one statement, by the same rule as {@link #recordSignal}.
	 */
	public void recordSignals(FreshnessSource source, Map<StationId, Instant> signals) {
		if (source == FreshnessSource.REGISTRY || source == FreshnessSource.CONFIRMATION) {
			throw new IllegalArgumentException("not a signal: " + source);
		}
		if (signals.isEmpty()) {
			return;
		}
		long[] ids = new long[signals.size()];
		String[] times = new String[signals.size()];
		int i = 0;
		for (Map.Entry<StationId, Instant> signal : signals.entrySet()) {
			ids[i] = signal.getKey().value();
			times[i++] = signal.getValue().toString();
		}
		jdbc.sql("""
				insert into station_freshness (station_id, confirmed_at, confirmed_by, changed_at)
				select s.id, signal.at, :source, :now
				from unnest(cast(:ids as bigint[]), cast(cast(:times as text[]) as timestamptz[])) as signal (id, at)
				join station s on s.id = signal.id
				on conflict (station_id) do update set confirmed_at = excluded.confirmed_at,
				    confirmed_by = excluded.confirmed_by, changed_at = excluded.changed_at
				where station_freshness.confirmed_at < excluded.confirmed_at
				""")
			.param("ids", ids)
			.param("times", times)
			.param("source", source.name())
			.param("now", Timestamp.from(now()))
			.update();
	}

	/**
	 * Holds the listing as 待核实 from {@code at} until it is confirmed, for a reason such
	 * as {@code SHUT_REPORTS}.
	 * @return whether it was not held before (a second hold changes nothing)
	 */
	public boolean hold(StationId station, String reason, Instant at) {
		int changed = jdbc.sql("""
				insert into station_freshness (station_id, confirmed_at, confirmed_by, unverified_since,
				    unverified_reason, changed_at)
				select id, status_changed_at, 'REGISTRY', :at, :reason, :now from station where id = :id
				on conflict (station_id) do update set unverified_since = excluded.unverified_since,
				    unverified_reason = excluded.unverified_reason, changed_at = excluded.changed_at
				where station_freshness.unverified_since is null
				""")
			.param("id", station.value())
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.param("now", Timestamp.from(now()))
			.update();
		if (changed > 0) {
			events.publishEvent(new StationFreshnessChanged(station, true, at));
		}
		return changed > 0;
	}

	/**
	 * The caller confirms that the station is open as listed, with its hours: its host,
	 * its station master or a union admin over it. Releases a hold, and is audited.
	 * @throws StationNotFoundException outside the caller's scope
	 * @throws ForbiddenException for anyone else who sees it (a liaison, a reviewer)
	 * @throws ConflictException for a station not listed
	 */
	public Freshness confirm(StationId id) {
		Actor actor = Actor.required();
		StationScope scope = StationScope.of(actor, assignments);
		Station station = stations.findVisible(id, scope).orElseThrow(() -> StationNotFoundException.byId(id));
		if (!scope.mayEdit(station)) {
			throw new ForbiddenException("station.forbidden.confirm");
		}
		if (station.status() != StationStatus.LISTED) {
			throw new ConflictException("station", "station.confirm.notListed", station.details().name());
		}
		Freshness before = find(id).orElseThrow();
		Instant now = now();
		jdbc.sql("""
				insert into station_freshness (station_id, confirmed_at, confirmed_by, person_confirmed_at, changed_at)
				values (:id, :now, 'CONFIRMATION', :now, :now)
				on conflict (station_id) do update set confirmed_at = excluded.confirmed_at,
				    confirmed_by = excluded.confirmed_by, person_confirmed_at = excluded.person_confirmed_at,
				    unverified_since = null, unverified_reason = null, changed_at = excluded.changed_at
				""").param("id", id.value()).param("now", Timestamp.from(now)).update();
		events.publishEvent(new Audited("station.confirmListing", "station", station.code().toString(),
				station.details().districtCode(), summary(before),
				"confirmedAt=" + now + "; hours=" + station.details().openingHours()));
		events.publishEvent(new StationFreshnessChanged(id, false, now));
		return find(id).orElseThrow();
	}

	/**
	 * Whether the caller may confirm {@code station} (the console shows the button then).
	 */
	@Transactional(readOnly = true)
	public boolean mayConfirm(Station station) {
		return station.status() == StationStatus.LISTED
				&& StationScope.of(Actor.required(), assignments).mayEdit(station);
	}

	/** A station's freshness, whoever asks: the finder shows it to everyone. */
	@Transactional(readOnly = true)
	public Optional<Freshness> find(StationId id) {
		return jdbc.sql(SELECT + " where s.id = :id").param("id", id.value()).query(ListingFreshness::row).optional();
	}

	/** The freshness of every listed station, for a copy's first fill. */
	@Transactional(readOnly = true)
	public List<Freshness> listListed() {
		return jdbc.sql(SELECT + " where s.status = 'LISTED'").query(ListingFreshness::row).list();
	}

	/**
	 * The freshness of the stations whose freshness changed at or after {@code since}.
	 */
	@Transactional(readOnly = true)
	public List<Freshness> listChangedSince(Instant since) {
		return jdbc.sql(SELECT + " where f.changed_at >= :since")
			.param("since", Timestamp.from(since))
			.query(ListingFreshness::row)
			.list();
	}

	/**
	 * Listed stations last confirmed at or after {@code from} and before {@code to}:
	 * those whose silence crossed a reminder's threshold within a window, for the
	 * reminders.
	 */
	@Transactional(readOnly = true)
	public List<Freshness> listListedConfirmedBetween(Instant from, Instant to) {
		return jdbc.sql(SELECT + """
				 where s.status = 'LISTED' and coalesce(f.confirmed_at, s.status_changed_at) >= :from
				    and coalesce(f.confirmed_at, s.status_changed_at) < :to
				order by 2, s.id
				""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(ListingFreshness::row)
			.list();
	}

	private static String summary(Freshness freshness) {
		return "confirmedAt=" + freshness.confirmedAt() + "; confirmedBy=" + freshness.confirmedBy()
				+ (freshness.isHeld() ? "; unverified=" + freshness.unverifiedReason() : "");
	}

	private static Freshness row(ResultSet rs, int row) throws SQLException {
		return new Freshness(StationId.of(rs.getLong("id")), rs.getTimestamp("confirmed_at").toInstant(),
				FreshnessSource.valueOf(rs.getString("confirmed_by")), instant(rs, "person_confirmed_at"),
				instant(rs, "unverified_since"), rs.getString("unverified_reason"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private Instant now() {
		// as PostgreSQL keeps it, so that what is read back equals what was written
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
