package org.yizhan.standard;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yizhan.station.Amenity;
import org.yizhan.station.VisibleStations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored judgements, the evidence recorded so far, and the stations the report judges.
 */
@Repository
class JudgementRepository {

	private final JdbcClient jdbc;

	JudgementRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What someone recorded for an item, the newest answer per item. */
	record Recorded(Boolean yes, BigDecimal number, Long photoId) {
	}

	/** What a judgement reads of a station: enough to judge the items it derives. */
	record StationFacts(long stationId, String code, String name, String districtCode, Set<Amenity> amenities,
			BigDecimal areaM2, Integer seats) {
	}

	long insert(StationJudgement judgement) {
		long id = jdbc.sql("""
				insert into station_judgement (station_id, checklist_version_id, purpose, met, judged_at, judged_by)
				values (:station, :version, :purpose, :met, :at, :by) returning id""")
			.param("station", judgement.stationId())
			.param("version", judgement.against().versionId())
			.param("purpose", judgement.purpose())
			.param("met", judgement.met())
			.param("at", Timestamp.from(judgement.judgedAt()))
			.param("by", judgement.judgedBy())
			.query(Long.class)
			.single();
		for (StationJudgement.JudgedItem item : judgement.items()) {
			jdbc.sql("""
					insert into station_judgement_item (judgement_id, version_id, item_code, answer_yes, answer_number,
					  photo_id, amenity_present, met)
					values (:judgement, :version, :code, :yes, :number, :photo, :amenity, :met)""")
				.param("judgement", id)
				.param("version", item.versionId())
				.param("code", item.item().code())
				.param("yes", item.yes(), java.sql.Types.BOOLEAN)
				.param("number", item.number(), java.sql.Types.NUMERIC)
				.param("photo", item.photoId(), java.sql.Types.BIGINT)
				.param("amenity", item.amenityPresent(), java.sql.Types.BOOLEAN)
				.param("met", item.met())
				.update();
		}
		return id;
	}

	/**
	 * The newest answer someone recorded for each item code, per station: only judgements
	 * made by people count (a listing's judgement records nothing new).
	 */
	Map<Long, Map<String, Recorded>> listRecorded(Collection<Long> stationIds) {
		Map<Long, Map<String, Recorded>> recorded = new HashMap<>();
		if (stationIds.isEmpty()) {
			return recorded;
		}
		jdbc.sql("""
				select distinct on (j.station_id, i.item_code) j.station_id, i.item_code, i.answer_yes, i.answer_number,
				  i.photo_id
				from station_judgement_item i join station_judgement j on j.id = i.judgement_id
				where j.station_id in (:ids) and j.purpose = 'RECORDED'
				  and (i.answer_yes is not null or i.answer_number is not null or i.photo_id is not null)
				order by j.station_id, i.item_code, j.judged_at desc, j.id desc""")
			.param("ids", stationIds)
			.query((ResultSet rs) -> {
				recorded.computeIfAbsent(rs.getLong("station_id"), key -> new HashMap<>())
					.put(rs.getString("item_code"), new Recorded((Boolean) rs.getObject("answer_yes"),
							rs.getBigDecimal("answer_number"), (Long) rs.getObject("photo_id")));
			});
		return recorded;
	}

	/**
	 * A station's judgements, newest first, each with the items of the versions it was
	 * judged against.
	 */
	List<StationJudgement> listFor(long stationId) {
		Map<Long, List<StationJudgement.JudgedItem>> items = new LinkedHashMap<>();
		jdbc.sql(
				"""
						select i.judgement_id, i.version_id, i.answer_yes, i.answer_number, i.photo_id, i.amenity_present, i.met,
						  ci.code, ci.text_zh, ci.text_en, ci.evidence, ci.amenity, ci.minimum, ci.unit, ci.measure, ci.required
						from station_judgement_item i
						join station_judgement j on j.id = i.judgement_id
						join checklist_item ci on ci.version_id = i.version_id and ci.code = i.item_code
						where j.station_id = :station
						order by i.judgement_id, ci.version_id, ci.position""")
			.param("station", stationId)
			.query((ResultSet rs) -> {
				String amenity = rs.getString("amenity");
				String measure = rs.getString("measure");
				ChecklistItem item = new ChecklistItem(rs.getString("code"), rs.getString("text_zh"),
						rs.getString("text_en"), Evidence.valueOf(rs.getString("evidence")),
						amenity == null ? null : Amenity.valueOf(amenity), rs.getBigDecimal("minimum"),
						rs.getString("unit"), measure == null ? null : StationMeasure.valueOf(measure),
						rs.getBoolean("required"));
				items.computeIfAbsent(rs.getLong("judgement_id"), key -> new ArrayList<>())
					.add(new StationJudgement.JudgedItem(item, rs.getLong("version_id"),
							(Boolean) rs.getObject("answer_yes"), rs.getBigDecimal("answer_number"),
							(Long) rs.getObject("photo_id"), (Boolean) rs.getObject("amenity_present"),
							rs.getBoolean("met")));
			});
		return jdbc.sql("""
				select j.id, j.station_id, j.purpose, j.judged_at, j.judged_by, v.id as version_id, v.number,
				  c.id as checklist_id, c.name_zh, c.name_en
				from station_judgement j
				join checklist_version v on v.id = j.checklist_version_id
				join checklist c on c.id = v.checklist_id
				where j.station_id = :station order by j.judged_at desc, j.id desc""")
			.param("station", stationId)
			.query((rs, n) -> new StationJudgement(rs.getLong("id"), rs.getLong("station_id"),
					new StationJudgement.JudgedAgainst(rs.getLong("checklist_id"), rs.getString("name_zh"),
							rs.getString("name_en"), rs.getLong("version_id"), rs.getInt("number")),
					rs.getString("purpose"), rs.getTimestamp("judged_at").toInstant(), rs.getString("judged_by"),
					items.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/**
	 * The listed stations the caller sees in a union's subtree that some union up their
	 * tree has set a standard for: the candidates of the report.
	 */
	List<StationFacts> listListedUnderStandards(String unionPath, VisibleStations visible) {
		Map<String, Object> params = new HashMap<>();
		String condition = visible.condition(params);
		params.put("path", unionPath);
		return jdbc.sql("""
				select s.id, s.code, s.name, s.district_code, s.amenities, s.area_m2, s.seats
				from station s join organization d on d.code = s.district_code
				where s.status = 'LISTED' and (d.path = :path or d.path like :path || '/%')
				  and exists (select 1 from checklist_assignment a join organization o on o.code = a.union_code
				              where d.path = o.path or d.path like o.path || '/%')
				""" + " and (" + condition + ") order by s.code").params(params).query((rs, n) -> facts(rs)).list();
	}

	private static StationFacts facts(ResultSet rs) throws SQLException {
		Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
		Array array = rs.getArray("amenities");
		if (array != null) {
			for (Object value : (Object[]) array.getArray()) {
				try {
					amenities.add(Amenity.valueOf((String) value));
				}
				catch (IllegalArgumentException ex) {
					// an amenity no longer in the catalogue counts for no item
				}
			}
		}
		return new StationFacts(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getString("district_code"), amenities, rs.getBigDecimal("area_m2"), (Integer) rs.getObject("seats"));
	}

}
