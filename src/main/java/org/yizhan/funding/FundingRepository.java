package org.yizhan.funding;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The funding tables. Who is owed what is decided in set-based SQL over every station of
 * a union's subtree at once (a month's run over 186,000 stations is one statement), from
 * the station status history the migration's trigger keeps.
 */
@Repository
class FundingRepository {

	/** A union's subtree of districts. */
	private static final String SCOPE = "select code from organization where path = :path or path like :path || '/%'";

	private static final String RULE_COLUMNS = """
			r.id, r.union_code, o.name as union_name, r.kind, r.name, r.year, r.amount_fen, r.budget_fen,
			r.created_at, r.created_by,
			coalesce((select sum(b.total_fen) from funding_batch b where b.rule_id = r.id and b.status = 'PREPARED'), 0)
			  as committed_fen,
			coalesce((select sum(l.amount_fen) from funding_ledger l where l.rule_id = r.id), 0) as paid_fen""";

	private static final String BATCH_COLUMNS = """
			b.id, b.rule_id, r.name as rule_name, r.kind, r.union_code, b.month, b.status, b.line_count, b.total_fen,
			b.approvals_required, b.prepared_at, b.prepared_by, b.paid_at,
			array(select a.approved_by from funding_approval a where a.batch_id = b.id order by a.approved_at)
			  as approved_by""";

	private final JdbcClient jdbc;

	FundingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// rules

