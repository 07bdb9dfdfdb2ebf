package org.yizhan.rating.intake;

import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.yizhan.platform.YizhanTime;
import org.yizhan.rating.HoldReason;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The anomaly rules that need more than the request: they compare a batch of ratings with
 * the ratings already committed, whichever instance committed them, and with the ratings
 * before them in the same batch. Each rule is one bounded question per station, device or
 * fingerprint of the batch ("at least N?"), answered by counting at most N index entries
 * (the indexes of V9, V17 and V19), a few set-based queries per batch in all.
 *
 * <p>
 * What the rules count is every rating submitted, counted or held: a flood stays a flood
 * while it is being held. The star-spike rule's history is the station's counted ratings
 * of the days before today, which cannot change during the day except by review, so it is
 * read once per station and day and kept. Two instances' batches in flight at the same
 * moment do not see each other; each sees everything committed before it started.
 */
@Component
public class AnomalyRules {

	/** The counts of {@link #count}: see there. */
	private static final String WINDOWS = """
			select u.station_id,
			  (select coalesce(sum(k.n), 0) from (values (1), (2), (3), (4), (5)) as v(stars),
			     lateral (select count(*) as n from (select 1 from rating r
			       where r.station_id = u.station_id and r.rating_day = ? and r.stars = v.stars
			         and r.created_at >= ? limit u.burst_cap) b) k),
			  (select count(*) from (select 1 from rating r
			     where r.station_id = u.station_id and r.rating_day = ? and r.stars = 1
			       and r.created_at >= ? limit u.ones_cap) o),
			  (select count(*) from (select 1 from rating r
			     where r.station_id = u.station_id and r.rating_day = ? and r.stars = 5
			       and r.created_at >= ? limit u.fives_cap) f)
			from unnest(?::int8[], ?::int4[], ?::int4[], ?::int4[]) as u(station_id, burst_cap, ones_cap, fives_cap)
			""";

	private final AbuseProperties settings;

	/** Per station and day: counted 1★ and 5★ ratings of the history before that day. */
	private final Cache<HistoryKey, long[]> histories = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterWrite(Duration.ofHours(25))
		.build();

	/**
	 * Per station, day and rule (0 burst, 1 the 1★ spike, 2 the 5★ spike): until when the
	 * committed ratings alone make the rule hold, as {@link #windows} proved it.
	 */
	private final Cache<Proof, Instant> proofs = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterWrite(Duration.ofHours(1))
		.build();

	private record Proof(long stationId, LocalDate day, int rule) {
	}

	AnomalyRules(AbuseProperties settings) {
		this.settings = settings;
	}

	private record HistoryKey(long stationId, LocalDate day) {
	}

	/**
	 * Decides the hold reasons of each rating of a batch, in the batch's order, inside
	 * the batch's transaction.
	 * @param batch ratings with distinct keys (device, station, day)
	 * @param now the moment the batch is judged
	 * @return the reasons of each rating, the request's own included; empty when it
	 * counts
	 */
	public Map<PendingRating, Set<HoldReason>> judge(JdbcTemplate jdbc, List<PendingRating> batch, Instant now) {
		AbuseProperties.StationBurst burst = settings.stationBurst();
		AbuseProperties.StarSpike spike = settings.starSpike();
		AbuseProperties.DeviceSpread spread = settings.deviceSpread();
		AbuseProperties.FingerprintRepeat repeat = settings.fingerprintRepeat();

		Map<Long, int[]> spikeThresholds = spike.enabled() ? spikeThresholds(jdbc, batch, now) : Map.of();
		Map<Long, int[]> windows = (burst.enabled() || spike.enabled()) ? windows(jdbc, batch, now, spikeThresholds)
				: Map.of();
		Map<DeviceDay, Integer> devices = spread.enabled() ? devices(jdbc, batch) : Map.of();
		Map<FingerprintDay, Integer> fingerprints = repeat.enabled() ? fingerprints(jdbc, batch) : Map.of();

		Map<Long, int[]> batchWindows = new HashMap<>();
		Map<DeviceDay, Set<Long>> batchDevices = new HashMap<>();
		Map<FingerprintDay, int[]> batchFingerprints = new HashMap<>();
		Map<PendingRating, Set<HoldReason>> reasons = new LinkedHashMap<>();
		for (PendingRating rating : batch) {
			Set<HoldReason> held = EnumSet.noneOf(HoldReason.class);
			held.addAll(rating.requestHolds);
			int[] inWindow = windows.getOrDefault(rating.stationId, new int[3]);
			int[] earlier = batchWindows.computeIfAbsent(rating.stationId, id -> new int[3]);
			if (burst.enabled() && inWindow[0] + earlier[0] >= burst.maxRatings()) {
				held.add(HoldReason.STATION_BURST);
			}
			earlier[0]++;
			if (spike.enabled() && (rating.stars == 1 || rating.stars == 5)) {
				int which = (rating.stars == 1) ? 1 : 2;
				int threshold = spikeThresholds.get(rating.stationId)[which - 1];
				if (inWindow[which] + earlier[which] + 1 >= threshold) {
					held.add(HoldReason.STAR_SPIKE);
				}
				earlier[which]++;
			}
			if (spread.enabled()) {
				DeviceDay device = new DeviceDay(ByteBuffer.wrap(rating.deviceHash), rating.day);
				Set<Long> seen = batchDevices.computeIfAbsent(device, d -> new HashSet<>());
				if (devices.getOrDefault(device, 0) + seen.size() >= spread.maxStationsPerDay()) {
					held.add(HoldReason.DEVICE_SPREAD);
				}
				seen.add(rating.stationId);
			}
			if (repeat.enabled() && rating.fingerprintHash != null) {
				FingerprintDay fingerprint = new FingerprintDay(ByteBuffer.wrap(rating.fingerprintHash),
						rating.stationId, rating.day);
				int[] seen = batchFingerprints.computeIfAbsent(fingerprint, f -> new int[1]);
				if (fingerprints.getOrDefault(fingerprint, 0) + seen[0] >= repeat.maxDevicesPerDay()) {
					held.add(HoldReason.FINGERPRINT_REPEAT);
				}
				seen[0]++;
			}
			reasons.put(rating, held);
		}
		return reasons;
	}

