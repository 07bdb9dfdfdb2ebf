package org.yizhan.partner;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads a programme's partners and its union share, whether asked by an account (its
 * scope's condition) or by a partner's API key (its partner's programmes): one place for
 * the SQL that decides what a partner may learn of a station.
 */
@Component
class ProgrammeQueries {

	private final JdbcClient jdbc;

	ProgrammeQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The programmes a condition on {@code g} admits, with partners and brand. */
	List<PartnerProgramme> programmes(String condition, Map<String, Object> params) {
		return this.jdbc.sql("""
				select g.id, g.name, g.organization_code, g.starts_on, g.ends_on, b.brand_name, b.sign_text,
				       array(select p.name from partner_programme pp join partner p on p.id = pp.partner_id
				             where pp.programme_id = g.id order by p.name) as partners
				from programme g left join programme_brand b on b.programme_id = g.id
				where %s order by g.starts_on desc, g.id desc
				""".formatted(condition)).params(params).query((rs, n) -> programme(rs)).list();
	}

	Optional<PartnerProgramme> programme(long id, String condition, Map<String, Object> params) {
		Map<String, Object> all = new LinkedHashMap<>(params);
		all.put("programme", id);
		return programmes("g.id = :programme and " + condition, all).stream().findFirst();
	}

	private static PartnerProgramme programme(ResultSet rs) throws SQLException {
		String brand = rs.getString("brand_name");
		return new PartnerProgramme(rs.getLong("id"), rs.getString("name"), rs.getString("organization_code"),
				rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
				List.of((String[]) rs.getArray("partners").getArray()),
				(brand != null) ? new ProgrammeBrand(brand, rs.getString("sign_text")) : null);
	}

	/** A programme's stations, by code. */
	List<ProgrammeStation> stations(long programmeId) {
		return this.jdbc.sql("""
				select s.id, s.code, s.name, s.district_code, s.status, ps.run_by, ps.joined_at
				from programme_station ps join station s on s.id = ps.station_id
				where ps.programme_id = :programme order by s.code
				""").param("programme", programmeId).query((rs, n) -> station(rs)).list();
	}

	static ProgrammeStation station(ResultSet rs) throws SQLException {
		return new ProgrammeStation(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getString("district_code"), rs.getString("status"), RunBy.valueOf(rs.getString("run_by")),
				rs.getTimestamp("joined_at").toInstant());
	}

	/**
	 * A programme's figures over {@code from}..{@code to}: set-based over its stations,
	 * read from the owners' tables the way their owners count them.
	 */
	ProgrammeFigures figures(long programmeId, LocalDate from, LocalDate to) {
		Map<String, Long> byStatus = new LinkedHashMap<>();
		this.jdbc.sql("""
				select s.status, count(*) as stations from programme_station ps join station s on s.id = ps.station_id
				where ps.programme_id = :programme group by s.status order by s.status
				""")
			.param("programme", programmeId)
			.query((rs, n) -> byStatus.put(rs.getString("status"), rs.getLong("stations")))
			.list();
		long visits = this.jdbc.sql("""
				select coalesce(sum(v.visits), 0) from visit_day v
				where v.station_id in (select station_id from programme_station where programme_id = :programme)
				  and v.day between :from and :to
				""")
			.param("programme", programmeId)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query(Long.class)
			.single();
		// Used (领用/消耗) movements carry a negative change; the figure is what was handed
		// out.
		long used = this.jdbc.sql("""
				select coalesce(-sum(m.change), 0) from supply_movement m
				where m.station_id in (select station_id from programme_station where programme_id = :programme)
				  and m.kind = 'USED'
				  and m.moved_at >= cast(:from as date) at time zone 'Asia/Shanghai'
				  and m.moved_at < (cast(:to as date) + 1) at time zone 'Asia/Shanghai'
				""")
			.param("programme", programmeId)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query(Long.class)
			.single();
		return this.jdbc.sql("""
				select count(*) as ratings, avg(r.stars) as average, count(*) filter (where r.stars >= 4) as satisfied
				from rating r
				where r.station_id in (select station_id from programme_station where programme_id = :programme)
				  and r.status = 'COUNTED' and r.rating_day between :from and :to
				""")
			.param("programme", programmeId)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, n) -> {
				double average = rs.getDouble("average");
				Double mean = rs.wasNull() ? null : Math.round(average * 100) / 100.0;
				return new ProgrammeFigures(programmeId, from, to, byStatus, visits, used, rs.getLong("ratings"), mean,
						rs.getLong("satisfied"));
			})
			.single();
	}

	/** The changes at the programmes a condition on {@code g} admits, after a cursor. */
	List<PartnerChange> changes(String condition, Map<String, Object> params, long after, int limit) {
		Map<String, Object> all = new LinkedHashMap<>(params);
		all.put("after", after);
		all.put("limit", limit);
		return this.jdbc.sql("""
				select c.id, c.programme_id, c.station_id, s.code, c.kind, c.occurred_at
				from partner_change c join station s on s.id = c.station_id
				where c.id > :after and c.programme_id in (select g.id from programme g where %s)
				order by c.id limit :limit
				""".formatted(condition))
			.params(all)
			.query((rs, n) -> new PartnerChange(rs.getLong("id"), rs.getLong("programme_id"), rs.getLong("station_id"),
					rs.getString("code"), rs.getString("kind"), rs.getTimestamp("occurred_at").toInstant()))
			.list();
	}

}
