package org.yizhan.rating;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the review queue: held ratings of the stations the caller sees, and their
 * review. A rating is found by its id alone ({@code rating_id_idx}), its station joined
 * for the scope condition.
 */
@Component
public class HeldRatingStore {

	private static final String COLUMNS = """
			r.id, r.rating_day, r.created_at, r.stars, r.tags, r.category, r.comment, r.status, r.hold_reasons,
			r.near_station, r.reviewed_at, s.id as station_id, s.code as station_code, s.name as station_name,
			s.district_code""";

	private final JdbcClient jdbc;

	HeldRatingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A rating as the queue shows it, with its station. */
	public record Row(long id, LocalDate day, Instant createdAt, int stars, List<String> tags, String category,
			String comment, String status, List<String> holdReasons, Boolean nearStation, Instant reviewedAt,
			long stationId, String stationCode, String stationName, String districtCode) {
	}

	/**
	 * Held ratings of visible stations in the subtree at {@code path}, newest first.
	 * @param visible a condition on {@code station s}, its parameters in {@code params}
	 */
	public List<Row> listHeld(String path, String visible, Map<String, Object> params, long offset, int limit) {
		return this.jdbc
			.sql("""
					select %s from rating r join station s on s.id = r.station_id
					where r.status = 'HELD' and %s and %s
					order by r.created_at desc, r.id desc offset :offset limit :limit""".formatted(COLUMNS, visible,
					inSubtree()))
			.params(with(params, "path", path, "offset", offset, "limit", limit))
			.query(HeldRatingStore::row)
			.list();
	}

	public long countHeld(String path, String visible, Map<String, Object> params) {
		return this.jdbc.sql("""
				select count(*) from rating r join station s on s.id = r.station_id
				where r.status = 'HELD' and %s and %s""".formatted(visible, inSubtree()))
			.params(with(params, "path", path))
			.query(Long.class)
			.single();
	}

	/**
	 * The ratings of {@code ids} that the caller sees, locked for their review until the
	 * transaction ends; in id order, so two reviews of overlapping sets cannot deadlock.
	 */
	public List<Row> lockVisible(List<Long> ids, String visible, Map<String, Object> params) {
		return this.jdbc.sql("""
				select %s from rating r join station s on s.id = r.station_id
				where r.id in (:ids) and %s
				order by r.id for update of r""".formatted(COLUMNS, visible))
			.params(with(params, "ids", ids))
			.query(HeldRatingStore::row)
			.list();
	}

	/**
	 * Gives held ratings their verdict; the triggers of V13 move them in the figures in
	 * the same statement. Returns how many changed.
	 */
	public int review(List<Row> ratings, String status, long reviewerId, Instant at) {
		int changed = 0;
		for (Row rating : ratings) {
			changed += this.jdbc.sql("""
					update rating set status = :status, reviewed_by = :reviewer, reviewed_at = :at
					where rating_day = :day and id = :id and status = 'HELD'""")
				.param("status", status)
				.param("reviewer", reviewerId)
				.param("at", Timestamp.from(at))
				.param("day", rating.day())
				.param("id", rating.id())
				.update();
		}
		return changed;
	}

	private static String inSubtree() {
		return "s.district_code in (select code from organization where path = :path or path like :path || '/%')";
	}

	private static Map<String, Object> with(Map<String, Object> params, Object... pairs) {
		Map<String, Object> all = new HashMap<>(params);
		for (int i = 0; i < pairs.length; i += 2) {
			all.put((String) pairs[i], pairs[i + 1]);
		}
		return all;
	}

	private static Row row(ResultSet rs, int row) throws SQLException {
		OffsetDateTime reviewed = rs.getObject("reviewed_at", OffsetDateTime.class);
		return new Row(rs.getLong("id"), rs.getObject("rating_day", LocalDate.class),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("stars"),
				FigureQueries.strings(rs.getArray("tags")), rs.getString("category"), rs.getString("comment"),
				rs.getString("status"), FigureQueries.strings(rs.getArray("hold_reasons")),
				(Boolean) rs.getObject("near_station"), (reviewed == null) ? null : reviewed.toInstant(),
				rs.getLong("station_id"), rs.getString("station_code"), rs.getString("station_name"),
				rs.getString("district_code"));
	}

}
