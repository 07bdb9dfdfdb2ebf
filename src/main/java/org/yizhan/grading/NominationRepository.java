package org.yizhan.grading;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.yizhan.station.StationLevel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The nominations, the quotas they count against and the batches that name them. */
@Repository
class NominationRepository {

	private static final String COLUMNS = """
			select n.*, s.code, s.name, s.level as level_now, s.stars as stars_now, f.name as from_name,
			  t.name as to_name, p.score, p.proposed_level
			from grading_nomination n
			  join station s on s.id = n.station_id
			  join organization f on f.code = n.from_code
			  join organization t on t.code = n.to_code
			  left join grading_proposal p on p.run_id = n.run_id and p.station_id = n.station_id""";

	private final JdbcClient jdbc;

	NominationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The quota of a union's year, its row locked until the transaction ends. */
	Optional<Integer> lockQuota(String unionCode, int year) {
		return this.jdbc.sql("select quota from grading_quota where union_code = :union and year = :year for update")
			.param("union", unionCode)
			.param("year", year)
			.query(Integer.class)
			.optional();
	}

	void saveQuota(String unionCode, int year, int quota, String by, Instant at) {
		this.jdbc
			.sql("""
					insert into grading_quota (union_code, year, quota, set_by, set_at) values (:union, :year, :quota, :by, :at)
					on conflict (union_code, year) do update set quota = excluded.quota, set_by = excluded.set_by,
					  set_at = excluded.set_at""")
			.param("union", unionCode)
			.param("year", year)
			.param("quota", quota)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** Pending and accepted nominations of a union's year: the places taken. */
	int countUsed(String unionCode, int year) {
		return this.jdbc.sql("""
				select count(*) from grading_nomination
				where from_code = :union and year = :year and status <> 'DECLINED'""")
			.param("union", unionCode)
			.param("year", year)
			.query(Integer.class)
			.single();
	}

	/**
	 * The quotas of {@code unionCodes} for a year, in their order, unset ones included.
	 */
	List<NominationQuota> listQuotas(List<String> unionCodes, int year) {
		return this.jdbc.sql("""
				select o.code, o.name, q.quota,
				  (select count(*) from grading_nomination n
				   where n.from_code = o.code and n.year = :year and n.status <> 'DECLINED') as used
				from unnest(cast(:codes as varchar[])) with ordinality as c(code, i)
				  join organization o on o.code = c.code
				  left join grading_quota q on q.union_code = o.code and q.year = :year
				order by c.i""")
			.param("codes", unionCodes.toArray(String[]::new))
			.param("year", year)
			.query((rs, n) -> new NominationQuota(rs.getString("code"), rs.getString("name"), year,
					(Integer) rs.getObject("quota"), rs.getInt("used")))
			.list();
	}

	/** Whether the station has an open or accepted nomination for the level and year. */
	boolean nominated(long stationId, int year, StationLevel level) {
		return this.jdbc.sql("""
				select exists (select 1 from grading_nomination where station_id = :station and year = :year
				  and level = :level and status <> 'DECLINED')""")
			.param("station", stationId)
			.param("year", year)
			.param("level", level.name())
			.query(Boolean.class)
			.single();
	}

	long insert(long runId, long stationId, int year, String fromCode, String toCode, StationLevel level, String reason,
			String by, Instant at) {
		return this.jdbc.sql("""
				insert into grading_nomination (run_id, station_id, year, from_code, to_code, level, reason, status,
				  nominated_by, nominated_at)
				values (:run, :station, :year, :from, :to, :level, :reason, 'PENDING', :by, :at) returning id""")
			.param("run", runId)
			.param("station", stationId)
			.param("year", year)
			.param("from", fromCode)
			.param("to", toCode)
			.param("level", level.name())
			.param("reason", reason)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	Optional<Nomination> find(long id, boolean lock) {
		return this.jdbc.sql(COLUMNS + " where n.id = :id" + (lock ? " for update of n" : ""))
			.param("id", id)
			.query(NominationRepository::nomination)
			.optional();
	}

	void answer(long id, Nomination.Status status, String answer, String by, Instant at) {
		this.jdbc.sql("""
				update grading_nomination set status = :status, answer = :answer, answered_by = :by, answered_at = :at
				where id = :id and status = 'PENDING'""")
			.param("status", status.name())
			.param("answer", answer)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	/**
	 * A union's nominations of a year, sent ({@code from_code}) or received, newest
	 * first.
	 */
	List<Nomination> list(String column, String unionCode, int year) {
		if (!column.equals("from_code") && !column.equals("to_code")) {
			throw new IllegalArgumentException(column);
		}
		return this.jdbc.sql(COLUMNS + " where n." + column + " = :union and n.year = :year order by n.id desc")
			.param("union", unionCode)
			.param("year", year)
			.query(NominationRepository::nomination)
			.list();
	}

	/**
	 * The accepted nominations to a union of a year not named yet, locked for a batch.
	 */
	List<Nomination> lockAcceptedUnnamed(String toCode, int year) {
		return this.jdbc.sql(COLUMNS + """
				 where n.to_code = :union and n.year = :year and n.status = 'ACCEPTED' and n.batch_id is null
				order by n.id for update of n""")
			.param("union", toCode)
			.param("year", year)
			.query(NominationRepository::nomination)
			.list();
	}

	long insertBatch(String unionCode, int year, String documentNumber, LocalDate documentDate, int stations,
			Instant at, String by) {
		return this.jdbc.sql("""
				insert into grading_batch (run_id, year, union_code, document_number, document_date, stations,
				  created_at, created_by)
				values (null, :year, :union, :number, :date, :stations, :at, :by) returning id""")
			.param("year", year)
			.param("union", unionCode)
			.param("number", documentNumber)
			.param("date", documentDate)
			.param("stations", stations)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	void name(List<Long> nominationIds, long batchId) {
		this.jdbc.sql("update grading_nomination set batch_id = :batch where id = any(cast(:ids as bigint[]))")
			.param("batch", batchId)
			.param("ids", nominationIds.toArray(Long[]::new))
			.update();
	}

	/** The naming batches a union made of its nominations of a year, newest first. */
	List<NamingBatch> listBatches(String unionCode, int year) {
		return this.jdbc.sql("""
				select b.id, b.union_code, b.document_number, b.document_date, b.stations, b.created_at, b.created_by
				from grading_batch b where b.union_code = :union and b.year = :year and b.run_id is null
				order by b.id desc""")
			.param("union", unionCode)
			.param("year", year)
			.query((rs, n) -> new NamingBatch(rs.getLong("id"), null, rs.getString("union_code"),
					rs.getString("document_number"), rs.getObject("document_date", LocalDate.class),
					rs.getInt("stations"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
			.list();
	}

	private static Nomination nomination(ResultSet rs, int n) throws SQLException {
		Timestamp answeredAt = rs.getTimestamp("answered_at");
		String proposed = rs.getString("proposed_level");
		return new Nomination(rs.getLong("id"), rs.getLong("run_id"), rs.getLong("station_id"), rs.getString("code"),
				rs.getString("name"), rs.getInt("year"), rs.getString("from_code"), rs.getString("from_name"),
				rs.getString("to_code"), rs.getString("to_name"), StationLevel.valueOf(rs.getString("level")),
				rs.getString("reason"), Nomination.Status.valueOf(rs.getString("status")), rs.getString("nominated_by"),
				rs.getTimestamp("nominated_at").toInstant(), rs.getString("answer"), rs.getString("answered_by"),
				answeredAt == null ? null : answeredAt.toInstant(), (Long) rs.getObject("batch_id"),
				StationLevel.valueOf(rs.getString("level_now")), rs.getInt("stars_now"), rs.getBigDecimal("score"),
				proposed == null ? null : StationLevel.valueOf(proposed));
	}

}