	private record DeviceDay(ByteBuffer device, LocalDate day) {
	}

	private record FingerprintDay(ByteBuffer fingerprint, long stationId, LocalDate day) {
	}

	/**
	 * How many 1★ (and 5★) ratings within the window make a spike at each station of the
	 * batch: at least {@code minRatings}, and more than {@code factor} times the
	 * station's usual number in such a window.
	 */
	private Map<Long, int[]> spikeThresholds(JdbcTemplate jdbc, List<PendingRating> batch, Instant now) {
		AbuseProperties.StarSpike spike = settings.starSpike();
		LocalDate today = LocalDate.ofInstant(now, YizhanTime.ZONE);
		Set<Long> stations = new LinkedHashSet<>();
		batch.forEach(rating -> stations.add(rating.stationId));
		List<Long> unknown = new ArrayList<>();
		for (Long station : stations) {
			if (histories.getIfPresent(new HistoryKey(station, today)) == null) {
				unknown.add(station);
			}
		}
		if (!unknown.isEmpty()) {
			long days = Math.max(1, spike.history().toDays());
			Map<Long, long[]> read = new HashMap<>();
			jdbc.query(connection -> {
				PreparedStatement statement = connection.prepareStatement("""
						select station_id, count(*) filter (where stars = 1), count(*) filter (where stars = 5)
						from rating
						where station_id = any(?) and status = 'COUNTED' and rating_day >= ? and rating_day < ?
						group by station_id
						""");
				statement.setArray(1, connection.createArrayOf("int8", unknown.toArray()));
				statement.setObject(2, today.minusDays(days));
				statement.setObject(3, today);
				return statement;
			}, row -> {
				read.put(row.getLong(1), new long[] { row.getLong(2), row.getLong(3) });
			});
			for (Long station : unknown) {
				histories.put(new HistoryKey(station, today), read.getOrDefault(station, new long[2]));
			}
		}
		double windowsInHistory = (double) spike.history().toMillis() / spike.window().toMillis();
		Map<Long, int[]> thresholds = new HashMap<>();
		for (Long station : stations) {
			long[] history = histories.getIfPresent(new HistoryKey(station, today));
			long[] counts = (history != null) ? history : new long[2];
			thresholds.put(station, new int[] { threshold(counts[0], windowsInHistory, spike),
					threshold(counts[1], windowsInHistory, spike) });
		}
		return thresholds;
	}

	private static int threshold(long inHistory, double windowsInHistory, AbuseProperties.StarSpike spike) {
		double usual = inHistory / windowsInHistory;
		long bar = (long) Math.floor(spike.factor() * usual) + 1;
		return (int) Math.min(Integer.MAX_VALUE / 2, Math.max(spike.minRatings(), bar));
	}

