package org.yizhan.station;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.yizhan.platform.Paging;
import org.yizhan.calendar.OpeningHours;
import org.yizhan.geo.GeoPoint;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and saves {@link Station} aggregates with plain SQL. A save of a known station
 * succeeds only if nobody saved it since it was loaded ({@code version} check), which
 * turns a concurrent edit into a conflict instead of a lost update.
 */
@Repository
class StationRepository {

	private static final String COLUMNS = """
			s.id, s.code, s.name, s.address, s.district_code, s.host_name, s.host_type, s.lat, s.lon, s.area_m2,
			s.seats, s.amenities, s.opening_hours, s.smart_entry_method, s.smart_entry_hours, s.mobile, s.phone,
			s.description, s.level, s.stars, s.status, s.suspension_reason, s.expected_reopening,
			s.delisting_reason, s.delisting_note, s.status_changed_at, s.created_at, s.updated_at, s.version
			""";

	private final JdbcClient jdbc;

	StationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next free number in a district; the row lock it takes lasts until the
	 * transaction ends.
	 */
	/**
	 * Moves every station of a merged district to its successor. Their codes keep the old
	 * district's prefix: codes are stable identifiers, printed on signs and QR codes. The
	 * version goes up so an edit made before the move is refused, not applied over it.
	 */
	int moveDistrict(String from, String to, Instant now) {
		return jdbc.sql("""
				update station set district_code = :to, updated_at = :now, version = version + 1
				where district_code = :from
				""").param("from", from).param("to", to).param("now", Timestamp.from(now)).update();
	}

	int nextNumberIn(String districtCode) {
		return jdbc.sql("""
				insert into station_code_counter (district_code, last_number) values (:district, 1)
				on conflict (district_code) do update set last_number = station_code_counter.last_number + 1
				returning last_number
				""").param("district", districtCode).query(Integer.class).single();
	}

	/**
	 * Takes {@code count} numbers of a district at once for a bulk import; answers the
	 * last, so the numbers are {@code last - count + 1 .. last}. The row lock lasts until
	 * the transaction ends, as {@link #nextNumberIn}'s does.
	 */
	int reserveNumbersIn(String districtCode, int count) {
		return jdbc.sql("""
				insert into station_code_counter (district_code, last_number) values (:district, :count)
				on conflict (district_code) do update set last_number = station_code_counter.last_number + :count
				returning last_number
				""").param("district", districtCode).param("count", count).query(Integer.class).single();
	}

	/**
	 * Inserts new drafts many rows per statement (arrays unnested in the database): a
	 * ledger of 200,000 stations would otherwise be 200,000 round trips. Photos and
	 * events are the caller's business; a draft has no photos.
	 */
	void insertDrafts(List<Station> drafts) {
		int chunk = 2000;
		for (int from = 0; from < drafts.size(); from += chunk) {
			List<Station> part = drafts.subList(from, Math.min(drafts.size(), from + chunk));
			int n = part.size();
			String[][] columns = new String[19][n];
			for (int i = 0; i < n; i++) {
				Station station = part.get(i);
				StationDetails d = station.details();
				String[] row = { station.code().value(), d.name(), d.address(), d.districtCode(), d.hostName(),
						d.hostType().name(), Double.toString(d.location().lat()), Double.toString(d.location().lon()),
						d.areaM2() == null ? null : d.areaM2().toPlainString(),
						d.seats() == null ? null : d.seats().toString(),
						d.amenities().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
						d.openingHours().value(), d.smartEntry() == null ? null : d.smartEntry().method().name(),
						d.smartEntry() == null ? null : d.smartEntry().unattendedHours().value(),
						Boolean.toString(d.mobile()), d.phone(), d.description(), d.level().name(),
						Integer.toString(d.stars()) };
				for (int c = 0; c < row.length; c++) {
					columns[c][i] = row[c];
				}
			}
			Map<String, Object> params = new HashMap<>();
			for (int c = 0; c < columns.length; c++) {
				params.put("c" + c, columns[c]);
			}
			params.put("now", Timestamp.from(part.get(0).createdAt()));
			jdbc.sql("""
					insert into station (code, name, address, district_code, host_name, host_type, lat, lon, area_m2,
					  seats, amenities, opening_hours, smart_entry_method, smart_entry_hours, mobile, phone,
					  description, level, stars, status, status_changed_at, created_at, updated_at, version)
					select c0, c1, c2, c3, c4, c5, cast(c6 as double precision), cast(c7 as double precision),
					  cast(c8 as numeric), cast(c9 as integer), cast(string_to_array(c10, ',') as varchar[]), c11, c12,
					  c13, cast(c14 as boolean), c15, c16, c17, cast(c18 as integer), 'DRAFT', :now, :now, :now, 0
					from unnest(cast(:c0 as text[]), cast(:c1 as text[]), cast(:c2 as text[]), cast(:c3 as text[]),
					  cast(:c4 as text[]), cast(:c5 as text[]), cast(:c6 as text[]), cast(:c7 as text[]),
					  cast(:c8 as text[]), cast(:c9 as text[]), cast(:c10 as text[]), cast(:c11 as text[]),
					  cast(:c12 as text[]), cast(:c13 as text[]), cast(:c14 as text[]), cast(:c15 as text[]),
					  cast(:c16 as text[]), cast(:c17 as text[]), cast(:c18 as text[]))
					  as t(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18)
					""").params(params).update();
		}
	}

