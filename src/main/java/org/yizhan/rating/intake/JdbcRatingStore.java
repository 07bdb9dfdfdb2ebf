package org.yizhan.rating.intake;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.yizhan.rating.HoldReason;
import org.yizhan.rating.RatingStatus;
import org.yizhan.rating.RatingSubmitted;
import org.yizhan.rating.RatingTag;
import org.yizhan.station.StationId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch in one transaction: judges it against the committed ratings
 * ({@link AnomalyRules}), inserts all its rows with one statement, and announces each
 * stored rating ({@link RatingSubmitted}) in the same transaction.
 *
 * <p>
 * The insert reads the rows from arrays ({@code unnest}) and skips, without failing, a
 * row whose device already rated the station that day ({@code on conflict do nothing})
 * and a row whose station is no longer listed (it joins {@code station}); its
 * {@code returning} clause tells which rows are new. The transaction commits
 * synchronously whatever the server's default ({@code synchronous_commit}; the embedded
 * server runs with it off), because a worker is told "counted" only after the commit; and
 * its statements run with generic plans, pruning the month partitions when they execute,
 * because re-planning them for every batch (PostgreSQL's own choice here) cost more.
 */
@Component
class JdbcRatingStore implements BatchStore {

	private static final String INSERT = """
			insert into rating (station_id, rating_day, created_at, stars, tags, category, comment, device_hash,
			                    fingerprint_hash, near_station, status, hold_reasons)
			select u.station_id, date '1970-01-01' + u.day, timestamptz 'epoch' + u.micros * interval '1 microsecond',
			       u.stars, string_to_array(u.tags, ',')::varchar(24)[], u.category, u.comment, u.device_hash,
			       u.fingerprint_hash, u.near_station, u.status, string_to_array(u.hold_reasons, ',')::varchar(32)[]
			from unnest(?::int8[], ?::int4[], ?::int8[], ?::int2[], ?::text[], ?::text[], ?::text[], ?::bytea[],
			            ?::bytea[], ?::bool[], ?::text[], ?::text[])
			     as u(station_id, day, micros, stars, tags, category, comment, device_hash, fingerprint_hash,
			          near_station, status, hold_reasons)
			join station s on s.id = u.station_id and s.status = 'LISTED'
			on conflict do nothing
			returning id, station_id, rating_day, device_hash
			""";

	private static final String EXISTING = """
			select r.station_id, r.rating_day, r.device_hash
			from unnest(?::int8[], ?::int4[], ?::bytea[]) as u(station_id, day, device_hash)
			join rating r on r.station_id = u.station_id and r.rating_day = date '1970-01-01' + u.day
			             and r.device_hash = u.device_hash
			""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final AnomalyRules rules;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PartitionStatistics statistics = new PartitionStatistics();

	JdbcRatingStore(JdbcTemplate jdbc, TransactionTemplate transaction, AnomalyRules rules,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.rules = rules;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void store(List<PendingRating> batch) {
		transaction.executeWithoutResult(status -> write(batch));
		statistics.committed(jdbc, batch);
	}

	private void write(List<PendingRating> batch) {
		// Acknowledged means on disk. And the batch's statements are planned once per
		// connection: planned afresh (PostgreSQL's choice for a partitioned table) each
		// costs more than it saves.
		jdbc.execute("set local synchronous_commit = on; set local plan_cache_mode = force_generic_plan");
		// A phone that sends twice before the first is written: the first decides.
		Map<PendingRating.Key, PendingRating> firsts = new LinkedHashMap<>();
		List<PendingRating> repeats = new ArrayList<>();
		for (PendingRating rating : batch) {
			if (firsts.putIfAbsent(rating.key(), rating) != null) {
				repeats.add(rating);
			}
		}
		List<PendingRating> unique = new ArrayList<>(firsts.values());
		Map<PendingRating, Set<HoldReason>> holds = rules.judge(jdbc, unique, clock.instant());
		Map<PendingRating.Key, Long> inserted = insert(unique, holds);
		List<PendingRating> skipped = unique.stream().filter(rating -> !inserted.containsKey(rating.key())).toList();
		Set<PendingRating.Key> existing = skipped.isEmpty() ? Set.of() : existing(skipped);
		for (PendingRating rating : unique) {
			Long id = inserted.get(rating.key());
			if (id != null) {
				Set<HoldReason> reasons = holds.get(rating);
				WriteOutcome outcome = WriteOutcome.stored(id, reasons);
				rating.decide(outcome);
				events.publishEvent(new RatingSubmitted(id, rating.day, StationId.of(rating.stationId), rating.stars,
						rating.tags, outcome.status(), reasons, rating.submittedAt));
			}
			else if (existing.contains(rating.key())) {
				rating.decide(WriteOutcome.ALREADY_RATED);
			}
			else {
				rating.decide(WriteOutcome.NOT_LISTED);
			}
		}
		for (PendingRating repeat : repeats) {
			WriteOutcome first = firsts.get(repeat.key()).outcome();
			repeat.decide(first.kind() == WriteOutcome.Kind.NOT_LISTED ? WriteOutcome.NOT_LISTED
					: WriteOutcome.ALREADY_RATED);
		}
	}

	private Map<PendingRating.Key, Long> insert(List<PendingRating> rows, Map<PendingRating, Set<HoldReason>> holds) {
		int n = rows.size();
		Long[] stationIds = new Long[n];
		Integer[] days = new Integer[n];
		Long[] micros = new Long[n];
		Short[] stars = new Short[n];
		String[] tags = new String[n];
		String[] categories = new String[n];
		String[] comments = new String[n];
		byte[][] devices = new byte[n][];
		byte[][] fingerprints = new byte[n][];
		Boolean[] near = new Boolean[n];
		String[] statuses = new String[n];
		String[] reasons = new String[n];
		for (int i = 0; i < n; i++) {
			PendingRating rating = rows.get(i);
			Set<HoldReason> held = holds.get(rating);
			stationIds[i] = rating.stationId;
			days[i] = (int) rating.day.toEpochDay();
			micros[i] = ChronoUnit.MICROS.between(Instant.EPOCH, rating.submittedAt);
			stars[i] = (short) rating.stars;
			tags[i] = rating.tags.stream().map(RatingTag::name).collect(Collectors.joining(","));
			categories[i] = (rating.category == null) ? null : rating.category.name();
			comments[i] = rating.comment;
			devices[i] = rating.deviceHash;
			fingerprints[i] = rating.fingerprintHash;
			near[i] = rating.nearStation;
			statuses[i] = (held.isEmpty() ? RatingStatus.COUNTED : RatingStatus.HELD).name();
			reasons[i] = held.stream().map(HoldReason::name).collect(Collectors.joining(","));
		}
		Map<PendingRating.Key, Long> inserted = new HashMap<>();
		jdbc.query(connection -> {
			PreparedStatement statement = connection.prepareStatement(INSERT);
			statement.setArray(1, connection.createArrayOf("int8", stationIds));
			statement.setArray(2, connection.createArrayOf("int4", days));
			statement.setArray(3, connection.createArrayOf("int8", micros));
			statement.setArray(4, connection.createArrayOf("int2", stars));
			statement.setArray(5, connection.createArrayOf("text", tags));
			statement.setArray(6, connection.createArrayOf("text", categories));
			statement.setArray(7, connection.createArrayOf("text", comments));
			statement.setArray(8, connection.createArrayOf("bytea", devices));
			statement.setArray(9, connection.createArrayOf("bytea", fingerprints));
			statement.setArray(10, connection.createArrayOf("bool", near));
			statement.setArray(11, connection.createArrayOf("text", statuses));
			statement.setArray(12, connection.createArrayOf("text", reasons));
			return statement;
		}, row -> {
			inserted.put(new PendingRating.Key(row.getLong(2), row.getObject(3, LocalDate.class),
					ByteBuffer.wrap(row.getBytes(4))), row.getLong(1));
		});
		return inserted;
	}

	private Set<PendingRating.Key> existing(List<PendingRating> rows) {
		Long[] stationIds = rows.stream().map(rating -> rating.stationId).toArray(Long[]::new);
		Integer[] days = rows.stream().map(rating -> (int) rating.day.toEpochDay()).toArray(Integer[]::new);
		byte[][] devices = rows.stream().map(rating -> rating.deviceHash).toArray(byte[][]::new);
		Set<PendingRating.Key> existing = new HashSet<>();
		jdbc.query(connection -> {
			PreparedStatement statement = connection.prepareStatement(EXISTING);
			statement.setArray(1, connection.createArrayOf("int8", stationIds));
			statement.setArray(2, connection.createArrayOf("int4", days));
			statement.setArray(3, connection.createArrayOf("bytea", devices));
			return statement;
		}, row -> {
			existing.add(new PendingRating.Key(row.getLong(1), row.getObject(2, LocalDate.class),
					ByteBuffer.wrap(row.getBytes(3))));
		});
		return existing;
	}

}