	/**
	 * Per station: its ratings within the burst window, and its 1★ and 5★ ratings within
	 * the spike window, each counted only as far as its rule needs. A count that reached
	 * its rule's bar is counted once more over the newer half of the window: if the bar
	 * is reached there too, the rule holds for that station until that half leaves the
	 * window, whatever else happens, since ratings are only ever added (review changes a
	 * status, never removes a rating). So a station under a flood is counted about twice
	 * per half window instead of once per batch ({@link #proven}).
	 */
	private Map<Long, int[]> windows(JdbcTemplate jdbc, List<PendingRating> batch, Instant now,
			Map<Long, int[]> spikeThresholds) {
		AbuseProperties.StationBurst burst = settings.stationBurst();
		AbuseProperties.StarSpike spike = settings.starSpike();
		LocalDate today = LocalDate.ofInstant(now, YizhanTime.ZONE);
		Map<Long, int[]> counts = new LinkedHashMap<>();
		Map<Long, int[]> caps = new LinkedHashMap<>();
		for (PendingRating rating : batch) {
			long station = rating.stationId;
			if (caps.containsKey(station) && !(rating.stars == 1 || rating.stars == 5)) {
				continue;
			}
			int[] cap = caps.computeIfAbsent(station, id -> new int[3]);
			int[] known = counts.computeIfAbsent(station, id -> new int[3]);
			if (burst.enabled() && cap[0] == 0 && known[0] == 0) {
				if (proven(new Proof(station, today, 0), now)) {
					known[0] = burst.maxRatings();
				}
				else {
					cap[0] = burst.maxRatings();
				}
			}
			int which = (rating.stars == 1) ? 1 : (rating.stars == 5) ? 2 : 0;
			if (spike.enabled() && which > 0 && cap[which] == 0 && known[which] == 0) {
				int threshold = spikeThresholds.get(station)[which - 1];
				if (proven(new Proof(station, today, which), now)) {
					known[which] = threshold;
				}
				else {
					cap[which] = threshold;
				}
			}
		}
		Map<Long, int[]> full = count(jdbc, caps, burst.enabled() ? now.minus(burst.window()) : now,
				spike.enabled() ? now.minus(spike.window()) : now, today);
		Map<Long, int[]> reached = new LinkedHashMap<>();
		full.forEach((station, n) -> {
			int[] cap = caps.get(station);
			int[] known = counts.get(station);
			int[] again = new int[3];
			for (int k = 0; k < 3; k++) {
				known[k] += n[k];
				if (cap[k] > 0 && n[k] >= cap[k]) {
					again[k] = cap[k];
				}
			}
			if (again[0] + again[1] + again[2] > 0) {
				reached.put(station, again);
			}
		});
		if (!reached.isEmpty()) {
			Instant burstHalf = burst.enabled() ? now.minus(burst.window().dividedBy(2)) : now;
			Instant spikeHalf = spike.enabled() ? now.minus(spike.window().dividedBy(2)) : now;
			count(jdbc, reached, burstHalf, spikeHalf, today).forEach((station, n) -> {
				int[] cap = reached.get(station);
				for (int k = 0; k < 3; k++) {
					if (cap[k] > 0 && n[k] >= cap[k]) {
						Instant until = ((k == 0) ? burstHalf.plus(burst.window()) : spikeHalf.plus(spike.window()));
						proofs.put(new Proof(station, today, k), until);
					}
				}
			});
		}
		return counts;
	}

	private boolean proven(Proof proof, Instant now) {
		Instant until = proofs.getIfPresent(proof);
		return until != null && now.isBefore(until);
	}

