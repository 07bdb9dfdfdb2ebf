package org.yizhan.operations;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yizhan.station.VisibleStations;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The supply tables: items per station and the movements of their quantities. */
@Repository
class SupplyRepository {

	private static final String COLUMNS = "i.id, i.station_id, i.category, i.name, i.unit, i.quantity, i.threshold,"
			+ " i.expires_on, i.updated_at, i.updated_by, i.version";

	private final JdbcClient jdbc;

	SupplyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @throws DuplicateKeyException when the station already has an item of that name
	 */
	long insert(long station, SupplyCategory category, String name, String unit, int quantity, int threshold,
			LocalDate expiresOn, Instant at, String by) {
		return jdbc.sql("""
				insert into supply_item (station_id, category, name, unit, quantity, threshold, expires_on,
				  updated_at, updated_by)
				values (:station, :category, :name, :unit, :quantity, :threshold, :expires, :at, :by)
				returning id""")
			.param("station", station)
			.param("category", category.name())
			.param("name", name)
			.param("unit", unit)
			.param("quantity", quantity)
			.param("threshold", threshold)
			.param("expires", expiresOn == null ? null : Date.valueOf(expiresOn))
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	Optional<SupplyItem> lock(long id) {
		return jdbc.sql("select " + COLUMNS + " from supply_item i where i.id = :id for update")
			.param("id", id)
			.query(SupplyRepository::item)
			.optional();
	}

	Optional<SupplyItem> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from supply_item i where i.id = :id")
			.param("id", id)
			.query(SupplyRepository::item)
			.optional();
	}

	void update(SupplyItem item, int quantity, LocalDate expiresOn, SupplyMovement kind, Instant at, String by) {
		jdbc.sql("""
				update supply_item set quantity = :quantity, expires_on = :expires, updated_at = :at,
				  updated_by = :by, version = version + 1
				where id = :id""")
			.param("id", item.id())
			.param("quantity", quantity)
			.param("expires", expiresOn == null ? null : Date.valueOf(expiresOn))
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
		jdbc.sql("""
				insert into supply_movement (item_id, station_id, kind, change, quantity_after, moved_at, moved_by)
				values (:item, :station, :kind, :change, :after, :at, :by)""")
			.param("item", item.id())
			.param("station", item.stationId())
			.param("kind", kind.name())
			.param("change", quantity - item.quantity())
			.param("after", quantity)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	List<SupplyItem> listFor(long station) {
		return jdbc
			.sql("select " + COLUMNS + " from supply_item i where i.station_id = :station"
					+ " order by i.category, lower(i.name)")
			.param("station", station)
			.query(SupplyRepository::item)
			.list();
	}

	/** A warning row: the item and its station's code and name. */
	record Found(SupplyItem item, String stationCode, String stationName) {
	}

	/**
	 * The items of the visible stations in the union's subtree that expire by
	 * {@code expiringBy}, are out, or are under their threshold, soonest first.
	 */
	List<Found> listNeedingAttention(VisibleStations visible, String path, LocalDate expiringBy, int limit) {
		Map<String, Object> params = new HashMap<>();
		String condition = visible.condition(params);
		params.put("path", path);
		params.put("by", Date.valueOf(expiringBy));
		params.put("limit", limit);
		return jdbc.sql("select " + COLUMNS + ", s.code as station_code, s.name as station_name"
				+ " from supply_item i join station s on s.id = i.station_id" + " where s.status <> 'DELISTED' and "
				+ condition
				+ " and s.district_code in (select code from organization where path = :path or path like :path || '/%')"
				+ " and (i.expires_on <= :by or i.quantity = 0 or i.quantity < i.threshold)"
				+ " order by i.expires_on nulls last, i.quantity, s.code, i.name limit :limit")
			.params(params)
			.query((rs, n) -> new Found(item(rs, n), rs.getString("station_code"), rs.getString("station_name")))
			.list();
	}

	/** What the union's visible stations used over the range, by category. */
	Map<SupplyCategory, Long> sumUsed(String path, LocalDate from, LocalDate to) {
		Map<SupplyCategory, Long> used = new HashMap<>();
		jdbc.sql("""
				select i.category, -sum(m.change) as used from supply_movement m
				join supply_item i on i.id = m.item_id
				join station s on s.id = m.station_id
				where m.kind = 'USED' and m.moved_at >= :from and m.moved_at < :to
				  and s.district_code in (select code from organization where path = :path or path like :path || '/%')
				group by i.category""")
			.param("path", path)
			.param("from", Timestamp.from(from.atStartOfDay(org.yizhan.platform.YizhanTime.ZONE).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(org.yizhan.platform.YizhanTime.ZONE).toInstant()))
			.query((rs, n) -> used.put(SupplyCategory.valueOf(rs.getString("category")), rs.getLong("used")))
			.list();
		return used;
	}

	private static SupplyItem item(ResultSet rs, int n) throws SQLException {
		Date expires = rs.getDate("expires_on");
		return new SupplyItem(rs.getLong("id"), rs.getLong("station_id"),
				SupplyCategory.valueOf(rs.getString("category")), rs.getString("name"), rs.getString("unit"),
				rs.getInt("quantity"), rs.getInt("threshold"), expires == null ? null : expires.toLocalDate(),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), rs.getLong("version"));
	}

}