	/**
	 * @throws org.springframework.dao.DuplicateKeyException for a second rule of a kind
	 * and year
	 */
	long insertRule(String union, SubsidyKind kind, String name, int year, long amountFen, long budgetFen, Instant at,
			String by) {
		return jdbc.sql("""
				insert into funding_rule (union_code, kind, name, year, amount_fen, budget_fen, created_at, created_by)
				values (:union, :kind, :name, :year, :amount, :budget, :at, :by) returning id""")
			.param("union", union)
			.param("kind", kind.name())
			.param("name", name)
			.param("year", year)
			.param("amount", amountFen)
			.param("budget", budgetFen)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	Optional<SubsidyRule> findRule(long id) {
		return jdbc
			.sql("select " + RULE_COLUMNS + " from funding_rule r join organization o on o.code = r.union_code"
					+ " where r.id = :id")
			.param("id", id)
			.query(FundingRepository::rule)
			.optional();
	}

	/**
	 * Locks a rule's row: runs and payments of one rule take their turn, so the budget
	 * each checks is not spent by another at the same time.
	 */
	void lockRule(long id) {
		jdbc.sql("select id from funding_rule where id = :id for update").param("id", id).query(Long.class).single();
	}

	void updateBudget(long id, long budgetFen) {
		jdbc.sql("update funding_rule set budget_fen = :budget where id = :id")
			.param("id", id)
			.param("budget", budgetFen)
			.update();
	}

	/** The rules of unions in the subtree at {@code path}, of one year or of all. */
	List<SubsidyRule> listRules(String path, Integer year) {
		return jdbc.sql("select " + RULE_COLUMNS + " from funding_rule r join organization o on o.code = r.union_code"
				+ " where (o.path = :path or o.path like :path || '/%') and (cast(:year as integer) is null or r.year = :year)"
				+ " order by r.year desc, o.path, r.kind")
			.param("path", path)
			.param("year", year)
			.query(FundingRepository::rule)
			.list();
	}

	// who is owed

	/**
	 * The stations of the subtree at {@code :path} owed under a rule of {@code kind} for
	 * each month of {@code months} (columns {@code month}, {@code ms}, {@code me}: the
	 * month's first day and its start and end in Asia/Shanghai), with the payee:
	 * {@code station_id,
	 * district_code, month, payee_name, payee_code}.
	 */
	private static String owed(SubsidyKind kind) {
		String inScope = "select id from station where district_code in (" + SCOPE + ")";
		// the status each station of the subtree had as each month began: one sorted pass
		// over the history, not a look-up per station and month
		String atStart = """
				(select distinct on (h.station_id, m.month) h.station_id, m.month, m.ms, m.me, h.status
				  from funding_station_status h join months m on h.since <= m.ms
				  where h.station_id in (""" + inScope + """
				)
				  order by h.station_id, m.month, h.since desc) l""";
		// upkeep's exclusions as anti-joins the planner can hash (whole tables, once)
		String listedWholeMonth = """
				l.status = 'LISTED'
				and not exists (select 1 from funding_station_status h where h.station_id = l.station_id
				  and h.since > l.ms and h.since < l.me and h.status <> 'LISTED')
				and not exists (select 1 from silent_station_case c where c.station_id = l.station_id
				  and c.status <> 'WITHDRAWN' and c.first_silent_month <= l.month and c.last_silent_month >= l.month)
				and not exists (select 1 from problem_ticket t where t.station_id = l.station_id and t.due_at < l.me
				  and coalesce(t.rectified_at, t.resolved_at, 'infinity'::timestamptz) > greatest(t.due_at, l.ms))""";
		// first listed in the month: the station's earliest LISTED falls in it, and it
		// was
		// not suspended or delisted before the history began
		String firstListed = """
				(select h.station_id, min(h.since) as first_listed from funding_station_status h
				  where h.status = 'LISTED' and h.station_id in (""" + inScope + """
				)
				  and not exists (select 1 from funding_station_status x where x.station_id = h.station_id
				    and x.seeded and x.status in ('SUSPENDED', 'DELISTED'))
				  group by h.station_id) f join months m on f.first_listed >= m.ms and f.first_listed < m.me""";
		return switch (kind) {
			case UPKEEP -> "select s.id as station_id, s.district_code, l.month, s.host_name as payee_name,"
					+ " s.code as payee_code from " + atStart + " join station s on s.id = l.station_id where "
					+ listedWholeMonth;
			case CONSTRUCTION -> "select s.id as station_id, s.district_code, m.month, s.host_name as payee_name,"
					+ " s.code as payee_code from " + firstListed + " join station s on s.id = f.station_id";
			case SELF_BUILT -> "select distinct on (s.id, m.month) s.id as station_id, s.district_code, m.month,"
					+ " ho.name as payee_name, ho.credit_code as payee_code from " + firstListed
					+ " join station s on s.id = f.station_id"
					+ " join application a on a.station_id = s.id and a.build_mode = 'SELF_BUILT'"
					+ " and a.status = 'APPROVED' join host ho on ho.id = a.host_id";
		};
	}

	/**
	 * The months from {@code :from} to {@code :to} (first days), with their bounds in
	 * Asia/Shanghai.
	 */
	private static final String MONTHS = """
			months as (select cast(m as date) as month, m at time zone 'Asia/Shanghai' as ms,
			  (m + interval '1 month') at time zone 'Asia/Shanghai' as me
			  from generate_series(cast(:from as timestamp), cast(:to as timestamp), interval '1 month') m)""";

	/**
	 * Writes a batch's lines: every station the rule owes for the month and has not been
	 * owed before (a one-off subsidy: for any month). Returns the lines written.
	 */
	int insertLines(long batchId, long ruleId, SubsidyKind kind, String path, LocalDate month, long amountFen) {
		return jdbc
			.sql("with " + MONTHS
					+ """
							insert into funding_batch_line (batch_id, rule_id, month, one_off, station_id, district_code,
							  payee_name, payee_code, amount_fen)
							select :batch, :rule, o.month, :oneOff, o.station_id, o.district_code, o.payee_name, o.payee_code, :amount
							from ("""
					+ owed(kind) + ") o on conflict do nothing")
			.param("batch", batchId)
			.param("rule", ruleId)
			.param("oneOff", kind.oneOff())
			.param("amount", amountFen)
			.param("path", path)
			.param("from", Date.valueOf(month))
			.param("to", Date.valueOf(month))
			.update();
	}

	/**
	 * A rule's would-be cost over the months, per union directly below the one at
	 * {@code path}.
	 */
	List<Simulation.Row> simulate(SubsidyKind kind, String unionCode, String path, LocalDate from, LocalDate to,
			long amountFen) {
		return jdbc.sql("with " + MONTHS + ", owed as (" + owed(kind) + """
				), counted as (
				  select coalesce(nullif(split_part(substr(d.path, length(:path) + 2), '/', 1), ''), :union) as child,
				    count(distinct w.station_id) as stations, count(*) as units
				  from owed w join organization d on d.code = w.district_code group by 1)
				select c.child, u.name, c.stations, c.units from counted c join organization u on u.code = c.child
				order by c.units desc, c.child""")
			.param("path", path)
			.param("union", unionCode)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query((rs, n) -> new Simulation.Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					Math.multiplyExact(rs.getLong(4), amountFen)))
			.list();
	}