	/**
	 * Counts, per station, its ratings since {@code burstSince} and its 1★ and 5★ ratings
	 * since {@code spikeSince}, each up to its cap (0: not counted), one day at a time.
	 */
	private static Map<Long, int[]> count(JdbcTemplate jdbc, Map<Long, int[]> caps, Instant burstSince,
			Instant spikeSince, LocalDate today) {
		Map<Long, int[]> counts = new HashMap<>();
		LocalDate burstDay = LocalDate.ofInstant(burstSince, YizhanTime.ZONE);
		LocalDate spikeDay = LocalDate.ofInstant(spikeSince, YizhanTime.ZONE);
		LocalDate first = burstDay.isBefore(spikeDay) ? burstDay : spikeDay;
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			boolean burstToo = !day.isBefore(burstDay);
			boolean spikeToo = !day.isBefore(spikeDay);
			List<Long> stations = new ArrayList<>();
			List<Integer> burstCaps = new ArrayList<>();
			List<Integer> onesCaps = new ArrayList<>();
			List<Integer> fivesCaps = new ArrayList<>();
			caps.forEach((station, cap) -> {
				int b = burstToo ? cap[0] : 0;
				int o = spikeToo ? cap[1] : 0;
				int f = spikeToo ? cap[2] : 0;
				if (b + o + f > 0) {
					stations.add(station);
					burstCaps.add(b);
					onesCaps.add(o);
					fivesCaps.add(f);
				}
			});
			if (stations.isEmpty()) {
				continue;
			}
			LocalDate queried = day;
			jdbc.query(connection -> {
				// Every count reads one star value of one station on one day since a
				// moment: one range of the index (station_id, rating_day, stars,
				// created_at), index-only (V17). The day is an equality, not a range,
				// so that no plan, however poor its statistics (a month partition is
				// empty when its month begins), finds another index as good. The
				// window over all stars is the sum of five such ranges.
				PreparedStatement statement = connection.prepareStatement(WINDOWS);
				for (int p : new int[] { 1, 3, 5 }) {
					statement.setObject(p, queried);
				}
				statement.setTimestamp(2, Timestamp.from(burstSince));
				statement.setTimestamp(4, Timestamp.from(spikeSince));
				statement.setTimestamp(6, Timestamp.from(spikeSince));
				statement.setArray(7, connection.createArrayOf("int8", stations.toArray()));
				statement.setArray(8, connection.createArrayOf("int4", burstCaps.toArray()));
				statement.setArray(9, connection.createArrayOf("int4", onesCaps.toArray()));
				statement.setArray(10, connection.createArrayOf("int4", fivesCaps.toArray()));
				return statement;
			}, row -> {
				int[] n = counts.computeIfAbsent(row.getLong(1), id -> new int[3]);
				n[0] += row.getInt(2);
				n[1] += row.getInt(3);
				n[2] += row.getInt(4);
			});
		}
		return counts;
	}

	/**
	 * Per device and day: the stations it already rated, counted up to the rule's bar.
	 */
	private Map<DeviceDay, Integer> devices(JdbcTemplate jdbc, List<PendingRating> batch) {
		Map<LocalDate, Set<ByteBuffer>> byDay = new LinkedHashMap<>();
		batch.forEach(rating -> byDay.computeIfAbsent(rating.day, d -> new LinkedHashSet<>())
			.add(ByteBuffer.wrap(rating.deviceHash)));
		int cap = settings.deviceSpread().maxStationsPerDay();
		Map<DeviceDay, Integer> counts = new HashMap<>();
		byDay.forEach((day, devices) -> jdbc.query(connection -> {
			PreparedStatement statement = connection.prepareStatement("""
					select u.device_hash,
					  (select count(*) from (select 1 from rating r
					     where r.device_hash = u.device_hash and r.rating_day = ? limit ?) x)
					from unnest(?::bytea[]) as u(device_hash)
					""");
			statement.setObject(1, day);
			statement.setInt(2, cap);
			statement.setArray(3, bytes(connection, devices));
			return statement;
		}, row -> {
			counts.put(new DeviceDay(ByteBuffer.wrap(row.getBytes(1)), day), row.getInt(2));
		}));
		return counts;
	}

	/**
	 * Per fingerprint, station and day: the devices it already rated the station with, up
	 * to the rule's bar.
	 */
	private Map<FingerprintDay, Integer> fingerprints(JdbcTemplate jdbc, List<PendingRating> batch) {
		Map<LocalDate, Map<FingerprintDay, Boolean>> byDay = new LinkedHashMap<>();
		for (PendingRating rating : batch) {
			if (rating.fingerprintHash != null) {
				byDay.computeIfAbsent(rating.day, d -> new LinkedHashMap<>())
					.put(new FingerprintDay(ByteBuffer.wrap(rating.fingerprintHash), rating.stationId, rating.day),
							true);
			}
		}
		int cap = settings.fingerprintRepeat().maxDevicesPerDay();
		Map<FingerprintDay, Integer> counts = new HashMap<>();
		byDay.forEach((day, keys) -> {
			List<FingerprintDay> list = new ArrayList<>(keys.keySet());
			Long[] stations = list.stream().map(FingerprintDay::stationId).toArray(Long[]::new);
			jdbc.query(connection -> {
				PreparedStatement statement = connection.prepareStatement("""
						select u.fingerprint_hash, u.station_id,
						  (select count(*) from (select 1 from rating r
						     where r.fingerprint_hash = u.fingerprint_hash and r.station_id = u.station_id
						       and r.rating_day = ? limit ?) x)
						from unnest(?::bytea[], ?::int8[]) as u(fingerprint_hash, station_id)
						""");
				statement.setObject(1, day);
				statement.setInt(2, cap);
				statement.setArray(3, bytes(connection, list.stream().map(FingerprintDay::fingerprint).toList()));
				statement.setArray(4, connection.createArrayOf("int8", stations));
				return statement;
			}, row -> {
				counts.put(new FingerprintDay(ByteBuffer.wrap(row.getBytes(1)), row.getLong(2), day), row.getInt(3));
			});
		});
		return counts;
	}

	static Array bytes(Connection connection, java.util.Collection<ByteBuffer> values) throws SQLException {
		byte[][] array = new byte[values.size()][];
		int i = 0;
		for (ByteBuffer value : values) {
			array[i++] = value.array();
		}
		return connection.createArrayOf("bytea", array);
	}

}
