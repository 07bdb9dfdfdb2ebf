package org.yizhan.operations;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Operators' contracts per station. */
@Repository
class OperatorRepository {

	private static final String COLUMNS = "c.id, c.station_id, c.operator, c.contact_id, c.starts_on, c.ends_on,"
			+ " c.duties, c.signed_at, c.signed_by";

	private final JdbcClient jdbc;

	OperatorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps two contracts of one station from being signed at once past the overlap
	 * check.
	 */
	void lockStation(long station) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('yizhan operator contracts ' || :station, 0))")
			.param("station", station)
			.query((rs, n) -> 1)
			.single();
	}

	/** The station's contracts covering any day from {@code from} to {@code to}. */
	List<Row> listOverlapping(long station, LocalDate from, LocalDate to) {
		return jdbc
			.sql("select " + COLUMNS + " from operator_contract c where c.station_id = :station"
					+ " and c.starts_on <= :to and c.ends_on >= :from order by c.starts_on")
			.param("station", station)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query(OperatorRepository::row)
			.list();
	}

	long insert(long station, String operator, long contact, LocalDate startsOn, LocalDate endsOn,
			Collection<OperatorDuty> duties, Instant at, String by) {
		return jdbc.sql("""
				insert into operator_contract (station_id, operator, contact_id, starts_on, ends_on, duties,
				  signed_at, signed_by)
				values (:station, :operator, :contact, :starts, :ends, cast(:duties as varchar(16)[]), :at, :by)
				returning id""")
			.param("station", station)
			.param("operator", operator)
			.param("contact", contact)
			.param("starts", Date.valueOf(startsOn))
			.param("ends", Date.valueOf(endsOn))
			.param("duties", "{" + String.join(",", duties.stream().map(Enum::name).toList()) + "}")
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from operator_contract c where c.id = :id")
			.param("id", id)
			.query(OperatorRepository::row)
			.optional();
	}

	List<Row> listFor(long station) {
		return jdbc
			.sql("select " + COLUMNS + " from operator_contract c where c.station_id = :station"
					+ " order by c.starts_on desc limit 100")
			.param("station", station)
			.query(OperatorRepository::row)
			.list();
	}

	Optional<Row> findInForce(long station, LocalDate day) {
		return jdbc
			.sql("select " + COLUMNS + " from operator_contract c where c.station_id = :station"
					+ " and c.starts_on <= :day and c.ends_on >= :day")
			.param("station", station)
			.param("day", Date.valueOf(day))
			.query(OperatorRepository::row)
			.optional();
	}

	void end(long id, LocalDate endsOn) {
		jdbc.sql("update operator_contract set ends_on = :ends, version = version + 1 where id = :id")
			.param("id", id)
			.param("ends", Date.valueOf(endsOn))
			.update();
	}

	/** A contract as stored: its contact by id only. */
	record Row(long id, long stationId, String operator, long contactId, LocalDate startsOn, LocalDate endsOn,
			Set<OperatorDuty> duties, Instant signedAt, String signedBy) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Set<OperatorDuty> duties = EnumSet.noneOf(OperatorDuty.class);
		for (String duty : (String[]) rs.getArray("duties").getArray()) {
			duties.add(OperatorDuty.valueOf(duty));
		}
		return new Row(rs.getLong("id"), rs.getLong("station_id"), rs.getString("operator"), rs.getLong("contact_id"),
				rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), duties,
				rs.getTimestamp("signed_at").toInstant(), rs.getString("signed_by"));
	}

}