	/**
	 * What a bulk import matches its rows against: the stations in {@code scope} that lie
	 * in one of {@code districts} or carry one of {@code codes}, one short row each.
	 */
	void forEachImportKey(String[] districts, String[] codes, StationScope scope, Consumer<ImportKey> action) {
		Map<String, Object> params = new HashMap<>();
		params.put("districts", districts);
		params.put("codes", codes);
		jdbc.sql("select s.id, s.code, s.district_code, s.host_name, s.lat, s.lon from station s"
				+ " where (s.district_code = any(cast(:districts as text[])) or s.code = any(cast(:codes as text[])))"
				+ " and " + scope.condition(params))
			.params(params)
			.query(rs -> {
				action.accept(new ImportKey(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getDouble(5), rs.getDouble(6)));
			});
	}

	/** A station as a bulk import matches it: by code, or by host and place. */
	record ImportKey(long id, String code, String districtCode, String hostName, double lat, double lon) {
	}

	/** The stations with these ids, whoever asks, in batches; photos included. */
	void forEachById(List<Long> ids, int batchSize, Consumer<Station> action) {
		for (int from = 0; from < ids.size(); from += batchSize) {
			List<Long> batch = ids.subList(from, Math.min(ids.size(), from + batchSize));
			withPhotos(jdbc.sql("select " + COLUMNS + " from station s where s.id = any(cast(:ids as bigint[]))")
				.param("ids", batch.toArray(Long[]::new))
				.query((rs, n) -> map(rs, List.of()))
				.list()).forEach(action);
		}
	}

	/**
	 * Any station by id, whoever asks: for the system's own copies of the public map and
	 * for saving. A request acting for an account uses {@link #findVisible} instead.
	 */
	Optional<Station> findById(StationId id) {
		return findOne("s.id = :key", new HashMap<>(Map.of("key", id.value())));
	}

	/** The station if it is in {@code scope}; outside it, it does not exist. */
	Optional<Station> findVisible(StationId id, StationScope scope) {
		Map<String, Object> params = new HashMap<>(Map.of("key", id.value()));
		return findOne("s.id = :key and " + scope.condition(params), params);
	}

	Optional<Station> findVisibleByCode(String code, StationScope scope) {
		Map<String, Object> params = new HashMap<>(Map.of("key", code));
		return findOne("s.code = :key and " + scope.condition(params), params);
	}

	/**
	 * Loads for a change, if in {@code scope}: the row stays locked until the transaction
	 * ends.
	 */
	Optional<Station> lockVisible(StationId id, StationScope scope) {
		Map<String, Object> params = new HashMap<>(Map.of("key", id.value()));
		return findOne("s.id = :key and " + scope.condition(params) + " for update of s", params);
	}

	private Optional<Station> findOne(String condition, Map<String, Object> params) {
		return jdbc.sql("select " + COLUMNS + " from station s where " + condition)
			.params(params)
			.query((rs, n) -> map(rs, List.of()))
			.optional()
			.map(station -> withPhotos(List.of(station)).get(0));
	}

