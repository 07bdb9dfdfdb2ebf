package org.yizhan.ticket;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.platform.DataImports;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the demo city a generated history of cases (工单), so that a first visit finds a
 * ticket list, overdue cases and digests with something in them (issue 21, item 13). It
 * is demo data and says so: every generated case's description and resolution start with
 * {@value #LABEL}.
 *
 * <p>
 * About one listed station in nine gets one case over the last {@value #DAYS} days: most
 * from a worker's QR report, one in five from union staff (a 12351 hotline call). Cases
 * older than three days are mostly resolved; the rest are open, about a third of them
 * past their deadline. Open cases are held by the station's district union (the top of
 * the chain, which the escalation job never moves), so they stay where the demo puts them
 * and nobody's phone is notified. The spread is deterministic (hashes of the station's
 * code, no random numbers); the numbers are drawn from the same hashes in the tickets'
 * alphabet. Loaded once per database (a marker row), only on the demo city's database and
 * only while it holds no case, so real cases are never mixed with generated ones; off
 * with {@code yizhan.demo.history.enabled=false}, as the tests run.
 */
@Component
@Order(35)
@ConditionalOnBooleanProperty(name = { "yizhan.demo.enabled", "yizhan.demo.history.enabled" }, matchIfMissing = true)
class DemoTickets implements ApplicationRunner {

	static final String IMPORT_NAME = "demo-ticket-history";

	static final String LABEL = "【演示数据】";

	static final int DAYS = 60;

	private static final Logger log = LoggerFactory.getLogger(DemoTickets.class);

	private final JdbcClient jdbc;

	private final DataImports imports;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoTickets(JdbcClient jdbc, DataImports imports, TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.imports = imports;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.transaction.executeWithoutResult(status -> loadOnce());
	}

	void loadOnce() {
		this.imports.generateOnceForDemoCity(IMPORT_NAME, "problem_ticket", this.clock.instant(), this::generate)
			.ifPresent(rows -> log.info("Generated the demo city's cases (演示数据): {} over {} days", rows, DAYS));
	}

	/**
	 * Writes the cases and their histories (opened; resolved) in the caller's
	 * transaction; the number of cases written.
	 */
	int generate() {
		Instant now = this.clock.instant();
		int cases = this.jdbc
			.sql("""
					insert into problem_ticket (number, station_id, problem, description, status, responsible_level,
					    assignee_union_code, created_at, due_at, resolved_at, resolution_note, version, source, severity)
					select n.number, g.id, g.problem,
					       :label || case g.problem
					           when 'BROKEN_FACILITY' then '饮水机不出热水。'
					           when 'MISSING_SUPPLIES' then '急救药箱里的创可贴用完了。'
					           when 'CLOSED_WHEN_LISTED_OPEN' then '地图上显示开放，中午来时门锁着。'
					           else '门口台阶破损，晚上容易绊倒。' end,
					       case when g.resolved then 'RESOLVED' else 'OPEN' end, 'SUPERVISING_UNION', g.district_code,
					       g.created_at,
					       case when g.resolved or g.overdue then g.created_at + interval '2 days'
					            else greatest(g.created_at + interval '3 days', cast(:now as timestamptz) + interval '1 day') end,
					       case when g.resolved then g.created_at + make_interval(hours => 2 + g.h % 70) end,
					       case when g.resolved then :label || '已处理并回访报告人。' end,
					       0, case when g.h % 5 = 0 then 'STAFF' else 'QR_REPORT' end,
					       case when g.h % 5 = 0 then 'SERIOUS' end
					from (
					    select s.id, s.district_code, abs(hashtext(s.code || ':case')) as h,
					           cast(:now as timestamptz) - make_interval(days => abs(hashtext(s.code || ':case')) % :days,
					               mins => abs(hashtext(s.code || ':minute')) % 600) as created_at,
					           (array['BROKEN_FACILITY', 'MISSING_SUPPLIES', 'CLOSED_WHEN_LISTED_OPEN', 'SAFETY'])
					               [1 + abs(hashtext(s.code || ':problem')) % 4] as problem,
					           abs(hashtext(s.code || ':case')) % :days >= 3
					               and abs(hashtext(s.code || ':open')) % 4 <> 0 as resolved,
					           abs(hashtext(s.code || ':open')) % 3 = 0 as overdue,
					           (select string_agg(substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ',
					                       1 + get_byte(sha256(convert_to('demo-case:' || s.code, 'UTF8')), i) % 31, 1), ''
					                       order by i)
					            from generate_series(0, 11) as i) as symbols
					    from station s
					    where s.status = 'LISTED' and abs(hashtext(s.code || ':case')) % 9 = 0
					) g
					cross join lateral (select substr(g.symbols, 1, 4) || '-' || substr(g.symbols, 5, 4) || '-'
					                           || substr(g.symbols, 9, 4) as number) n
					on conflict (number) do nothing""")
			.param("label", LABEL)
			.param("now", Timestamp.from(now))
			.param("days", DAYS)
			.update();
		this.jdbc
			.sql("""
					insert into problem_ticket_history (ticket_id, at, event, responsible_level, assignee_union_code, due_at)
					select t.id, t.created_at, 'OPENED', t.responsible_level, t.assignee_union_code,
					       case when t.status = 'OPEN' then t.due_at else t.created_at + interval '2 days' end
					from problem_ticket t where t.description like :label || '%'""")
			.param("label", LABEL)
			.update();
		this.jdbc.sql("""
				insert into problem_ticket_history (ticket_id, at, event, responsible_level, assignee_union_code, note)
				select t.id, t.resolved_at, 'RESOLVED', t.responsible_level, t.assignee_union_code, t.resolution_note
				from problem_ticket t where t.description like :label || '%' and t.status = 'RESOLVED'""")
			.param("label", LABEL)
			.update();
		return cases;
	}

}
