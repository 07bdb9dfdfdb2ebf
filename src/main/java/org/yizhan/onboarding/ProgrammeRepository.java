package org.yizhan.onboarding;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Programmes, and their counts straight from the applications. */
@Repository
class ProgrammeRepository {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final String SELECT = """
			select p.id, p.name, p.organization_code, o.name, p.target_count, p.starts_on, p.ends_on, p.created_at
			from programme p join organization o on o.code = p.organization_code
			""";

	private final JdbcClient jdbc;

	ProgrammeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String name, String unionCode, int target, LocalDate startsOn, LocalDate endsOn, Instant now) {
		return jdbc.sql("""
				insert into programme (name, organization_code, target_count, starts_on, ends_on, created_at)
				values (:name, :union, :target, :starts, :ends, :now) returning id
				""")
			.param("name", name)
			.param("union", unionCode)
			.param("target", target)
			.param("starts", Date.valueOf(startsOn))
			.param("ends", Date.valueOf(endsOn))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/**
	 * The programmes of the caller's subtree and of the unions above it (a district works
	 * towards its city's programme), newest period first.
	 */
	List<Programme> listVisible(String scopePath) {
		return jdbc.sql(SELECT + """
				where o.path = :scope or o.path like :scope || '/%' or :scope like o.path || '/%'
				order by p.starts_on desc, p.id desc
				""").param("scope", scopePath).query((rs, n) -> programme(rs)).list();
	}

	Optional<Programme> findVisible(long id, String scopePath) {
		return jdbc.sql(SELECT + """
				where p.id = :id and (o.path = :scope or o.path like :scope || '/%' or :scope like o.path || '/%')
				""").param("id", id).param("scope", scopePath).query((rs, n) -> programme(rs)).optional();
	}

	/**
	 * The applications of the subtree at {@code path} submitted in the period (Beijing
	 * dates, both days included) and how far they went.
	 */
	ProgrammeProgress.Counts count(String path, LocalDate startsOn, LocalDate endsOn) {
		return jdbc.sql("""
				select count(*), count(*) filter (where a.status = 'APPROVED'), count(a.station_id),
				    count(*) filter (where s.status = 'LISTED')
				from application a
				join organization o on o.code = a.district_code
				left join station s on s.id = a.station_id
				where (o.path = :path or o.path like :path || '/%') and a.created_at >= :from and a.created_at < :to
				""")
			.param("path", path)
			.param("from", Timestamp.from(startsOn.atStartOfDay(BEIJING).toInstant()))
			.param("to", Timestamp.from(endsOn.plusDays(1).atStartOfDay(BEIJING).toInstant()))
			.query((rs, n) -> new ProgrammeProgress.Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	private static Programme programme(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Programme(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
				rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(), rs.getTimestamp(8).toInstant());
	}

}
