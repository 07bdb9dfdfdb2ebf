package org.yizhan.listing;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.yizhan.station.StationId;
import org.yizhan.station.StationStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The listing reports and what the rules count of them. */
@Repository
class ListingReportRepository {

	/** What a report needs of its station. */
	record ReportedStation(StationId id, String code, String name, StationStatus status, double lat, double lon) {
	}

	/** A report already stored for a phone, station and day. */
	record Stored(String ticketNumber) {
	}

	private final JdbcClient jdbc;

	ListingReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ReportedStation> findStation(long id) {
		return jdbc.sql("select id, code, name, status, lat, lon from station where id = :id")
			.param("id", id)
			.query((rs, n) -> new ReportedStation(StationId.of(rs.getLong(1)), rs.getString(2), rs.getString(3),
					StationStatus.valueOf(rs.getString(4)), rs.getDouble(5), rs.getDouble(6)))
			.optional();
	}

	/** One report of a station at a time: the count that may hold it sees every other. */
	void lockStation(StationId station) {
		jdbc.sql("select pg_advisory_xact_lock(:station, :kind)")
			.param("station", (int) (station.value() ^ (station.value() >>> 32)))
			.param("kind", 0x6c69_7374)
			.query((rs, n) -> 1)
			.single();
	}

	/** One phone's reports at a time, so that its count of stations cannot be raced. */
	void lockDevice(byte[] device) {
		jdbc.sql("select pg_advisory_xact_lock(:key)")
			.param("key", ByteBuffer.wrap(device).getLong() ^ 0x6c69_7374L)
			.query((rs, n) -> 1)
			.single();
	}

	Optional<Stored> findToday(StationId station, byte[] device, LocalDate day) {
		return jdbc.sql("""
				select ticket_number from listing_report
				where station_id = :station and device_hash = :device and report_day = :day
				""")
			.param("station", station.value())
			.param("device", device)
			.param("day", day)
			.query((rs, n) -> new Stored(rs.getString(1)))
			.optional();
	}

	/** The other stations the phone reported since {@code since}. */
	int countOtherStations(byte[] device, StationId station, Instant since) {
		return jdbc.sql("""
				select count(distinct station_id) from listing_report
				where device_hash = :device and created_at >= :since and station_id <> :station
				""")
			.param("device", device)
			.param("since", Timestamp.from(since))
			.param("station", station.value())
			.query(Integer.class)
			.single();
	}

	/**
	 * Distinct phones whose shut reports of the station since {@code since} were not
	 * held.
	 */
	int countShutDevices(StationId station, Instant since) {
		return jdbc.sql("""
				select count(distinct device_hash) from listing_report
				where station_id = :station and kind = 'SHUT' and not held and created_at >= :since
				""")
			.param("station", station.value())
			.param("since", Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

	void insert(StationId station, ReportKind kind, LocalDate day, byte[] device, Boolean near, String description,
			String holdReason, String ticketNumber, Instant at) {
		jdbc.sql("""
				insert into listing_report (station_id, kind, report_day, device_hash, near_station, description,
				    held, hold_reason, ticket_number, created_at)
				values (:station, :kind, :day, :device, :near, :description, :held, :reason, :ticket, :at)
				""")
			.param("station", station.value())
			.param("kind", kind.name())
			.param("day", day)
			.param("device", device)
			.param("near", near)
			.param("description", description)
			.param("held", holdReason != null)
			.param("reason", holdReason)
			.param("ticket", ticketNumber)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * The newest check-in of each station since {@code since}, from the check-ins' guard.
	 */
	Map<StationId, Instant> listCheckInsSince(Instant since) {
		Map<StationId, Instant> found = new LinkedHashMap<>();
		jdbc.sql("""
				select station_id, max(checked_in_at) from visit_guard where checked_in_at >= :since
				group by station_id
				""")
			.param("since", Timestamp.from(since))
			.query((rs, n) -> found.put(StationId.of(rs.getLong(1)), rs.getTimestamp(2).toInstant()))
			.list();
		return found;
	}

	/**
	 * The stations whose door devices called in (an entry or a heartbeat) since
	 * {@code since}, with the latest call: the devices online keep their last call
	 * indexed.
	 */
	Map<StationId, Instant> listDoorCallsSince(Instant since) {
		Map<StationId, Instant> found = new LinkedHashMap<>();
		jdbc.sql("""
				select station_id, max(last_seen_at) from door_device
				where status = 'ONLINE' and last_seen_at >= :since
				group by station_id
				""")
			.param("since", Timestamp.from(since))
			.query((rs, n) -> found.put(StationId.of(rs.getLong(1)), rs.getTimestamp(2).toInstant()))
			.list();
		return found;
	}

	/** Code and name of each station, for the reminders. */
	Map<Long, String[]> listNames(java.util.Collection<Long> ids) {
		Map<Long, String[]> names = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("select id, code, name from station where id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> names.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) }))
			.list();
		return names;
	}

	/**
	 * Settles the station's shut reports made up to {@code at} that nothing settled yet.
	 * @return how many it settled
	 */
	int settleShutReports(StationId station, Instant at, ShutReportSettlement.Resolution resolution) {
		return jdbc.sql("""
				update listing_report set resolved_at = :at, resolution = :resolution
				where station_id = :station and kind = 'SHUT' and resolved_at is null and created_at <= :at
				""")
			.param("station", station.value())
			.param("at", Timestamp.from(at))
			.param("resolution", resolution.name())
			.update();
	}

}
