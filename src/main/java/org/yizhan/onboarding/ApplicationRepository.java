package org.yizhan.onboarding;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yizhan.geo.GeoPoint;
import org.yizhan.platform.Paging;
import org.yizhan.station.Amenity;
import org.yizhan.station.HostType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hosts' and applications' tables. Reads for staff carry the caller's subtree (the
 * path of its union) in their SQL: an application whose district lies outside it is not
 * found, however it is asked for. Positions are searched by a latitude and longitude box
 * around the site and then measured on the sphere; the box is a little larger than the
 * distance asked, so nothing near is missed at any latitude in China.
 */
@Repository
class ApplicationRepository {

	private static final String SUMMARY = """
			select a.id, a.station_name, h.name as host_name, a.district_code, o.name as district_name,
			    s.address, s.area_m2, a.status, a.duplicate, a.created_at
			from application a
			join host h on h.id = a.host_id
			join host_site s on s.id = a.site_id
			join organization o on o.code = a.district_code
			""";

	private final JdbcClient jdbc;

	ApplicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A host found or created by its credit code, locked until the transaction ends. */
	record HostRow(long id, String name, boolean created) {
	}

	/**
	 * The host of {@code code}, created when it is new. Either way its row stays locked
	 * until the transaction ends, so two applications of one host are judged one after
	 * the other (the same-site rule cannot be passed by sending twice at once).
	 */
	HostRow lockOrCreateHost(CreditCode code, String name, HostType kind, String organizationCode, Instant now) {
		return jdbc.sql("""
				insert into host (credit_code, name, kind, organization_code, created_at, updated_at)
				values (:code, :name, :kind, :org, :now, :now)
				on conflict (credit_code) do update set updated_at = excluded.updated_at
				returning id, name, (xmax = 0) as created
				""")
			.param("code", code.value())
			.param("name", name)
			.param("kind", kind.name())
			.param("org", organizationCode)
			.param("now", Timestamp.from(now))
			.query((rs, n) -> new HostRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
			.single();
	}

	/** A new host; empty when one with the code exists already. */
	Optional<Long> insertHost(CreditCode code, String name, HostType kind, String organizationCode, Instant now) {
		return jdbc.sql("""
				insert into host (credit_code, name, kind, organization_code, created_at, updated_at)
				values (:code, :name, :kind, :org, :now, :now)
				on conflict (credit_code) do nothing
				returning id
				""")
			.param("code", code.value())
			.param("name", name)
			.param("kind", kind.name())
			.param("org", organizationCode)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	long insertContact(long hostId, String name, String phoneSealed, String emailSealed, Instant now) {
		return jdbc.sql("""
				insert into host_contact (host_id, name, phone_sealed, email_sealed, created_at)
				values (:host, :name, :phone, :email, :now) returning id
				""")
			.param("host", hostId)
			.param("name", name)
			.param("phone", phoneSealed)
			.param("email", emailSealed)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** A site of a host within {@code meters}, nearest first. */
	record NearSite(long siteId, double meters) {
	}

	List<NearSite> findSitesOfHostNear(long hostId, GeoPoint point, double meters) {
		List<NearSite> near = new ArrayList<>();
		box(point, meters).apply(jdbc.sql("""
				select id, lat, lon from host_site
				where host_id = :host and lat between :south and :north and lon between :west and :east
				""").param("host", hostId)).query((rs, n) -> {
			double distance = point.distanceMeters(GeoPoint.of(rs.getDouble(2), rs.getDouble(3)));
			if (distance <= meters) {
				near.add(new NearSite(rs.getLong(1), distance));
			}
			return 1;
		}).list();
		near.sort((a, b) -> Double.compare(a.meters(), b.meters()));
		return near;
	}

	/**
	 * The applications at a site that still stand for it (not withdrawn, not rejected).
	 */
	List<Long> listStandingApplicationsAt(long siteId) {
		return jdbc.sql("""
				select id from application
				where site_id = :site and status not in ('WITHDRAWN', 'REJECTED') order by id
				""").param("site", siteId).query(Long.class).list();
	}

	long insertSite(long hostId, String districtCode, String address, GeoPoint point, double areaM2, int floor,
			boolean facingStreet, Instant now) {
		return jdbc.sql("""
				insert into host_site (host_id, district_code, address, lat, lon, area_m2, floor, facing_street,
				    created_at)
				values (:host, :district, :address, :lat, :lon, :area, :floor, :facing, :now) returning id
				""")
			.param("host", hostId)
			.param("district", districtCode)
			.param("address", address)
			.param("lat", point.lat())
			.param("lon", point.lon())
			.param("area", areaM2)
			.param("floor", floor)
			.param("facing", facingStreet)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** The host's earlier applications, oldest first. */
	List<Long> listApplicationsOfHost(long hostId) {
		return jdbc.sql("select id from application where host_id = :host order by id")
			.param("host", hostId)
			.query(Long.class)
			.list();
	}

	/** Other applications (not withdrawn) whose site is within {@code meters}. */
	List<DuplicateFlag> findApplicationsNear(GeoPoint point, double meters) {
		List<DuplicateFlag> near = new ArrayList<>();
		box(point, meters).apply(jdbc.sql("""
				select a.id, s.lat, s.lon from application a join host_site s on s.id = a.site_id
				where a.status <> 'WITHDRAWN'
				  and s.lat between :south and :north and s.lon between :west and :east
				order by a.id
				""")).query((rs, n) -> {
			double distance = point.distanceMeters(GeoPoint.of(rs.getDouble(2), rs.getDouble(3)));
			if (distance <= meters) {
				near.add(new DuplicateFlag(DuplicateFlag.Kind.NEAR_APPLICATION, rs.getLong(1), null, null,
						Math.round(distance)));
			}
			return 1;
		}).list();
		return near;
	}

	/** Listed stations within {@code meters}. */
	List<DuplicateFlag> findListedStationsNear(GeoPoint point, double meters) {
		List<DuplicateFlag> near = new ArrayList<>();
		box(point, meters).apply(jdbc.sql("""
				select st.id, st.code, st.name, st.lat, st.lon from station st
				where st.status = 'LISTED'
				  and st.lat between :south and :north and st.lon between :west and :east
				order by st.id
				""")).query((rs, n) -> {
			double distance = point.distanceMeters(GeoPoint.of(rs.getDouble(4), rs.getDouble(5)));
			if (distance <= meters) {
				near.add(new DuplicateFlag(DuplicateFlag.Kind.NEAR_STATION, null, rs.getString(2), rs.getString(3),
						Math.round(distance)));
			}
			return 1;
		}).list();
		return near;
	}

	long insertApplication(ApplicationToken token, long hostId, long siteId, long contactId, String districtCode,
			String stationName, Set<Amenity> amenities, String openingHours, BuildMode buildMode, String description,
			boolean duplicate, boolean areaChecked, Instant now) {
		return jdbc.sql("""
				insert into application (token, host_id, site_id, contact_id, district_code, station_name, amenities,
				    opening_hours, build_mode, description, status, duplicate, area_checked, created_at,
				    status_changed_at, version)
				values (:token, :host, :site, :contact, :district, :name, cast(:amenities as varchar[]), :hours,
				    :mode, :description, 'SUBMITTED', :duplicate, :areaChecked, :now, :now, 0)
				returning id
				""")
			.param("token", token.value())
			.param("host", hostId)
			.param("site", siteId)
			.param("contact", contactId)
			.param("district", districtCode)
			.param("name", stationName)
			.param("amenities", amenities.stream().map(Enum::name).toArray(String[]::new))
			.param("hours", openingHours)
			.param("mode", buildMode.name())
			.param("description", description)
			.param("duplicate", duplicate)
			.param("areaChecked", areaChecked)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	void insertCoBuilder(long applicationId, long hostId) {
		jdbc.sql("insert into application_co_builder (application_id, host_id) values (:a, :h)")
			.param("a", applicationId)
			.param("h", hostId)
			.update();
	}

	void insertPhoto(long applicationId, int position, String key) {
		jdbc.sql("insert into application_photo (application_id, position, photo_key) values (:a, :p, :k)")
			.param("a", applicationId)
			.param("p", position)
			.param("k", key)
			.update();
	}

	boolean isPhotoInUse(String key) {
		return jdbc.sql("select exists (select 1 from application_photo where photo_key = :k)")
			.param("k", key)
			.query(Boolean.class)
			.single();
	}

	void insertFlag(long applicationId, DuplicateFlag flag) {
		jdbc.sql("""
				insert into application_flag (application_id, kind, other_application_id, station_id, distance_m)
				values (:a, :kind, :other, (select id from station where code = :station), :distance)
				""")
			.param("a", applicationId)
			.param("kind", flag.kind().name())
			.param("other", flag.otherApplicationId())
			.param("station", flag.stationCode())
			.param("distance", flag.distanceMeters())
			.update();
	}

	void insertStatusChange(long applicationId, ApplicationStatus status, Instant at, Long accountId, String note) {
		jdbc.sql("""
				insert into application_status_change (application_id, status, changed_at, account_id, note)
				values (:a, :status, :at, :account, :note)
				""")
			.param("a", applicationId)
			.param("status", status.name())
			.param("at", Timestamp.from(at))
			.param("account", accountId)
			.param("note", note)
			.update();
	}

	void insertMail(long applicationId, String emailSealed, String subject, String body, Instant now) {
		jdbc.sql("""
				insert into application_mail (application_id, email_sealed, subject, body, status, next_attempt_at,
				    created_at)
				values (:a, :email, :subject, :body, 'PENDING', :now, :now)
				""")
			.param("a", applicationId)
			.param("email", emailSealed)
			.param("subject", subject)
			.param("body", body)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * The boundary of a district as coverage keeps it (GeoJSON, WGS-84), if one is on
	 * file.
	 */
	Optional<String> findDistrictBoundary(String orgCode) {
		return jdbc.sql("select geometry from coverage_area where org_code = :org")
			.param("org", orgCode)
			.query(String.class)
			.optional();
	}

	/** The districts with a boundary on file, in code order: (code, name) pairs. */
	List<String[]> listDistrictsWithBoundary() {
		return jdbc.sql("""
				select o.code, o.name from coverage_area a join organization o on o.code = a.org_code
				where o.kind = 'DISTRICT' order by o.code
				""").query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
	}

	Optional<PublicApplicationStatus> findStatus(ApplicationToken token) {
		return jdbc.sql("""
				select a.id, a.station_name, h.name, o.name, s.address, a.status, a.created_at
				from application a
				join host h on h.id = a.host_id
				join host_site s on s.id = a.site_id
				join organization o on o.code = a.district_code
				where a.token = :token
				""")
			.param("token", token.value())
			.query((rs, n) -> new PublicApplicationStatus(rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), ApplicationStatus.valueOf(rs.getString(6)), instant(rs, 7),
					listHistory(rs.getLong(1))))
			.optional();
	}

	private List<PublicApplicationStatus.Step> listHistory(long applicationId) {
		return jdbc.sql("""
				select status, changed_at, note from application_status_change
				where application_id = :a order by changed_at, id
				""")
			.param("a", applicationId)
			.query((rs, n) -> new PublicApplicationStatus.Step(ApplicationStatus.valueOf(rs.getString(1)),
					instant(rs, 2), rs.getString(3)))
			.list();
	}

	/** A page of the applications inside {@code scopePath} that match the query. */
	ApplicationPage search(ApplicationQuery query, String scopePath, String filterPath, int page, int size) {
		List<String> clauses = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		clauses.add("(o.path = :scope or o.path like :scopePrefix)");
		params.put("scope", scopePath);
		params.put("scopePrefix", like(scopePath));
		if (filterPath != null) {
			clauses.add("(o.path = :filter or o.path like :filterPrefix)");
			params.put("filter", filterPath);
			params.put("filterPrefix", like(filterPath));
		}
		if (query.status() != null) {
			clauses.add("a.status = :status");
			params.put("status", query.status().name());
		}
		else {
			// a withdrawn application is the applicant's decision: nothing left to
			// review,
			// shown only when asked for by its status
			clauses.add("a.status <> 'WITHDRAWN'");
		}
		if (query.duplicate() != null) {
			clauses.add("a.duplicate = :duplicate");
			params.put("duplicate", query.duplicate());
		}
		String where = " where " + String.join(" and ", clauses);
		long total = jdbc.sql("""
				select count(*) from application a join organization o on o.code = a.district_code
				""" + where).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", Paging.offset(page, size));
		List<ApplicationSummary> rows = jdbc
			.sql(SUMMARY + where + " order by a.created_at desc, a.id desc limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> new ApplicationSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getDouble(7), ApplicationStatus.valueOf(rs.getString(8)),
					rs.getBoolean(9), instant(rs, 10)))
			.list();
		return new ApplicationPage(rows, page, size, total);
	}

	/** What an application's page needs of its row, before the contact is opened. */
	record ApplicationRow(Application application, String phoneSealed, String emailSealed) {
	}

	Optional<ApplicationRow> findVisible(long id, String scopePath) {
		return jdbc.sql("""
				select a.id, h.id, h.credit_code, h.name, h.kind, c.name, c.phone_sealed, c.email_sealed,
				    a.district_code, o.name, s.address, s.lat, s.lon, s.area_m2, s.floor, s.facing_street,
				    a.station_name, a.amenities, a.opening_hours, a.build_mode, a.description, a.status,
				    a.duplicate, a.area_checked, a.created_at, a.status_changed_at, a.version,
				    (select count(*) from application_photo p where p.application_id = a.id)
				from application a
				join host h on h.id = a.host_id
				join host_contact c on c.id = a.contact_id
				join host_site s on s.id = a.site_id
				join organization o on o.code = a.district_code
				where a.id = :id and (o.path = :scope or o.path like :scopePrefix)
				""").param("id", id).param("scope", scopePath).param("scopePrefix", like(scopePath)).query((rs, n) -> {
			long applicationId = rs.getLong(1);
			Application application = new Application(applicationId,
					new Application.HostSummary(rs.getLong(2), rs.getString(3), rs.getString(4),
							HostType.valueOf(rs.getString(5))),
					listCoBuilders(applicationId), rs.getString(6), null, null, rs.getString(9), rs.getString(10),
					rs.getString(11), GeoPoint.of(rs.getDouble(12), rs.getDouble(13)), rs.getDouble(14), rs.getInt(15),
					rs.getBoolean(16), rs.getString(17), amenities(rs.getArray(18)), rs.getString(19),
					BuildMode.valueOf(rs.getString(20)), rs.getString(21), ApplicationStatus.valueOf(rs.getString(22)),
					rs.getBoolean(23), rs.getBoolean(24), listFlags(applicationId), rs.getInt(28), instant(rs, 25),
					instant(rs, 26), listHistory(applicationId), rs.getLong(27));
			return new ApplicationRow(application, rs.getString(7), rs.getString(8));
		}).optional();
	}

	private List<Application.HostSummary> listCoBuilders(long applicationId) {
		return jdbc.sql("""
				select h.id, h.credit_code, h.name, h.kind from application_co_builder b
				join host h on h.id = b.host_id where b.application_id = :a order by h.id
				""")
			.param("a", applicationId)
			.query((rs, n) -> new Application.HostSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
					HostType.valueOf(rs.getString(4))))
			.list();
	}

	private List<DuplicateFlag> listFlags(long applicationId) {
		return jdbc.sql("""
				select f.kind, f.other_application_id, st.code, st.name, f.distance_m
				from application_flag f left join station st on st.id = f.station_id
				where f.application_id = :a order by f.id
				""")
			.param("a", applicationId)
			.query((rs, n) -> new DuplicateFlag(DuplicateFlag.Kind.valueOf(rs.getString(1)),
					(Long) rs.getObject(2, Long.class), rs.getString(3), rs.getString(4),
					(rs.getObject(5) != null) ? Math.round(rs.getDouble(5)) : null))
			.list();
	}

	Optional<String> findPhotoKey(long applicationId, int position) {
		return jdbc.sql("select photo_key from application_photo where application_id = :a and position = :p")
			.param("a", applicationId)
			.param("p", position)
			.query(String.class)
			.optional();
	}

	/**
	 * A host and what the caller may see of it: its sites inside the caller's subtree.
	 */
	Optional<Host> findHostVisible(long id, String scopePath,
			java.util.function.Function<String[], Host.Contact> contact) {
		Optional<Object[]> row = jdbc.sql("""
				select h.id, h.credit_code, h.name, h.kind, h.organization_code, h.created_at
				from host h join organization o on o.code = h.organization_code
				where h.id = :id and ((o.path = :scope or o.path like :scopePrefix)
				    or exists (select 1 from host_site s join organization so on so.code = s.district_code
				               where s.host_id = h.id and (so.path = :scope or so.path like :scopePrefix)))
				""")
			.param("id", id)
			.param("scope", scopePath)
			.param("scopePrefix", like(scopePath))
			.query((rs,
					n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5), instant(rs, 6) })
			.optional();
		return row.map(r -> {
			List<Host.Contact> contacts = jdbc
				.sql("select name, phone_sealed, email_sealed from host_contact where host_id = :h order by id")
				.param("h", id)
				.query((rs, n) -> contact.apply(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }))
				.list();
			List<Host.Site> sites = jdbc.sql("""
					select s.id, s.district_code, s.address, s.lat, s.lon, s.area_m2, s.floor, s.facing_street
					from host_site s join organization o on o.code = s.district_code
					where s.host_id = :h and (o.path = :scope or o.path like :scopePrefix) order by s.id
					""")
				.param("h", id)
				.param("scope", scopePath)
				.param("scopePrefix", like(scopePath))
				.query((rs, n) -> new Host.Site(rs.getLong(1), rs.getString(2), rs.getString(3),
						GeoPoint.of(rs.getDouble(4), rs.getDouble(5)), rs.getDouble(6), rs.getInt(7), rs.getBoolean(8)))
				.list();
			return new Host((Long) r[0], new CreditCode((String) r[1]), (String) r[2], HostType.valueOf((String) r[3]),
					(String) r[4], (Instant) r[5], contacts, sites);
		});
	}

	private static Set<Amenity> amenities(Array array) throws SQLException {
		Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
		for (Object value : (Object[]) array.getArray()) {
			amenities.add(Amenity.valueOf((String) value));
		}
		return amenities;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * The {@code like} pattern of the paths below {@code path}; codes hold no wildcards.
	 */
	private static String like(String path) {
		return path + "/%";
	}

	/**
	 * The latitude and longitude box around a point that holds everything within
	 * {@code meters}.
	 */
	private static Box box(GeoPoint point, double meters) {
		// 1.2 × the degrees of a metre at the equator, and 1/cos(lat) for longitude:
		// larger
		// than needed everywhere, so the haversine after it decides.
		double dLat = meters * 1.2 / 111_000;
		double dLon = dLat / Math.max(0.1, Math.cos(Math.toRadians(point.lat())));
		return new Box(point.lat() - dLat, point.lat() + dLat, point.lon() - dLon, point.lon() + dLon);
	}

	private record Box(double south, double north, double west, double east) {

		JdbcClient.StatementSpec apply(JdbcClient.StatementSpec spec) {
			return spec.param("south", this.south)
				.param("north", this.north)
				.param("west", this.west)
				.param("east", this.east);
		}

	}

}
