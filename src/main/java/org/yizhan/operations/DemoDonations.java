package org.yizhan.operations;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.platform.DataImports;
import org.yizhan.platform.YizhanTime;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the demo city donated goods and coupons, so that a first visit finds the
 * donations pages and the union's figures with something in them: about one listed
 * station in five received a donation over the last {@value #DAYS} days (a company's, a
 * foundation's or its host's water, raincoats, towels), part of it claimed since; about
 * one in ten offers a cooling drink for a month that started two weeks ago, with the
 * redemptions of the days gone by. Everything is recorded by {@value DemoVisits#LABEL},
 * so the pages say what it is.
 *
 * <p>
 * Deterministic (hashes of the station's code). Loaded once per database, only on the
 * demo city's and only while it holds no donation; off with
 * {@code yizhan.demo.history.enabled=false}, as the tests run.
 */
@Component
@Order(37)
@ConditionalOnBooleanProperty(name = { "yizhan.demo.enabled", "yizhan.demo.history.enabled" }, matchIfMissing = true)
class DemoDonations implements ApplicationRunner {

	static final String IMPORT_NAME = "demo-donations";

	static final int DAYS = 30;

	private static final Logger log = LoggerFactory.getLogger(DemoDonations.class);

	private final JdbcClient jdbc;

	private final DataImports imports;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoDonations(JdbcClient jdbc, DataImports imports, TransactionTemplate transaction, Clock clock) {
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
		this.imports.generateOnceForDemoCity(IMPORT_NAME, "donation", this.clock.instant(), this::generate)
			.ifPresent(
					rows -> log.info("Generated the demo city's donated goods and coupons (演示数据): {} donations", rows));
	}

	/**
	 * Writes donations, their claims and coupons in the caller's transaction; the
	 * donations written.
	 */
	int generate() {
		LocalDate today = LocalDate.now(this.clock.withZone(YizhanTime.ZONE));
		Timestamp now = Timestamp.from(this.clock.instant());
		int donations = this.jdbc.sql("""
				insert into donation (station_id, donor_kind, donor, name, unit, quantity, claimed, donated_on,
				  recorded_at, recorded_by)
				select s.id,
				       (array['COMPANY', 'FOUNDATION', 'HOST'])[1 + g.h % 3],
				       (array['顺丰速运杭州分公司', '杭州市职工爱心基金会', '本站承建单位'])[1 + g.h % 3],
				       (array['矿泉水', '雨衣', '毛巾', '防暑降温包'])[1 + g.h % 4],
				       (array['瓶', '件', '条', '份'])[1 + g.h % 4],
				       g.quantity, g.quantity * (g.h % 80) / 100,
				       cast(:today as date) - (g.h % :days)::int, :now, :label
				from (select s.id, abs(hashtext(s.code || ':donation')) as h,
				             20 + abs(hashtext(s.code || ':donated')) % 181 as quantity
				      from station s where s.status = 'LISTED') g
				join station s on s.id = g.id
				where g.h % 5 = 0""")
			.param("today", Date.valueOf(today))
			.param("days", DAYS)
			.param("now", now)
			.param("label", DemoVisits.LABEL)
			.update();
		// each donation's claims as one batch recorded the day after it arrived (or
		// today)
		this.jdbc.sql("""
				insert into donation_claim (donation_id, station_id, claims, day, recorded_at, recorded_by)
				select d.id, d.station_id, d.claimed, least(d.donated_on + 1, cast(:today as date)), :now, :label
				from donation d where d.recorded_by = :label and d.claimed > 0""")
			.param("today", Date.valueOf(today))
			.param("now", now)
			.param("label", DemoVisits.LABEL)
			.update();
		this.jdbc.sql("""
				insert into coupon (station_id, funder, title, starts_on, ends_on, total, created_at, created_by)
				select s.id, (array['怡宝爱心基金', '美团骑手关怀基金'])[1 + abs(hashtext(s.code || ':funder')) % 2],
				       '冰镇饮料一瓶', cast(:today as date) - 14, cast(:today as date) + 16, 600, :now, :label
				from station s
				where s.status = 'LISTED' and abs(hashtext(s.code || ':coupon')) % 10 = 0""")
			.param("today", Date.valueOf(today))
			.param("now", now)
			.param("label", DemoVisits.LABEL)
			.update();
		this.jdbc.sql("""
				insert into coupon_day (coupon_id, day, redeemed)
				select c.id, d.day::date, 1 + abs(hashtext(c.id || ':' || d.day::date)) % 12
				from coupon c
				cross join generate_series(cast(:today as date) - 14, cast(:today as date) - 1, interval '1 day') d(day)
				where c.created_by = :label""")
			.param("today", Date.valueOf(today))
			.param("label", DemoVisits.LABEL)
			.update();
		this.jdbc.sql("""
				update coupon c set redeemed = t.total
				from (select coupon_id, sum(redeemed) as total from coupon_day group by coupon_id) t
				where t.coupon_id = c.id and c.created_by = :label""").param("label", DemoVisits.LABEL).update();
		return donations;
	}

}