	// batches

	/** The new batch's id, or empty when the rule's month has one already. */
	Optional<Long> insertBatch(long ruleId, LocalDate month, Instant at, String by) {
		return jdbc.sql("""
				insert into funding_batch (rule_id, month, status, line_count, total_fen, approvals_required,
				  prepared_at, prepared_by)
				values (:rule, :month, 'PREPARED', 0, 0, 1, :at, :by) on conflict do nothing returning id""")
			.param("rule", ruleId)
			.param("month", Date.valueOf(month))
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.optional();
	}

	Optional<Long> findBatchId(long ruleId, LocalDate month) {
		return jdbc.sql("select id from funding_batch where rule_id = :rule and month = :month")
			.param("rule", ruleId)
			.param("month", Date.valueOf(month))
			.query(Long.class)
			.optional();
	}

	/** Counts the lines into the batch and sets how many approvals it needs. */
	void totalBatch(long batchId, long secondApprovalAboveFen) {
		jdbc.sql("""
				update funding_batch b set line_count = t.n, total_fen = t.total,
				  approvals_required = case when t.total > :above then 2 else 1 end
				from (select count(*) as n, coalesce(sum(amount_fen), 0) as total from funding_batch_line
				  where batch_id = :batch) t
				where b.id = :batch""").param("batch", batchId).param("above", secondApprovalAboveFen).update();
	}

	Optional<PaymentBatch> findBatch(long id) {
		return jdbc
			.sql("select " + BATCH_COLUMNS + " from funding_batch b join funding_rule r on r.id = b.rule_id"
					+ " where b.id = :id")
			.param("id", id)
			.query(FundingRepository::batch)
			.optional();
	}

