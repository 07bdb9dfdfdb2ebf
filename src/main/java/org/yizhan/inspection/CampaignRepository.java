package org.yizhan.inspection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yizhan.ticket.RectificationTally;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns, their items, assignees and samples. */
@Repository
class CampaignRepository {

	private static final String SELECT = """
			select c.*, o.name as union_name, o.path as union_path,
			  (select count(*) from inspection_sample s where s.campaign_id = c.id) as sample_size
			from inspection_campaign c join organization o on o.code = c.union_code
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	CampaignRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** A campaign as its row says, with its union's path for scoping. */
	record Stored(Campaign campaign, String unionPath) {
	}

	/** What a new campaign's row holds. */
	record NewCampaign(String unionCode, CampaignKind kind, String name, boolean mystery, long checklistId,
			long checklistVersionId, int checklistVersionNumber, String checklistNameZh, String checklistNameEn,
			Integer samplePercent, long seed, LocalDate startsOn, LocalDate endsOn, String series, String period,
			Instant createdAt, String createdBy) {
	}

	/** An account that may be named on a campaign. */
	record Candidate(long id, String username, String displayName, String path, List<String> roles,
			LocalDate contractEndsOn, boolean enabled) {
	}

	/**
	 * Inserts the campaign's row; empty when its series already has a campaign for the
	 * period (another instance, or another admin, was first).
	 */
	Optional<Long> insert(NewCampaign c) {
		return this.jdbc.sql("""
				insert into inspection_campaign (union_code, kind, name, mystery, checklist_id, checklist_version_id,
				  checklist_version_number, checklist_name_zh, checklist_name_en, sample_percent, seed, starts_on,
				  ends_on, series, period, created_at, created_by)
				values (:union, :kind, :name, :mystery, :checklist, :version, :number, :nameZh, :nameEn, :percent,
				  :seed, :starts, :ends, :series, :period, :at, :by)
				on conflict (series, period) do nothing
				returning id""")
			.param("union", c.unionCode())
			.param("kind", c.kind().name())
			.param("name", c.name())
			.param("mystery", c.mystery())
			.param("checklist", c.checklistId())
			.param("version", c.checklistVersionId())
			.param("number", c.checklistVersionNumber())
			.param("nameZh", c.checklistNameZh())
			.param("nameEn", c.checklistNameEn())
			.param("percent", c.samplePercent(), java.sql.Types.SMALLINT)
			.param("seed", c.seed())
			.param("starts", c.startsOn())
			.param("ends", c.endsOn())
			.param("series", c.series(), java.sql.Types.VARCHAR)
			.param("period", c.period(), java.sql.Types.VARCHAR)
			.param("at", Timestamp.from(c.createdAt()))
			.param("by", c.createdBy())
			.query(Long.class)
			.optional();
	}

	void insertItems(long campaignId, List<CampaignItem> items) {
		for (int i = 0; i < items.size(); i++) {
			CampaignItem item = items.get(i);
			this.jdbc.sql("""
					insert into inspection_campaign_item (campaign_id, position, code, text_zh, text_en, required)
					values (?, ?, ?, ?, ?, ?)""")
				.params(campaignId, i + 1, item.code(), item.textZh(), item.textEn(), item.required())
				.update();
		}
	}

	void insertAssignees(long campaignId, List<Long> accountIds) {
		accountIds.forEach(account -> this.jdbc
			.sql("insert into inspection_assignee (campaign_id, account_id) values (?, ?) on conflict do nothing")
			.params(campaignId, account)
			.update());
	}

	/**
	 * The drawn sample in one statement from arrays, so 18,600 stations cost one trip.
	 */
	void insertSample(long campaignId, List<StationSample.Drawn> drawn) {
		Long[] stations = new Long[drawn.size()];
		String[] districts = new String[drawn.size()];
		Long[] assignees = new Long[drawn.size()];
		for (int i = 0; i < drawn.size(); i++) {
			stations[i] = drawn.get(i).stationId();
			districts[i] = drawn.get(i).districtCode();
			assignees[i] = drawn.get(i).assigneeId();
		}
		this.template.execute("""
				insert into inspection_sample (campaign_id, station_id, district_code, assignee_id)
				select ?, u.station_id, u.district_code, u.assignee_id
				from unnest(?::int8[], ?::varchar[], ?::int8[]) as u(station_id, district_code, assignee_id)""",
				(PreparedStatement statement) -> {
					statement.setLong(1, campaignId);
					statement.setArray(2, statement.getConnection().createArrayOf("int8", stations));
					statement.setArray(3, statement.getConnection().createArrayOf("varchar", districts));
					statement.setArray(4, statement.getConnection().createArrayOf("int8", assignees));
					return statement.executeUpdate();
				});
	}

	/** The listed stations of a subtree with their districts: the sample's candidates. */
	Candidates listCandidates(String unionPath) {
		List<Long> ids = new ArrayList<>();
		List<String> districts = new ArrayList<>();
		this.jdbc.sql("""
				select s.id, s.district_code from station s join organization d on d.code = s.district_code
				where s.status = 'LISTED' and (d.path = :path or d.path like :path || '/%')""")
			.param("path", unionPath)
			.query((ResultSet rs) -> {
				ids.add(rs.getLong(1));
				districts.add(rs.getString(2));
			});
		return new Candidates(ids.stream().mapToLong(Long::longValue).toArray(), districts.toArray(String[]::new));
	}

	record Candidates(long[] stationIds, String[] districts) {
	}

	List<Candidate> listCandidateAccounts(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select a.id, a.username, a.display_name, a.roles, a.contract_ends_on, a.enabled, o.path
				from account a join organization o on o.code = a.organization_code where a.id in (:ids)""")
			.param("ids", ids)
			.query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
					rs.getString("path"), List.of((String[]) rs.getArray("roles").getArray()),
					rs.getObject("contract_ends_on", LocalDate.class), rs.getBoolean("enabled")))
			.list();
	}

	/** An evaluator's contract's last day, {@code null} for an account without one. */
	Optional<LocalDate> findContractEnd(long accountId) {
		return this.jdbc.sql("select contract_ends_on from account where id = ? and contract_ends_on is not null")
			.param(accountId)
			.query(LocalDate.class)
			.optional();
	}

	Optional<Stored> findById(long id) {
		return this.jdbc.sql(SELECT + " where c.id = :id").param("id", id).query((rs, n) -> stored(rs)).optional();
	}

	Optional<Stored> findBySeries(String series, String period) {
		return this.jdbc.sql(SELECT + " where c.series = :series and c.period = :period")
			.param("series", series)
			.param("period", period)
			.query((rs, n) -> stored(rs))
			.optional();
	}

	/**
	 * The campaigns of unions in the subtree at {@code path} (none when {@code null}) and
	 * those naming the account, newest first.
	 */
	List<Stored> listVisible(String path, long accountId) {
		return this.jdbc.sql(SELECT + """
				 where (cast(:path as varchar) is not null and (o.path = :path or o.path like :path || '/%'))
				   or exists (select 1 from inspection_assignee a where a.campaign_id = c.id and a.account_id = :me)
				order by c.starts_on desc, c.id desc limit 500""")
			.param("path", path, java.sql.Types.VARCHAR)
			.param("me", accountId)
			.query((rs, n) -> stored(rs))
			.list();
	}

	/** The newest campaign of each series: the templates of the next period's. */
	List<Stored> listSeriesTemplates() {
		return this.jdbc.sql(SELECT + """
				where c.series is not null and c.id = (select max(n.id) from inspection_campaign n
				  where n.series = c.series and n.period = (select max(p.period) from inspection_campaign p
				    where p.series = c.series))""").query((rs, n) -> stored(rs)).list();
	}

	boolean isAssignee(long campaignId, long accountId) {
		return this.jdbc
			.sql("select exists (select 1 from inspection_assignee where campaign_id = ? and account_id = ?)")
			.params(campaignId, accountId)
			.query(Boolean.class)
			.single();
	}

	/** Whether a campaign naming the account has the station in its sample. */
	boolean isSampledFor(long stationId, long accountId) {
		return this.jdbc.sql("""
				select exists (select 1 from inspection_sample s
				  join inspection_assignee a on a.campaign_id = s.campaign_id
				  where s.station_id = ? and a.account_id = ?)""")
			.params(stationId, accountId)
			.query(Boolean.class)
			.single();
	}

	List<Long> listAssigneeIds(long campaignId) {
		return this.jdbc.sql("select account_id from inspection_assignee where campaign_id = ? order by account_id")
			.param(campaignId)
			.query(Long.class)
			.list();
	}

	/** A sampled station: whose worklist holds it, and where it is. */
	record Sampled(long assigneeId, String districtCode, double lat, double lon) {
	}

	/** The station in the campaign's sample, if it is sampled. */
	Optional<Sampled> findSampled(long campaignId, long stationId) {
		return this.jdbc.sql("""
				select s.assignee_id, s.district_code, st.lat, st.lon
				from inspection_sample s join station st on st.id = s.station_id
				where s.campaign_id = ? and s.station_id = ?""")
			.params(campaignId, stationId)
			.query((rs, n) -> new Sampled(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4)))
			.optional();
	}

	/**
	 * Planned, visited, passed and failed per district of the sample: one pass over the
	 * campaign's sample rows and its inspections (both by campaign first in their keys).
	 */
	Map<String, CampaignProgress.Counts> countByDistrict(long campaignId) {
		Map<String, CampaignProgress.Counts> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select s.district_code, count(*) as planned, count(i.id) as visited,
				  count(*) filter (where i.passed) as passed, count(*) filter (where not i.passed) as failed
				from inspection_sample s
				left join inspection i on i.campaign_id = s.campaign_id and i.station_id = s.station_id
				where s.campaign_id = :id group by s.district_code order by s.district_code""")
			.param("id", campaignId)
			.query((ResultSet rs) -> {
				counts.put(rs.getString("district_code"), new CampaignProgress.Counts(rs.getLong("planned"),
						rs.getLong("visited"), rs.getLong("passed"), rs.getLong("failed"), RectificationTally.NONE));
			});
		return counts;
	}

	/**
	 * The district of each of the campaign's inspections with a failed item, by the
	 * reference its rectification cases carry.
	 */
	Map<String, String> districtsByCaseReference(long campaignId) {
		Map<String, String> districts = new LinkedHashMap<>();
		this.jdbc.sql("select id, district_code from inspection where campaign_id = ? and failed_items > 0")
			.param(campaignId)
			.query((ResultSet rs) -> {
				districts.put(CompletionAnnouncer.reference(rs.getLong(1), campaignId), rs.getString(2));
			});
		return districts;
	}

	/** The paths of the districts named, by code. */
	Map<String, String> pathsOf(java.util.Collection<String> codes) {
		Map<String, String> paths = new LinkedHashMap<>();
		if (codes.isEmpty()) {
			return paths;
		}
		this.jdbc.sql("select code, path from organization where code in (:codes)")
			.param("codes", List.copyOf(codes))
			.query((ResultSet rs) -> {
				paths.put(rs.getString(1), rs.getString(2));
			});
		return paths;
	}

	/** Marks the results published; {@code false} when they already were. */
	boolean publish(long campaignId, Instant at, String by) {
		return this.jdbc.sql("""
				update inspection_campaign set published_at = :at, published_by = :by
				where id = :id and published_at is null""")
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("id", campaignId)
			.update() == 1;
	}

	/** Locks the campaign's row, so that a publication and a submission do not cross. */
	void lock(long campaignId) {
		this.jdbc.sql("select id from inspection_campaign where id = ? for update")
			.param(campaignId)
			.query(Long.class)
			.single();
	}

	/** The stations on an account's worklists of campaigns not ended by {@code today}. */
	List<WorklistEntry> listWorklist(long accountId, LocalDate today) {
		return this.jdbc.sql("""
				select c.id as campaign_id, c.name as campaign_name, c.kind, c.mystery, c.ends_on,
				  st.id as station_id, st.code, st.name, st.address, st.lat, st.lon, i.id as inspection_id
				from inspection_sample s
				join inspection_campaign c on c.id = s.campaign_id
				join station st on st.id = s.station_id
				left join inspection i on i.campaign_id = s.campaign_id and i.station_id = s.station_id
				where s.assignee_id = :me and c.ends_on >= :today and c.starts_on <= :today
				order by c.ends_on, c.id, (i.id is not null), st.code limit 2000""")
			.param("me", accountId)
			.param("today", today)
			.query((rs, n) -> new WorklistEntry(rs.getLong("campaign_id"), rs.getString("campaign_name"),
					CampaignKind.valueOf(rs.getString("kind")), rs.getBoolean("mystery"),
					rs.getObject("ends_on", LocalDate.class), rs.getLong("station_id"), rs.getString("code"),
					rs.getString("name"), rs.getString("address"), rs.getDouble("lat"), rs.getDouble("lon"),
					(Long) rs.getObject("inspection_id")))
			.list();
	}

	List<SampledStation> listSample(long campaignId, int offset, int limit) {
		return this.jdbc
			.sql("""
					select st.id, st.code, st.name, s.district_code, a.display_name, i.id as inspection_id, i.score, i.passed
					from inspection_sample s
					join station st on st.id = s.station_id
					join account a on a.id = s.assignee_id
					left join inspection i on i.campaign_id = s.campaign_id and i.station_id = s.station_id
					where s.campaign_id = :id order by s.district_code, st.code offset :offset limit :limit""")
			.param("id", campaignId)
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, n) -> new SampledStation(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getString("district_code"), rs.getString("display_name"), (Long) rs.getObject("inspection_id"),
					rs.getBigDecimal("score"), (Boolean) rs.getObject("passed")))
			.list();
	}

	/** A sampled station as the report lists it, with its inspection's id to tally by. */
	record ReportRow(Long inspectionId, CampaignReport.Row row) {
	}

	/** Every sampled station with its result, by district and code, for the report. */
	List<ReportRow> listReportRows(long campaignId) {
		return this.jdbc
			.sql("""
					select st.code, st.name, s.district_code, a.display_name, i.id as inspection_id, i.inspected_at, i.score,
					  i.passed, coalesce(i.failed_items, 0) as failed_items
					from inspection_sample s
					join station st on st.id = s.station_id
					join account a on a.id = s.assignee_id
					left join inspection i on i.campaign_id = s.campaign_id and i.station_id = s.station_id
					where s.campaign_id = ? order by s.district_code, st.code""")
			.param(campaignId)
			.query((rs, n) -> {
				Timestamp at = rs.getTimestamp("inspected_at");
				return new ReportRow((Long) rs.getObject("inspection_id"),
						new CampaignReport.Row(rs.getString("code"), rs.getString("name"),
								rs.getString("district_code"), rs.getString("display_name"),
								at == null ? null : at.toInstant(), rs.getBigDecimal("score"),
								(Boolean) rs.getObject("passed"), rs.getInt("failed_items"), RectificationTally.NONE));
			})
			.list();
	}

	private Stored stored(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		List<CampaignItem> items = this.jdbc.sql("""
				select code, text_zh, text_en, required from inspection_campaign_item
				where campaign_id = ? order by position""")
			.param(id)
			.query((r, n) -> new CampaignItem(r.getString("code"), r.getString("text_zh"), r.getString("text_en"),
					r.getBoolean("required")))
			.list();
		List<Assignee> assignees = this.jdbc
			.sql("""
					select a.id, a.username, a.display_name,
					  (select count(*) from inspection_sample s where s.campaign_id = x.campaign_id and s.assignee_id = a.id)
					    as stations
					from inspection_assignee x join account a on a.id = x.account_id
					where x.campaign_id = ? order by a.display_name, a.id""")
			.param(id)
			.query((r, n) -> new Assignee(r.getLong("id"), r.getString("username"), r.getString("display_name"),
					r.getInt("stations")))
			.list();
		Timestamp published = rs.getTimestamp("published_at");
		Campaign campaign = new Campaign(id, rs.getString("union_code"), rs.getString("union_name"),
				CampaignKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getBoolean("mystery"),
				rs.getLong("checklist_id"), rs.getLong("checklist_version_id"), rs.getInt("checklist_version_number"),
				rs.getString("checklist_name_zh"), rs.getString("checklist_name_en"),
				(Integer) rs.getObject("sample_percent", Integer.class), rs.getLong("seed"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getString("series"), rs.getString("period"), published == null ? null : published.toInstant(),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getInt("sample_size"), items,
				assignees);
		return new Stored(campaign, rs.getString("union_path"));
	}

}
