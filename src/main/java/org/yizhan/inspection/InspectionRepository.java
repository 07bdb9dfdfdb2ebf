package org.yizhan.inspection;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored inspections, their answers and photos. */
@Repository
class InspectionRepository {

	private static final String SELECT = """
			select i.*, c.name as campaign_name, c.kind, c.mystery, c.published_at, c.union_code, c.checklist_id,
			  c.checklist_version_id, c.checklist_version_number, c.checklist_name_zh, c.checklist_name_en,
			  o.path as union_path, st.code as station_code, st.name as station_name, a.display_name as inspector_name
			from inspection i
			join inspection_campaign c on c.id = i.campaign_id
			join organization o on o.code = c.union_code
			join station st on st.id = i.station_id
			join account a on a.id = i.inspector_id
			""";

	private final JdbcClient jdbc;

	InspectionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An inspection with what scoping and its event need of its campaign. */
	record Stored(Inspection inspection, String unionCode, String unionPath, long checklistId,
			long checklistVersionId) {
	}

	/** A new inspection's row. */
	record NewInspection(UUID clientId, long campaignId, long stationId, String districtCode, long inspectorId,
			Instant inspectedAt, Instant submittedAt, Boolean nearStation, String note, BigDecimal score,
			boolean passed, int failedItems) {
	}

	/**
	 * Inserts the inspection; empty when its client id or its campaign and station are
	 * taken (by a repeat of the same submission, or by another inspection of the
	 * station).
	 */
	Optional<Long> insert(NewInspection row) {
		return this.jdbc.sql("""
				insert into inspection (client_id, campaign_id, station_id, district_code, inspector_id, inspected_at,
				  submitted_at, near_station, note, score, passed, failed_items)
				values (:client, :campaign, :station, :district, :inspector, :inspected, :submitted, :near, :note,
				  :score, :passed, :failed)
				on conflict do nothing returning id""")
			.param("client", row.clientId())
			.param("campaign", row.campaignId())
			.param("station", row.stationId())
			.param("district", row.districtCode())
			.param("inspector", row.inspectorId())
			.param("inspected", Timestamp.from(row.inspectedAt()))
			.param("submitted", Timestamp.from(row.submittedAt()))
			.param("near", row.nearStation(), java.sql.Types.BOOLEAN)
			.param("note", row.note(), java.sql.Types.VARCHAR)
			.param("score", row.score())
			.param("passed", row.passed())
			.param("failed", row.failedItems())
			.query(Long.class)
			.optional();
	}

	void insertAnswer(long inspectionId, String code, boolean passed, BigDecimal score, String note) {
		this.jdbc.sql("""
				insert into inspection_answer (inspection_id, item_code, passed, score, note)
				values (:id, :code, :passed, :score, :note)""")
			.param("id", inspectionId)
			.param("code", code)
			.param("passed", passed)
			.param("score", score, java.sql.Types.NUMERIC)
			.param("note", note, java.sql.Types.VARCHAR)
			.update();
	}

	long insertPhoto(long inspectionId, String code, String key) {
		return this.jdbc.sql("""
				insert into inspection_photo (inspection_id, item_code, photo_key) values (?, ?, ?) returning id""")
			.params(inspectionId, code, key)
			.query(Long.class)
			.single();
	}

	boolean photoKeyInUse(String key) {
		return this.jdbc.sql("select exists (select 1 from inspection_photo where photo_key = ?)")
			.param(key)
			.query(Boolean.class)
			.single();
	}

	/** The inspection a client id stored, with its inspector. */
	Optional<Stored> findByClientId(UUID clientId) {
		return load(" where i.client_id = :client", Map.of("client", clientId)).stream().findFirst();
	}

	Optional<Stored> findById(long id) {
		return load(" where i.id = :id", Map.of("id", id)).stream().findFirst();
	}

	/**
	 * A station's inspections, newest first, that the caller may see: those of open
	 * campaigns and of published ones, and every one of a campaign the caller sees as
	 * union staff above its union ({@code readerPath}) or is named by.
	 */
	List<Stored> listForStation(long stationId, String readerPath, long accountId) {
		Map<String, Object> params = new HashMap<>();
		params.put("station", stationId);
		params.put("path", readerPath == null ? "" : readerPath);
		params.put("me", accountId);
		return load(
				"""
						where i.station_id = :station
						  and (not c.mystery or c.published_at is not null
						       or (:path <> '' and (o.path = :path or o.path like :path || '/%'))
						       or exists (select 1 from inspection_assignee x where x.campaign_id = c.id and x.account_id = :me))
						order by i.inspected_at desc, i.id desc limit 200""",
				params);
	}