	Station save(Station station) {
		StationDetails d = station.details();
		Map<String, Object> params = new HashMap<>();
		params.put("name", d.name());
		params.put("address", d.address());
		params.put("district", d.districtCode());
		params.put("hostName", d.hostName());
		params.put("hostType", d.hostType().name());
		params.put("lat", d.location().lat());
		params.put("lon", d.location().lon());
		params.put("area", d.areaM2());
		params.put("seats", d.seats());
		params.put("amenities", d.amenities().stream().map(Enum::name).sorted().toArray(String[]::new));
		params.put("hours", d.openingHours().value());
		params.put("smartMethod", d.smartEntry() == null ? null : d.smartEntry().method().name());
		params.put("smartHours", d.smartEntry() == null ? null : d.smartEntry().unattendedHours().value());
		params.put("mobile", d.mobile());
		params.put("phone", d.phone());
		params.put("description", d.description());
		params.put("level", d.level().name());
		params.put("stars", d.stars());
		params.put("status", station.status().name());
		params.put("suspensionReason", station.suspension().map(Station.Suspension::reason).orElse(null));
		params.put("expectedReopening", station.suspension().map(Station.Suspension::expectedReopening).orElse(null));
		params.put("delistingReason", station.delisting().map(delisting -> delisting.reason().name()).orElse(null));
		params.put("delistingNote", station.delisting().map(Station.Delisting::note).orElse(null));
		params.put("statusChangedAt", Timestamp.from(station.statusChangedAt()));
		params.put("updatedAt", Timestamp.from(station.updatedAt()));
		long version;
		if (station.id() == null) {
			params.put("code", station.code().value());
			params.put("createdAt", Timestamp.from(station.createdAt()));
			long id = jdbc.sql("""
					insert into station (code, name, address, district_code, host_name, host_type, lat, lon, area_m2,
					  seats, amenities, opening_hours, smart_entry_method, smart_entry_hours, mobile, phone,
					  description, level, stars, status, suspension_reason, expected_reopening, delisting_reason,
					  delisting_note, status_changed_at, created_at, updated_at, version)
					values (:code, :name, :address, :district, :hostName, :hostType, :lat, :lon, :area, :seats,
					  cast(:amenities as varchar[]), :hours, :smartMethod, :smartHours, :mobile, :phone, :description,
					  :level, :stars, :status, :suspensionReason, :expectedReopening, :delistingReason,
					  :delistingNote, :statusChangedAt, :createdAt, :updatedAt, 0)
					returning id
					""").params(params).query(Long.class).single();
			station.assignId(StationId.of(id));
			version = 0;
		}
		else {
			params.put("id", station.id().value());
			params.put("version", station.version());
			int updated = jdbc.sql("""
					update station set name = :name, address = :address, district_code = :district,
					  host_name = :hostName, host_type = :hostType, lat = :lat, lon = :lon, area_m2 = :area,
					  seats = :seats, amenities = cast(:amenities as varchar[]), opening_hours = :hours,
					  smart_entry_method = :smartMethod, smart_entry_hours = :smartHours, mobile = :mobile,
					  phone = :phone, description = :description, level = :level, stars = :stars,
					  status = :status, suspension_reason = :suspensionReason,
					  expected_reopening = :expectedReopening, delisting_reason = :delistingReason,
					  delisting_note = :delistingNote, status_changed_at = :statusChangedAt,
					  updated_at = :updatedAt, version = version + 1
					where id = :id and version = :version
					""").params(params).update();
			if (updated == 0) {
				throw new OptimisticLockingFailureException(
						"Station " + station.id() + " changed since version " + station.version());
			}
			version = station.version() + 1;
		}
		station.savedAs(version, savePhotos(station));
		return station;
	}

	private List<StationPhoto> savePhotos(Station station) {
		long stationId = station.id().value();
		List<Long> kept = station.photos().stream().map(StationPhoto::id).filter(id -> id != null).toList();
		if (kept.isEmpty()) {
			jdbc.sql("delete from station_photo where station_id = :station").param("station", stationId).update();
		}
		else {
			jdbc.sql("delete from station_photo where station_id = :station and id not in (:kept)")
				.param("station", stationId)
				.param("kept", kept)
				.update();
		}
		List<StationPhoto> saved = new ArrayList<>();
		int position = 0;
		for (StationPhoto photo : station.photos()) {
			if (photo.id() == null) {
				long id = jdbc.sql("""
						insert into station_photo (station_id, position, storage_key, width, height, uploaded_at)
						values (:station, :position, :key, :width, :height, :uploadedAt) returning id
						""")
					.param("station", stationId)
					.param("position", position + 1000)
					.param("key", photo.storageKey())
					.param("width", photo.width())
					.param("height", photo.height())
					.param("uploadedAt", Timestamp.from(photo.uploadedAt()))
					.query(Long.class)
					.single();
				photo = new StationPhoto(id, photo.storageKey(), photo.width(), photo.height(), photo.uploadedAt());
			}
			saved.add(photo);
			position++;
		}
		// Positions are rewritten in two steps so the unique (station, position) never
		// collides midway.
		for (int i = 0; i < saved.size(); i++) {
			jdbc.sql("update station_photo set position = :position where id = :id")
				.param("position", i)
				.param("id", saved.get(i).id())
				.update();
		}
		return saved;
	}