	Optional<Long> lockBatch(long id) {
		return jdbc.sql("select id from funding_batch where id = :id for update")
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	List<PaymentBatch> listBatches(long ruleId) {
		return jdbc
			.sql("select " + BATCH_COLUMNS + " from funding_batch b join funding_rule r on r.id = b.rule_id"
					+ " where b.rule_id = :rule order by b.month desc")
			.param("rule", ruleId)
			.query(FundingRepository::batch)
			.list();
	}

	List<BatchLine> listLines(long batchId) {
		return jdbc.sql("""
				select l.id, l.station_id, s.code, s.name, l.payee_name, l.payee_code, l.amount_fen
				from funding_batch_line l join station s on s.id = l.station_id
				where l.batch_id = :batch order by s.code""")
			.param("batch", batchId)
			.query((rs, n) -> new BatchLine(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getLong(7)))
			.list();
	}

	/** Records an approval; false when this person had approved already. */
	boolean insertApproval(long batchId, String by, Instant at) {
		return jdbc.sql("""
				insert into funding_approval (batch_id, approved_by, approved_at) values (:batch, :by, :at)
				on conflict do nothing""")
			.param("batch", batchId)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/**
	 * Pays a batch: one ledger entry per line (a line is paid once), and the batch PAID.
	 */
	int pay(long batchId, Instant at, String by) {
		int entries = jdbc.sql("""
				insert into funding_ledger (kind, rule_id, batch_id, line_id, station_id, district_code, month,
				  payee_name, amount_fen, recorded_at, recorded_by)
				select 'PAYMENT', l.rule_id, l.batch_id, l.id, l.station_id, l.district_code, l.month, l.payee_name,
				  l.amount_fen, :at, :by
				from funding_batch_line l where l.batch_id = :batch order by l.id
				on conflict (line_id) do nothing""")
			.param("batch", batchId)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
		jdbc.sql("update funding_batch set status = 'PAID', paid_at = :at where id = :batch")
			.param("batch", batchId)
			.param("at", Timestamp.from(at))
			.update();
		return entries;
	}

	// the ledger

	private static final String LEDGER_COLUMNS = "e.id, e.kind, e.rule_id, e.batch_id, e.reverses_id, e.station_id,"
			+ " e.month, e.payee_name, e.amount_fen, e.reason, e.recorded_at, e.recorded_by";

	Optional<LedgerEntry> findEntry(long id) {
		return jdbc.sql("select " + LEDGER_COLUMNS + " from funding_ledger e where e.id = :id")
			.param("id", id)
			.query(FundingRepository::entry)
			.optional();
	}

	List<LedgerEntry> listEntries(long batchId) {
		return jdbc
			.sql("select " + LEDGER_COLUMNS + " from funding_ledger e where e.batch_id = :batch"
					+ " or e.reverses_id in (select id from funding_ledger where batch_id = :batch) order by e.id")
			.param("batch", batchId)
			.query(FundingRepository::entry)
			.list();
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException when the entry was reversed
	 * already
	 */
	long insertReversal(LedgerEntry entry, String reason, Instant at, String by) {
		return jdbc.sql("""
				insert into funding_ledger (kind, rule_id, batch_id, reverses_id, station_id, district_code, month,
				  payee_name, amount_fen, reason, recorded_at, recorded_by)
				select 'REVERSAL', e.rule_id, null, e.id, e.station_id, e.district_code, e.month, e.payee_name,
				  -e.amount_fen, :reason, :at, :by
				from funding_ledger e where e.id = :id returning id""")
			.param("id", entry.id())
			.param("reason", reason)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	// reversals under maker-checker

	private static final String REVERSAL_COLUMNS = """
			select r.id, r.entry_id, e.amount_fen, e.payee_name, r.reason, r.status, r.requested_by, r.requested_at,
			  r.approved_by, r.approved_at, r.ledger_id
			from funding_reversal r join funding_ledger e on e.id = r.entry_id""";

	boolean isReversed(long entryId) {
		return jdbc.sql("select exists (select 1 from funding_ledger where reverses_id = :id)")
			.param("id", entryId)
			.query(Boolean.class)
			.single();
	}

	long insertReversalRequest(long entryId, String reason, Instant at, String by) {
		return jdbc.sql("""
				insert into funding_reversal (entry_id, reason, status, requested_by, requested_at)
				values (:entry, :reason, 'REQUESTED', :by, :at) returning id""")
			.param("entry", entryId)
			.param("reason", reason)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	/** A reversal request, its row locked for the approval when {@code lock}. */
	Optional<Reversal> findReversal(long id, boolean lock) {
		return jdbc.sql(REVERSAL_COLUMNS + " where r.id = :id" + (lock ? " for update of r" : ""))
			.param("id", id)
			.query(FundingRepository::reversal)
			.optional();
	}

	/** The reversal requests of a batch's payments, oldest first. */
	List<Reversal> listReversals(long batchId) {
		return jdbc.sql(REVERSAL_COLUMNS + " where e.batch_id = :batch order by r.id")
			.param("batch", batchId)
			.query(FundingRepository::reversal)
			.list();
	}

	void completeReversal(long id, long ledgerId, Instant at, String by) {
		jdbc.sql("""
				update funding_reversal set status = 'DONE', ledger_id = :ledger, approved_by = :by, approved_at = :at
				where id = :id and status = 'REQUESTED'""")
			.param("ledger", ledgerId)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	private static Reversal reversal(ResultSet rs, int n) throws SQLException {
		Timestamp approved = rs.getTimestamp("approved_at");
		long ledger = rs.getLong("ledger_id");
		Long ledgerId = rs.wasNull() ? null : ledger;
		return new Reversal(rs.getLong("id"), rs.getLong("entry_id"), rs.getLong("amount_fen"),
				rs.getString("payee_name"), rs.getString("reason"), rs.getString("status"),
				rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), rs.getString("approved_by"),
				approved == null ? null : approved.toInstant(), ledgerId);
	}

	// supervision

	long countListed(String path) {
		return jdbc
			.sql("select count(*) from station s where s.status = 'LISTED' and s.district_code in (" + SCOPE + ")")
			.param("path", path)
			.query(Long.class)
			.single();
	}

	/**
	 * Stations paid and the net paid in the year, from the subtree's districts' rows of
	 * the per-station roll-up (one index range per district).
	 */
	long[] paidInYear(String path, int year) {
		return jdbc
			.sql("select count(distinct t.station_id), coalesce(sum(t.fen), 0) from funding_station_year t"
					+ " where t.district_code in (" + SCOPE + ") and t.year = :year")
			.param("path", path)
			.param("year", year)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	long visits(String path, LocalDate from, LocalDate to) {
		return jdbc
			.sql("select coalesce(sum(v.visits), 0) from visit_day v"
					+ " where v.station_id in (select s.id from station s where s.district_code in (" + SCOPE + "))"
					+ " and v.day >= :from and v.day <= :to")
			.param("path", path)
			.param("from", Date.valueOf(from))
			.param("to", Date.valueOf(to))
			.query(Long.class)
			.single();
	}

	/**
	 * The stations of the subtree with money over their life, most first;
	 * {@code flaggedOnly} keeps those paid and delisted after the first payment, or never
	 * listed.
	 */
	List<FundReport.StationFunds> stationFunds(String path, boolean flaggedOnly, int limit) {
		// the life totals from the roll-up's yearly rows. The largest are cut to the rows
		// shown before a station is read; only a station not listed now can carry a flag
		// (one listed now is in the status history as listed), so the history is asked
		// about those alone; visits are summed for the rows shown. Ties go by station id.
		String paid = "with paid as (select t.station_id, sum(t.fen) as fen, sum(t.payments) as payments,"
				+ " min(t.first_paid) as first_paid from funding_station_year t where t.district_code in (" + SCOPE
				+ ") group by t.station_id)";
		String flag = """
				case when s.status = 'LISTED' then null
				  when s.status = 'DELISTED' and s.status_changed_at > p.first_paid then 'DELISTED_AFTER_PAYMENT'
				  when not exists (select 1 from funding_station_status h where h.station_id = s.id
				    and h.status = 'LISTED') then 'NEVER_LISTED' end""";
		String shown = flaggedOnly ? """
				, shown as (
				  select f.* from (
				    select p.*, s.code, s.name, s.status, %s as flag
				    from paid p join station s on s.id = p.station_id where s.status <> 'LISTED') f
				  where f.flag is not null order by f.fen desc, f.station_id limit :limit)""".formatted(flag) : """
				, top as (select * from paid p order by p.fen desc, p.station_id limit :limit),
				shown as (
				  select p.*, s.code, s.name, s.status, %s as flag
				  from top p join station s on s.id = p.station_id)""".formatted(flag);
		return jdbc.sql(paid + shown + """
				select f.station_id, f.code, f.name, f.status, f.fen, f.payments, f.flag,
				  (select coalesce(sum(v.visits), 0) from visit_day v where v.station_id = f.station_id) as visits
				from shown f order by f.fen desc, f.station_id""")
			.param("path", path)
			.param("limit", limit)
			.query((rs, n) -> new FundReport.StationFunds(rs.getLong("station_id"), rs.getString("code"),
					rs.getString("name"), rs.getString("status"), rs.getLong("fen"), rs.getLong("payments"),
					rs.getLong("visits"),
					rs.getString("flag") == null ? null : FundReport.Flag.valueOf(rs.getString("flag"))))
			.list();
	}

	private static SubsidyRule rule(ResultSet rs, int n) throws SQLException {
		return new SubsidyRule(rs.getLong("id"), rs.getString("union_code"), rs.getString("union_name"),
				SubsidyKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getInt("year"),
				rs.getLong("amount_fen"), rs.getLong("budget_fen"), rs.getLong("committed_fen"), rs.getLong("paid_fen"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

	private static PaymentBatch batch(ResultSet rs, int n) throws SQLException {
		Timestamp paid = rs.getTimestamp("paid_at");
		String[] approvers = (String[]) rs.getArray("approved_by").getArray();
		return new PaymentBatch(rs.getLong("id"), rs.getLong("rule_id"), rs.getString("rule_name"),
				SubsidyKind.valueOf(rs.getString("kind")), rs.getString("union_code"),
				rs.getDate("month").toLocalDate(), rs.getString("status"), rs.getInt("line_count"),
				rs.getLong("total_fen"), rs.getInt("approvals_required"), rs.getTimestamp("prepared_at").toInstant(),
				rs.getString("prepared_by"), paid == null ? null : paid.toInstant(), List.of(approvers));
	}

	private static LedgerEntry entry(ResultSet rs, int n) throws SQLException {
		long batch = rs.getLong("batch_id");
		Long batchId = rs.wasNull() ? null : batch;
		long reverses = rs.getLong("reverses_id");
		Long reversesId = rs.wasNull() ? null : reverses;
		return new LedgerEntry(rs.getLong("id"), rs.getString("kind"), rs.getLong("rule_id"), batchId, reversesId,
				rs.getLong("station_id"), rs.getDate("month").toLocalDate(), rs.getString("payee_name"),
				rs.getLong("amount_fen"), rs.getString("reason"), rs.getTimestamp("recorded_at").toInstant(),
				rs.getString("recorded_by"));
	}

}
