package org.yizhan.operations;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yizhan.station.VisibleStations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The door tables: devices with their sealed secrets, the nonces of the window, the
 * entries (with an ID card's keyed hash for 180 days at most) and the door entries' share
 * of {@code visit_day}.
 */
@Repository
class DoorRepository {

	private static final String DEVICE = """
			select d.id, d.station_id, s.code, s.name, d.name as device_name, d.heartbeat_seconds, d.status,
			       d.last_seen_at, d.silent_since, d.case_number
			from door_device d join station s on s.id = d.station_id""";

	private final JdbcClient jdbc;

	DoorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A device in service, its sealed secret and its station's state, for a request. */
	record Signer(long id, long stationId, String secretSealed, String stationStatus, String districtCode) {
	}

	long insert(long station, String name, String secretSealed, int heartbeatSeconds, Instant now, String by) {
		return jdbc.sql("""
				insert into door_device (station_id, name, secret_sealed, heartbeat_seconds, status, last_seen_at,
				                         created_at, created_by)
				values (:station, :name, :secret, :heartbeat, 'ONLINE', :now, :now, :by) returning id""")
			.param("station", station)
			.param("name", name)
			.param("secret", secretSealed)
			.param("heartbeat", heartbeatSeconds)
			.param("now", Timestamp.from(now))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	boolean nameTaken(long station, String name) {
		return jdbc.sql("""
				select exists (select 1 from door_device
				               where station_id = :station and lower(name) = lower(:name) and status <> 'RETIRED')""")
			.param("station", station)
			.param("name", name)
			.query(Boolean.class)
			.single();
	}

	Optional<DoorDevice> find(long id) {
		return jdbc.sql(DEVICE + " where d.id = :id").param("id", id).query(DoorRepository::device).optional();
	}

	List<DoorDevice> listForStation(long station) {
		return jdbc.sql(DEVICE + " where d.station_id = :station and d.status <> 'RETIRED' order by lower(d.name)")
			.param("station", station)
			.query(DoorRepository::device)
			.list();
	}

	/** The devices in service at the stations the caller sees, silent ones first. */
	List<DoorDevice> listVisible(VisibleStations visible, int limit) {
		Map<String, Object> params = new HashMap<>();
		String condition = visible.condition(params);
		params.put("limit", limit);
		return jdbc
			.sql(DEVICE + " where d.status <> 'RETIRED' and " + condition
					+ " order by (d.status = 'SILENT') desc, s.code, lower(d.name) limit :limit")
			.params(params)
			.query(DoorRepository::device)
			.list();
	}

	/** The device's signing facts, its row locked until the transaction ends. */
	Optional<Signer> lockSigner(long id) {
		return jdbc.sql("""
				select d.id, d.station_id, d.secret_sealed, s.status, s.district_code
				from door_device d join station s on s.id = d.station_id
				where d.id = :id and d.status <> 'RETIRED' for update of d""")
			.param("id", id)
			.query((rs, n) -> new Signer(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	/** The device's secret, sealed, for issuing entry codes. */
	Map<Long, String> listSecrets(long station) {
		Map<Long, String> secrets = new HashMap<>();
		jdbc.sql("select id, secret_sealed from door_device where station_id = :station and status = 'ONLINE'")
			.param("station", station)
			.query((rs, n) -> secrets.put(rs.getLong(1), rs.getString(2)))
			.list();
		return secrets;
	}

	/** Keeps a nonce; {@code false} when the device used it within the window. */
	boolean keepNonce(long device, String nonce, Instant now) {
		return jdbc.sql("""
				insert into door_nonce (device_id, nonce, seen_at) values (:device, :nonce, :now)
				on conflict do nothing""")
			.param("device", device)
			.param("nonce", nonce)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Marks the device as seen now and online again.
	 * @return whether it was silent until now
	 */
	boolean seen(long device, Instant now) {
		String before = jdbc.sql("select status from door_device where id = :id")
			.param("id", device)
			.query(String.class)
			.single();
		jdbc.sql("update door_device set last_seen_at = :now, status = 'ONLINE', silent_since = null where id = :id")
			.param("id", device)
			.param("now", Timestamp.from(now))
			.update();
		return "SILENT".equals(before);
	}

	/**
	 * Marks silent the devices whose interval ran out before {@code now}, at stations in
	 * service: each row once, whichever instance gets there first.
	 */
	List<DoorDevice> markSilent(Instant now) {
		List<Long> ids = jdbc.sql("""
				update door_device d set status = 'SILENT', silent_since = :now
				where d.status = 'ONLINE' and d.last_seen_at + make_interval(secs => d.heartbeat_seconds) < :now
				  and exists (select 1 from station s where s.id = d.station_id and s.status in ('LISTED', 'SUSPENDED'))
				returning d.id""").param("now", Timestamp.from(now)).query(Long.class).list();
		return ids.stream().map(id -> find(id).orElseThrow()).toList();
	}

	void saveCase(long device, String number) {
		jdbc.sql("update door_device set case_number = :number where id = :id")
			.param("id", device)
			.param("number", number)
			.update();
	}

	void retire(long device) {
		jdbc.sql("update door_device set status = 'RETIRED', silent_since = null where id = :id")
			.param("id", device)
			.update();
	}

	/** Whether the station has devices in service and none of them is online. */
	boolean entryOutOfOrder(long station) {
		return jdbc.sql("""
				select coalesce(bool_and(status = 'SILENT'), false) from door_device
				where station_id = :station and status <> 'RETIRED'""")
			.param("station", station)
			.query(Boolean.class)
			.single();
	}

	Set<Long> listStationsOutOfOrder() {
		return new HashSet<>(jdbc.sql("""
				select station_id from door_device where status <> 'RETIRED'
				group by station_id having bool_and(status = 'SILENT')""").query(Long.class).list());
	}

	/** Takes the station's lock for counting door entries, until the transaction ends. */
	void lockStationEntries(long station) {
		// a key of its own text, so that no other advisory lock shares it
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('yizhan door entries ' || :station, 0))")
			.param("station", station)
			.query((rs, n) -> 1)
			.list();
	}

	boolean cardCountedSince(long station, byte[] card, Instant since) {
		return jdbc.sql("""
				select exists (select 1 from door_entry where station_id = :station and card_hash = :card
				               and counted and entered_at > :since)""")
			.param("station", station)
			.param("card", card)
			.param("since", Timestamp.from(since))
			.query(Boolean.class)
			.single();
	}

	void insertEntry(long device, long station, Instant at, String method, byte[] card, boolean counted) {
		jdbc.sql("""
				insert into door_entry (device_id, station_id, entered_at, method, card_hash, counted)
				values (:device, :station, :at, :method, :card, :counted)""")
			.param("device", device)
			.param("station", station)
			.param("at", Timestamp.from(at))
			.param("method", method)
			.param("card", card)
			.param("counted", counted)
			.update();
	}

	void countEntry(long station, String district, LocalDate day) {
		jdbc.sql("""
				insert into visit_day as d (station_id, day, district_code, door_entries)
				values (:station, :day, :district, 1)
				on conflict (station_id, day) do update set door_entries = d.door_entries + 1""")
			.param("station", station)
			.param("day", Date.valueOf(day))
			.param("district", district)
			.update();
	}

	int purgeNonces(Instant before) {
		return jdbc.sql("delete from door_nonce where seen_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	/** Erases the ID cards' hashes of entries older than {@code before}. */
	int eraseCardHashes(Instant before) {
		return jdbc.sql("update door_entry set card_hash = null where card_hash is not null and entered_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	private static DoorDevice device(ResultSet rs, int n) throws SQLException {
		Timestamp silent = rs.getTimestamp("silent_since");
		return new DoorDevice(rs.getLong("id"), rs.getLong("station_id"), rs.getString("code"), rs.getString("name"),
				rs.getString("device_name"), rs.getInt("heartbeat_seconds"), rs.getString("status"),
				rs.getTimestamp("last_seen_at").toInstant(), silent == null ? null : silent.toInstant(),
				rs.getString("case_number"));
	}

}