	/** Where a photo belongs: its inspection and the key it is stored under. */
	record Photo(long inspectionId, String itemCode, String key) {
	}

	Optional<Photo> findPhoto(long photoId) {
		return this.jdbc.sql("select inspection_id, item_code, photo_key from inspection_photo where id = ?")
			.param(photoId)
			.query((rs, n) -> new Photo(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/** A campaign's inspections, for the publication of its results. */
	List<Stored> listForCampaign(long campaignId) {
		return load(" where i.campaign_id = :campaign order by i.id", Map.of("campaign", campaignId));
	}

	private List<Stored> load(String where, Map<String, ?> params) {
		List<Stored> rows = this.jdbc.sql(SELECT + where).params(params).query((rs, n) -> stored(rs)).list();
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<Inspection.Answer>> answers = new HashMap<>();
		this.jdbc.sql("""
				select x.inspection_id, x.item_code, x.passed, x.score, x.note, ci.text_zh, ci.text_en, ci.required,
				  p.id as photo_id
				from inspection_answer x
				join inspection i on i.id = x.inspection_id
				join inspection_campaign_item ci on ci.campaign_id = i.campaign_id and ci.code = x.item_code
				left join inspection_photo p on p.inspection_id = x.inspection_id and p.item_code = x.item_code
				where x.inspection_id in (:ids) order by x.inspection_id, ci.position""")
			.param("ids", rows.stream().map(row -> row.inspection().id()).toList())
			.query((ResultSet rs) -> {
				answers.computeIfAbsent(rs.getLong("inspection_id"), key -> new ArrayList<>())
					.add(new Inspection.Answer(rs.getString("item_code"), rs.getString("text_zh"),
							rs.getString("text_en"), rs.getBoolean("required"), rs.getBoolean("passed"),
							rs.getBigDecimal("score"), rs.getString("note"), (Long) rs.getObject("photo_id")));
			});
		return rows.stream().map(row -> {
			Inspection i = row.inspection();
			return new Stored(
					new Inspection(i.id(), i.clientId(), i.campaignId(), i.campaignName(), i.kind(), i.mystery(),
							i.published(), i.stationId(), i.stationCode(), i.stationName(), i.districtCode(),
							i.inspectorId(), i.inspectorName(), i.inspectedAt(), i.submittedAt(), i.nearStation(),
							i.note(), i.score(), i.passed(), i.failedItems(), i.checklistNameZh(), i.checklistNameEn(),
							i.checklistVersionNumber(), answers.getOrDefault(i.id(), List.of())),
					row.unionCode(), row.unionPath(), row.checklistId(), row.checklistVersionId());
		}).toList();
	}

	private static Stored stored(ResultSet rs) throws SQLException {
		boolean mystery = rs.getBoolean("mystery");
		boolean published = !mystery || rs.getTimestamp("published_at") != null;
		Inspection inspection = new Inspection(rs.getLong("id"), rs.getString("client_id"), rs.getLong("campaign_id"),
				rs.getString("campaign_name"), CampaignKind.valueOf(rs.getString("kind")), mystery, published,
				rs.getLong("station_id"), rs.getString("station_code"), rs.getString("station_name"),
				rs.getString("district_code"), rs.getLong("inspector_id"), rs.getString("inspector_name"),
				rs.getTimestamp("inspected_at").toInstant(), rs.getTimestamp("submitted_at").toInstant(),
				(Boolean) rs.getObject("near_station"), rs.getString("note"), rs.getBigDecimal("score"),
				rs.getBoolean("passed"), rs.getInt("failed_items"), rs.getString("checklist_name_zh"),
				rs.getString("checklist_name_en"), rs.getInt("checklist_version_number"), List.of());
		return new Stored(inspection, rs.getString("union_code"), rs.getString("union_path"),
				rs.getLong("checklist_id"), rs.getLong("checklist_version_id"));
	}

}
