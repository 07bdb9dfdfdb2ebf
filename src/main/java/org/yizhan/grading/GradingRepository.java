package org.yizhan.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.yizhan.platform.YizhanTime;
import org.yizhan.station.StationLevel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The grading tables, and the one statement that reads an assessment's evidence: one
 * set-based join per criterion over the whole subtree, so a national run reads 186,000
 * stations' evidence in one pass rather than asking each module station by station.
 */
@Repository
class GradingRepository {

	/** Proposals are written this many rows per statement. */
	static final int INSERT_CHUNK = 5000;

	private final JdbcClient jdbc;

	GradingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// rules

	/** The newest rule of whichever of {@code owners} has one, the nearest first. */
	Optional<GradingRule> findNewestRule(List<String> ownersNearestFirst) {
		for (String owner : ownersNearestFirst) {
			Optional<Long> id = this.jdbc
				.sql("select id from grading_rule where owner_code = :owner order by version desc limit 1")
				.param("owner", owner)
				.query(Long.class)
				.optional();
			if (id.isPresent()) {
				return findRule(id.get());
			}
		}
		return Optional.empty();
	}

	Optional<GradingRule> findRule(long id) {
		List<CriterionRule> criteria = this.jdbc.sql(
				"select criterion, weight, full_at, zero_at from grading_criterion where rule_id = :id order by criterion")
			.param("id", id)
			.query((rs, n) -> new CriterionRule(Criterion.valueOf(rs.getString("criterion")), rs.getInt("weight"),
					rs.getBigDecimal("full_at"), rs.getBigDecimal("zero_at")))
			.list();
		List<CriterionRule> ordered = new ArrayList<>(criteria);
		ordered.sort((a, b) -> a.criterion().compareTo(b.criterion()));
		return this.jdbc.sql("""
				select id, owner_code, version, star_thresholds, level_thresholds, created_at, created_by
				from grading_rule where id = :id""")
			.param("id", id)
			.query((rs, n) -> new GradingRule(rs.getLong("id"), rs.getString("owner_code"), rs.getInt("version"),
					ordered, decimals(rs.getArray("star_thresholds")), decimals(rs.getArray("level_thresholds")),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
			.optional();
	}

	GradingRule insertRule(GradingRule rule) {
		int version = this.jdbc.sql("select coalesce(max(version), 0) + 1 from grading_rule where owner_code = :owner")
			.param("owner", rule.ownerCode())
			.query(Integer.class)
			.single();
		long id = this.jdbc
			.sql("""
					insert into grading_rule (owner_code, version, star_thresholds, level_thresholds, created_at, created_by)
					values (:owner, :version, cast(:stars as numeric[]), cast(:levels as numeric[]), :at, :by)
					returning id""")
			.param("owner", rule.ownerCode())
			.param("version", version)
			.param("stars", texts(rule.starThresholds()))
			.param("levels", texts(rule.levelThresholds()))
			.param("at", Timestamp.from(rule.createdAt()))
			.param("by", rule.createdBy())
			.query(Long.class)
			.single();
		for (CriterionRule criterion : rule.criteria()) {
			this.jdbc.sql("""
					insert into grading_criterion (rule_id, criterion, weight, full_at, zero_at)
					values (:rule, :criterion, :weight, :full, :zero)""")
				.param("rule", id)
				.param("criterion", criterion.criterion().name())
				.param("weight", criterion.weight())
				.param("full", criterion.fullAt())
				.param("zero", criterion.zeroAt())
				.update();
		}
		return findRule(id).orElseThrow();
	}

	// evidence

	/**
	 * Hands the evidence of every listed or suspended station of the subtree at
	 * {@code path} to {@code action}, by station id. Ratings are read per month from the
	 * roll-up (whole months, so {@code from} and {@code to} are first days of months);
	 * silent months count the months of the period that have ended ({@code elapsedTo}).
	 * Cases count as they stand now: unresolved if opened before the period's end,
	 * overdue if past their deadline before {@code dueBefore}.
	 */
	void forEachEvidence(String path, LocalDate from, LocalDate to, LocalDate elapsedTo, Instant dueBefore,
			Consumer<StationEvidence> action) {
		int elapsed = (int) Math.max(0, java.time.temporal.ChronoUnit.MONTHS.between(from, elapsedTo));
		this.jdbc
			.sql("""
					with st as (
					  select s.id, s.code, s.name, s.district_code, s.level, s.stars
					  from station s join organization o on o.code = s.district_code
					  where s.status in ('LISTED', 'SUSPENDED') and (o.path = :path or o.path like :prefix)
					),
					judged as (
					  select distinct on (j.station_id) j.station_id, j.met
					  from station_judgement j join st on st.id = j.station_id
					  where j.judged_at < :toAt
					  order by j.station_id, j.judged_at desc
					),
					inspected as (
					  select i.station_id, round(avg(i.score), 1) as score, count(*) as n
					  from inspection i join inspection_campaign c on c.id = i.campaign_id join st on st.id = i.station_id
					  where i.inspected_at >= :fromAt and i.inspected_at < :toAt and (not c.mystery or c.published_at is not null)
					  group by i.station_id
					),
					monthly as (
					  select r.station_id, r.month, sum(r.counted) as counted, sum(r.satisfied) as satisfied from (
					    select m.station_id, m.month, m.counted_through[31] as counted, m.satisfied_through[31] as satisfied
					    from rating_station_month m join st on st.id = m.station_id
					    where m.month >= :priorFrom and m.month < :to
					    union all
					    select d.station_id, cast(date_trunc('month', d.rating_day) as date), d.counted, d.satisfied
					    from rating_station_delta d join st on st.id = d.station_id
					    where d.rating_day >= :priorFrom and d.rating_day < :to
					  ) r group by r.station_id, r.month
					),
					rated as (
					  select station_id,
					    sum(counted) filter (where month >= :from) as counted,
					    sum(satisfied) filter (where month >= :from) as satisfied,
					    sum(counted) filter (where month < :from) as prior_counted,
					    sum(satisfied) filter (where month < :from) as prior_satisfied,
					    count(*) filter (where month >= :from and month < :elapsedTo and counted > 0) as heard
					  from monthly group by station_id
					),
					cases as (
					  select t.station_id, count(*) as open,
					    count(*) filter (where t.status = 'OPEN' and t.due_at < :dueBefore) as overdue
					  from problem_ticket t join st on st.id = t.station_id
					  where t.status <> 'RESOLVED' and t.created_at < :toAt
					  group by t.station_id
					),
					served as (
					  select v.station_id, sum(v.visits) as visits
					  from visit_day v join st on st.id = v.station_id
					  where v.day >= :from and v.day < :to
					  group by v.station_id
					)
					select st.id, st.code, st.name, st.district_code, st.level, st.stars, judged.met,
					  inspected.score as inspection_score, coalesce(inspected.n, 0) as inspections,
					  coalesce(rated.counted, 0) as counted, coalesce(rated.satisfied, 0) as satisfied,
					  coalesce(rated.prior_counted, 0) as prior_counted, coalesce(rated.prior_satisfied, 0) as prior_satisfied,
					  coalesce(rated.heard, 0) as heard, coalesce(cases.open, 0) as open_cases,
					  coalesce(cases.overdue, 0) as overdue_cases, coalesce(served.visits, 0) as visits
					from st
					left join judged on judged.station_id = st.id
					left join inspected on inspected.station_id = st.id
					left join rated on rated.station_id = st.id
					left join cases on cases.station_id = st.id
					left join served on served.station_id = st.id
					order by st.id""")
			.param("path", path)
			.param("prefix", path + "/%")
			.param("from", from)
			.param("to", to)
			.param("priorFrom", from.minusYears(1))
			.param("elapsedTo", elapsedTo)
			.param("fromAt", Timestamp.from(from.atStartOfDay(YizhanTime.ZONE).toInstant()))
			.param("toAt", Timestamp.from(to.atStartOfDay(YizhanTime.ZONE).toInstant()))
			.param("dueBefore", Timestamp.from(dueBefore))
			.query((ResultSet rs) -> {
				action.accept(evidence(rs, elapsed));
			});
	}

	private static StationEvidence evidence(ResultSet rs, int elapsed) throws SQLException {
		boolean judged = rs.getObject("met") != null;
		long counted = rs.getLong("counted");
		long priorCounted = rs.getLong("prior_counted");
		return new StationEvidence(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getString("district_code"), StationLevel.valueOf(rs.getString("level")), rs.getInt("stars"),
				judged ? rs.getBoolean("met") : null, rs.getBigDecimal("inspection_score"), rs.getInt("inspections"),
				(int) counted, percent(rs.getLong("satisfied"), counted),
				percent(rs.getLong("prior_satisfied"), priorCounted), Math.max(0, elapsed - rs.getInt("heard")),
				rs.getInt("open_cases"), rs.getInt("overdue_cases"), rs.getLong("visits"));
	}

	private static BigDecimal percent(long part, long whole) {
		return whole <= 0 ? null
				: BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

	// runs and proposals

	long insertRun(String unionCode, String unionPath, int year, long ruleId, LocalDate from, LocalDate to,
			Instant startedAt, String by) {
		return this.jdbc.sql("""
				insert into grading_run (union_code, union_path, year, rule_id, evidence_from, evidence_to, stations,
				  started_at, finished_at, started_by)
				values (:union, :path, :year, :rule, :from, :to, 0, :at, :at, :by) returning id""")
			.param("union", unionCode)
			.param("path", unionPath)
			.param("year", year)
			.param("rule", ruleId)
			.param("from", from)
			.param("to", to)
			.param("at", Timestamp.from(startedAt))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	void finishRun(long runId, int stations, Instant finishedAt) {
		this.jdbc.sql("update grading_run set stations = :n, finished_at = :at where id = :id")
			.param("n", stations)
			.param("at", Timestamp.from(finishedAt))
			.param("id", runId)
			.update();
	}

	/** Writes proposals, a chunk per statement from arrays (one round trip per chunk). */
	void insertProposals(long runId, List<StationEvidence> evidence, List<Assessment> assessments) {
		int n = evidence.size();
		Long[] stations = new Long[n];
		String[] districts = new String[n];
		String[] levels = new String[n];
		Integer[] stars = new Integer[n];
		String[] met = new String[n];
		String[] inspection = new String[n];
		Integer[] inspections = new Integer[n];
		Integer[] rated = new Integer[n];
		String[] satisfied = new String[n];
		String[] prior = new String[n];
		Integer[] silent = new Integer[n];
		Integer[] open = new Integer[n];
		Integer[] overdue = new Integer[n];
		Long[] visits = new Long[n];
		String[] scores = new String[n];
		String[] proposedLevels = new String[n];
		Integer[] proposedStars = new Integer[n];
		for (int i = 0; i < n; i++) {
			StationEvidence e = evidence.get(i);
			Assessment a = assessments.get(i);
			stations[i] = e.stationId();
			districts[i] = e.districtCode();
			levels[i] = e.currentLevel().name();
			stars[i] = e.currentStars();
			met[i] = e.checklistMet() == null ? null : e.checklistMet().toString();
			inspection[i] = text(e.inspectionScore());
			inspections[i] = e.inspections();
			rated[i] = e.rated();
			satisfied[i] = text(e.satisfiedPct());
			prior[i] = text(e.priorPct());
			silent[i] = e.silentMonths();
			open[i] = e.openCases();
			overdue[i] = e.overdueCases();
			visits[i] = e.visits();
			scores[i] = a.score().toPlainString();
			proposedLevels[i] = a.level().name();
			proposedStars[i] = a.stars();
		}
		this.jdbc
			.sql("""
					insert into grading_proposal (run_id, station_id, district_code, current_level, current_stars,
					  checklist_met, inspection_score, inspections, rated, satisfied_pct, prior_pct, silent_months,
					  open_cases, overdue_cases, visits, score, proposed_level, proposed_stars)
					select :run, u.* from unnest(cast(:stations as bigint[]), cast(:districts as text[]),
					  cast(:levels as text[]), cast(:stars as integer[]), cast(:met as boolean[]),
					  cast(:inspection as numeric[]), cast(:inspections as integer[]), cast(:rated as integer[]),
					  cast(:satisfied as numeric[]), cast(:prior as numeric[]), cast(:silent as integer[]),
					  cast(:open as integer[]), cast(:overdue as integer[]), cast(:visits as bigint[]),
					  cast(:scores as numeric[]), cast(:proposedLevels as text[]), cast(:proposedStars as integer[])) as u""")
			.param("run", runId)
			.param("stations", stations)
			.param("districts", districts)
			.param("levels", levels)
			.param("stars", stars)
			.param("met", met)
			.param("inspection", inspection)
			.param("inspections", inspections)
			.param("rated", rated)
			.param("satisfied", satisfied)
			.param("prior", prior)
			.param("silent", silent)
			.param("open", open)
			.param("overdue", overdue)
			.param("visits", visits)
			.param("scores", scores)
			.param("proposedLevels", proposedLevels)
			.param("proposedStars", proposedStars)
			.update();
	}

	Optional<GradingRun> findRun(long id) {
		return this.jdbc.sql(RUN_COLUMNS + " where r.id = :id")
			.param("id", id)
			.query(GradingRepository::run)
			.optional();
	}

	/** The runs of the subtree at {@code path} and below, newest first. */
	List<GradingRun> listRuns(String path, int limit) {
		return this.jdbc
			.sql(RUN_COLUMNS
					+ " where r.union_path = :path or r.union_path like :prefix order by r.id desc limit :limit")
			.param("path", path)
			.param("prefix", path + "/%")
			.param("limit", limit)
			.query(GradingRepository::run)
			.list();
	}

	private static final String RUN_COLUMNS = """
			select r.id, r.union_code, o.name as union_name, r.union_path, r.year, r.rule_id, r.evidence_from,
			  r.evidence_to, r.stations, r.started_at, r.finished_at, r.started_by,
			  (select count(*) from grading_proposal p where p.run_id = r.id and p.decision is not null) as decided
			from grading_run r join organization o on o.code = r.union_code""";

	private static GradingRun run(ResultSet rs, int n) throws SQLException {
		return new GradingRun(rs.getLong("id"), rs.getString("union_code"), rs.getString("union_name"),
				rs.getString("union_path"), rs.getInt("year"), rs.getLong("rule_id"),
				rs.getObject("evidence_from", LocalDate.class), rs.getObject("evidence_to", LocalDate.class),
				rs.getInt("stations"), rs.getInt("decided"), rs.getTimestamp("started_at").toInstant(),
				rs.getTimestamp("finished_at").toInstant(), rs.getString("started_by"));
	}

	private static final String PROPOSAL_COLUMNS = """
			select p.*, s.code, s.name, s.level as level_now, s.stars as stars_now
			from grading_proposal p join station s on s.id = p.station_id""";

	/**
	 * A page of a run's proposals in the subtree at {@code path}: {@code changing} only
	 * those whose proposal differs from the station's grade now, by code.
	 */
	List<StoredProposal> listProposals(long runId, String path, boolean changing, int offset, int limit) {
		return this.jdbc
			.sql(PROPOSAL_COLUMNS + " join organization o on o.code = p.district_code"
					+ " where p.run_id = :run and (o.path = :path or o.path like :prefix)"
					+ (changing ? " and (p.proposed_level <> s.level or p.proposed_stars <> s.stars)" : "")
					+ " order by s.code offset :offset limit :limit")
			.param("run", runId)
			.param("path", path)
			.param("prefix", path + "/%")
			.param("offset", offset)
			.param("limit", limit)
			.query(GradingRepository::proposal)
			.list();
	}

	long countProposals(long runId, String path, boolean changing) {
		return this.jdbc
			.sql("select count(*) from grading_proposal p join station s on s.id = p.station_id"
					+ " join organization o on o.code = p.district_code"
					+ " where p.run_id = :run and (o.path = :path or o.path like :prefix)"
					+ (changing ? " and (p.proposed_level <> s.level or p.proposed_stars <> s.stars)" : ""))
			.param("run", runId)
			.param("path", path)
			.param("prefix", path + "/%")
			.query(Long.class)
			.single();
	}

	/** A run's proposal for one station, locked for a decision when {@code lock}. */
	Optional<StoredProposal> findProposal(long runId, long stationId, boolean lock) {
		return this.jdbc
			.sql(PROPOSAL_COLUMNS + " where p.run_id = :run and p.station_id = :station"
					+ (lock ? " for update of p" : ""))
			.param("run", runId)
			.param("station", stationId)
			.query(GradingRepository::proposal)
			.optional();
	}

	/**
	 * The undecided proposals of a run in the subtree that would change a grade, of the
	 * stations listed (all when {@code stationIds} is {@code null}), locked.
	 */
	List<StoredProposal> lockUndecidedChanging(long runId, String path, List<Long> stationIds) {
		return this.jdbc
			.sql(PROPOSAL_COLUMNS + " join organization o on o.code = p.district_code"
					+ " where p.run_id = :run and (o.path = :path or o.path like :prefix) and p.decision is null"
					+ " and (p.proposed_level <> s.level or p.proposed_stars <> s.stars)"
					+ (stationIds == null ? "" : " and p.station_id = any(cast(:stations as bigint[]))")
					+ " order by p.station_id for update of p")
			.param("stations", stationIds == null ? new Long[0] : stationIds.toArray(Long[]::new))
			.param("run", runId)
			.param("path", path)
			.param("prefix", path + "/%")
			.query(GradingRepository::proposal)
			.list();
	}

	void recordDecision(long runId, long stationId, String decision, StationLevel level, int stars, String reason,
			String by, Instant at, Long batchId) {
		this.jdbc.sql("""
				update grading_proposal set decision = :decision, decided_level = :level, decided_stars = :stars,
				  decision_reason = :reason, decided_by = :by, decided_at = :at, batch_id = :batch
				where run_id = :run and station_id = :station""")
			.param("decision", decision)
			.param("level", level.name())
			.param("stars", stars)
			.param("reason", reason)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("batch", batchId)
			.param("run", runId)
			.param("station", stationId)
			.update();
	}

	boolean batchNumberTaken(String unionCode, String documentNumber) {
		return this.jdbc
			.sql("select exists (select 1 from grading_batch where union_code = :union and document_number = :number)")
			.param("union", unionCode)
			.param("number", documentNumber)
			.query(Boolean.class)
			.single();
	}

	long insertBatch(long runId, String unionCode, String documentNumber, LocalDate documentDate, Instant at,
			String by) {
		return this.jdbc
			.sql("""
					insert into grading_batch (run_id, union_code, document_number, document_date, stations, created_at, created_by)
					values (:run, :union, :number, :date, 0, :at, :by) returning id""")
			.param("run", runId)
			.param("union", unionCode)
			.param("number", documentNumber)
			.param("date", documentDate)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	void countBatch(long batchId, int stations) {
		this.jdbc.sql("update grading_batch set stations = :n where id = :id")
			.param("n", stations)
			.param("id", batchId)
			.update();
	}

	/** The naming batches of a run, newest first. */
	List<NamingBatch> listBatches(long runId) {
		return this.jdbc.sql("""
				select b.id, b.run_id, b.union_code, b.document_number, b.document_date, b.stations, b.created_at,
				  b.created_by from grading_batch b where b.run_id = :run order by b.id desc""")
			.param("run", runId)
			.query((rs, n) -> new NamingBatch(rs.getLong("id"), rs.getLong("run_id"), rs.getString("union_code"),
					rs.getString("document_number"), rs.getObject("document_date", LocalDate.class),
					rs.getInt("stations"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
			.list();
	}

	/** A stored proposal with the station's code, name and grade now. */
	record StoredProposal(long runId, StationEvidence evidence, BigDecimal score, StationLevel proposedLevel,
			int proposedStars, StationLevel levelNow, int starsNow, String decision, StationLevel decidedLevel,
			Integer decidedStars, String reason, String decidedBy, Instant decidedAt, Long batchId) {
	}

	private static StoredProposal proposal(ResultSet rs, int n) throws SQLException {
		boolean judged = rs.getObject("checklist_met") != null;
		StationEvidence evidence = new StationEvidence(rs.getLong("station_id"), rs.getString("code"),
				rs.getString("name"), rs.getString("district_code"),
				StationLevel.valueOf(rs.getString("current_level")), rs.getInt("current_stars"),
				judged ? rs.getBoolean("checklist_met") : null, rs.getBigDecimal("inspection_score"),
				rs.getInt("inspections"), rs.getInt("rated"), rs.getBigDecimal("satisfied_pct"),
				rs.getBigDecimal("prior_pct"), rs.getInt("silent_months"), rs.getInt("open_cases"),
				rs.getInt("overdue_cases"), rs.getLong("visits"));
		String decided = rs.getString("decided_level");
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		return new StoredProposal(rs.getLong("run_id"), evidence, rs.getBigDecimal("score"),
				StationLevel.valueOf(rs.getString("proposed_level")), rs.getInt("proposed_stars"),
				StationLevel.valueOf(rs.getString("level_now")), rs.getInt("stars_now"), rs.getString("decision"),
				decided == null ? null : StationLevel.valueOf(decided), (Integer) rs.getObject("decided_stars"),
				rs.getString("decision_reason"), rs.getString("decided_by"),
				decidedAt == null ? null : decidedAt.toInstant(), (Long) rs.getObject("batch_id"));
	}

	private static List<BigDecimal> decimals(Array array) throws SQLException {
		return Arrays.stream((BigDecimal[]) array.getArray()).toList();
	}

	private static String[] texts(List<BigDecimal> values) {
		return values.stream().map(BigDecimal::toPlainString).toArray(String[]::new);
	}

	private static String text(BigDecimal value) {
		return value == null ? null : value.toPlainString();
	}

}