	StationPage search(StationQuery query, StationScope scope, StationSort sort, boolean descending, int page,
			int size) {
		Map<String, Object> params = new HashMap<>();
		String where = where(query, params) + " and " + scope.condition(params);
		long total = jdbc.sql("select count(*) from station s where " + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", size);
		params.put("offset", Paging.offset(page, size));
		String order = Arrays.stream(sort.columns.split(", "))
			.map(column -> column + (descending ? " desc" : " asc"))
			.collect(Collectors.joining(", "));
		List<Station> stations = jdbc
			.sql("select " + COLUMNS + " from station s where " + where + " order by " + order
					+ " limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> map(rs, List.of()))
			.list();
		return new StationPage(withPhotos(stations), page, size, total);
	}

	/**
	 * Every station in {@code status}, loaded in batches so no single query grows with
	 * the registry.
	 */
	void forEachIn(StationStatus status, int batchSize, Consumer<Station> action) {
		List<Long> ids = jdbc.sql("select id from station where status = :status order by id")
			.param("status", status.name())
			.query(Long.class)
			.list();
		for (int from = 0; from < ids.size(); from += batchSize) {
			List<Long> batch = ids.subList(from, Math.min(ids.size(), from + batchSize));
			withPhotos(jdbc.sql("select " + COLUMNS + " from station s where s.id in (:ids) order by s.id")
				.param("ids", batch)
				.query((rs, n) -> map(rs, List.of()))
				.list()).forEach(action);
		}
	}

	/**
	 * The stations in {@code scope} that match {@code query}, by code, read in batches by
	 * key (after the last code of the batch before) so that neither a query nor the
	 * memory grows with the registry. Photos are not read.
	 */
	void forEachMatching(StationQuery query, StationScope scope, int batchSize, Consumer<Station> action) {
		String after = "";
		while (true) {
			Map<String, Object> params = new HashMap<>();
			String where = where(query, params) + " and " + scope.condition(params);
			params.put("after", after);
			params.put("limit", batchSize);
			List<Station> batch = jdbc
				.sql("select " + COLUMNS + " from station s where " + where
						+ " and s.code > :after order by s.code limit :limit")
				.params(params)
				.query((rs, n) -> map(rs, List.of()))
				.list();
			batch.forEach(action);
			if (batch.size() < batchSize) {
				return;
			}
			after = batch.get(batch.size() - 1).code().value();
		}
	}

	/**
	 * The version and status of every station, for copies to find their drift: one row of
	 * three numbers per station.
	 */
	Map<Long, StoredVersion> listVersions() {
		Map<Long, StoredVersion> versions = new HashMap<>();
		jdbc.sql("select id, version, status from station").query(rs -> {
			versions.put(rs.getLong(1), new StoredVersion(rs.getLong(2), StationStatus.valueOf(rs.getString(3))));
		});
		return versions;
	}

	List<StationMarker> listMarkers(StationQuery query, StationScope scope, int limit) {
		Map<String, Object> params = new HashMap<>();
		String where = where(query, params) + " and " + scope.condition(params);
		params.put("limit", limit);
		return jdbc
			.sql("select s.id, s.code, s.name, s.status, s.host_type, s.lat, s.lon from station s where " + where
					+ " order by s.code limit :limit")
			.params(params)
			.query((rs, n) -> new StationMarker(StationId.of(rs.getLong("id")), rs.getString("code"),
					rs.getString("name"), StationStatus.valueOf(rs.getString("status")),
					HostType.valueOf(rs.getString("host_type")), GeoPoint.of(rs.getDouble("lat"), rs.getDouble("lon"))))
			.list();
	}

	/**
	 * Whether any station's photo is stored under this key (identical uploads share one).
	 */
	boolean isPhotoInUse(String storageKey) {
		return jdbc.sql("select exists (select 1 from station_photo where storage_key = :key)")
			.param("key", storageKey)
			.query(Boolean.class)
			.single();
	}

	List<String> listDistrictsInUse(StationScope scope) {
		Map<String, Object> params = new HashMap<>();
		return jdbc
			.sql("select distinct s.district_code from station s where " + scope.condition(params) + " order by 1")
			.params(params)
			.query(String.class)
			.list();
	}

	long count() {
		return jdbc.sql("select count(*) from station").query(Long.class).single();
	}

	private static String where(StationQuery query, Map<String, Object> params) {
		List<String> clauses = new ArrayList<>();
		clauses.add("true");
		if (query.organization() != null) {
			clauses.add("""
					s.district_code in (select d.code from organization o join organization d
					  on d.path = o.path or d.path like o.path || '/%' where o.code = :org)""");
			params.put("org", query.organization());
		}
		if (!query.statuses().isEmpty()) {
			clauses.add("s.status in (:statuses)");
			params.put("statuses", query.statuses().stream().map(Enum::name).toList());
		}
		if (query.hostType() != null) {
			clauses.add("s.host_type = :hostType");
			params.put("hostType", query.hostType().name());
		}
		if (!query.amenities().isEmpty()) {
			clauses.add("s.amenities @> cast(:amenities as varchar[])");
			params.put("amenities", query.amenities().stream().map(Enum::name).toArray(String[]::new));
		}
		if (query.text() != null) {
			clauses.add("(s.name ilike :text escape '\\' or s.address ilike :text escape '\\' "
					+ "or s.code ilike :text escape '\\' or s.host_name ilike :text escape '\\')");
			params.put("text", "%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return String.join(" and ", clauses);
	}

	private List<Station> withPhotos(List<Station> stations) {
		if (stations.isEmpty()) {
			return stations;
		}
		Map<Long, Station> byId = new LinkedHashMap<>();
		stations.forEach(station -> byId.put(station.id().value(), station));
		Map<Long, List<StationPhoto>> photos = new HashMap<>();
		jdbc.sql("""
				select id, station_id, storage_key, width, height, uploaded_at from station_photo
				where station_id in (:ids) order by station_id, position
				""").param("ids", byId.keySet()).query(rs -> {
			photos.computeIfAbsent(rs.getLong("station_id"), id -> new ArrayList<>())
				.add(new StationPhoto(rs.getLong("id"), rs.getString("storage_key"), rs.getInt("width"),
						rs.getInt("height"), rs.getTimestamp("uploaded_at").toInstant()));
		});
		List<Station> result = new ArrayList<>();
		for (Station station : stations) {
			List<StationPhoto> own = photos.getOrDefault(station.id().value(), List.of());
			station.savedAs(station.version(), own);
			result.add(station);
		}
		return result;
	}

	private static Station map(ResultSet rs, List<StationPhoto> photos) throws SQLException {
		String smartMethod = rs.getString("smart_entry_method");
		SmartEntry smartEntry = smartMethod == null ? null
				: new SmartEntry(EntryMethod.valueOf(smartMethod), new OpeningHours(rs.getString("smart_entry_hours")));
		Integer seats = (Integer) rs.getObject("seats");
		BigDecimal area = rs.getBigDecimal("area_m2");
		StationDetails details = new StationDetails(rs.getString("name"), rs.getString("address"),
				rs.getString("district_code"), rs.getString("host_name"), HostType.valueOf(rs.getString("host_type")),
				GeoPoint.of(rs.getDouble("lat"), rs.getDouble("lon")), area == null ? null : area.stripTrailingZeros(),
				seats, amenities(rs.getArray("amenities")), new OpeningHours(rs.getString("opening_hours")), smartEntry,
				rs.getBoolean("mobile"), rs.getString("phone"), rs.getString("description"),
				StationLevel.valueOf(rs.getString("level")), rs.getInt("stars"));
		String suspensionReason = rs.getString("suspension_reason");
		LocalDate expectedReopening = rs.getObject("expected_reopening", LocalDate.class);
		String delistingReason = rs.getString("delisting_reason");
		return new Station(StationId.of(rs.getLong("id")), new StationCode(rs.getString("code")), details,
				StationStatus.valueOf(rs.getString("status")),
				suspensionReason == null ? null : new Station.Suspension(suspensionReason, expectedReopening),
				delistingReason == null ? null
						: new Station.Delisting(DelistingReason.valueOf(delistingReason),
								rs.getString("delisting_note")),
				photos, instant(rs, "status_changed_at"), instant(rs, "created_at"), instant(rs, "updated_at"),
				rs.getLong("version"));
	}

	private static Set<Amenity> amenities(Array array) throws SQLException {
		Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
		for (Object name : (Object[]) array.getArray()) {
			amenities.add(Amenity.valueOf((String) name));
		}
		return amenities;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

}
