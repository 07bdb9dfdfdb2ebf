package org.yizhan.reporting;

import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the days before today into the dashboard's monthly roll-up per district
 * ({@code reporting_district_month}), so that a national page sums a row per district and
 * month instead of a row per district and day of ratings and a row per station and day of
 * visits.
 *
 * <p>
 * The roll-up holds the days up to a watermark, and the dashboard reads the days after it
 * live in the same statement: it is exact whether the fold has run or not, and a fold
 * only moves work from the live read to the roll-up. Changes to days already folded reach
 * the roll-up through statement triggers on {@code rating_figures} and {@code visit_day}
 * in their own transactions (the migration says how they and the fold agree on who counts
 * a change). "Today" is the database's, in Asia/Shanghai, for the fold and the triggers
 * alike.
 */
@Component
class ReportingRollUp {

	private final JdbcClient jdbc;

	ReportingRollUp(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "${yizhan.reporting.rollup-interval:PT10M}",
			initialDelayString = "${yizhan.reporting.rollup-initial-delay:PT1M}")
	@SchedulerLock(name = "reporting-rollup", lockAtMostFor = "PT30M")
	void foldOnSchedule() {
		fold();
	}

	/**
	 * Adds every day after the watermark up to yesterday to its month's row and moves the
	 * watermark to yesterday; nothing when it is there already.
	 * @return the last day folded now
	 */
	@Transactional
	public LocalDate fold() {
		LocalDate through = this.jdbc.sql("select folded_through from reporting_rollup_watermark for update")
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		LocalDate yesterday = this.jdbc.sql("select (now() at time zone 'Asia/Shanghai')::date - 1")
			.query(LocalDate.class)
			.single();
		if (through != null && !through.isBefore(yesterday)) {
			return through;
		}
		LocalDate start = (through == null) ? LocalDate.of(1900, 1, 1) : through.plusDays(1);
		this.jdbc.sql("""
				insert into reporting_district_month as m (district_code, month, ratings, stars, satisfied, visits)
				select district_code, month, sum(ratings), sum(stars), sum(satisfied), sum(visits) from (
				  select f.district_code, date_trunc('month', f.rating_day)::date as month, f.counted as ratings,
				         f.stars, f.satisfied, 0 as visits
				  from rating_figures f where f.rating_day between :start and :through
				  union all
				  select d.district_code, date_trunc('month', d.day)::date, 0, 0, 0, d.visits
				  from visit_day d where d.day between :start and :through
				) days group by 1, 2
				on conflict (district_code, month) do update set ratings = m.ratings + excluded.ratings,
				  stars = m.stars + excluded.stars, satisfied = m.satisfied + excluded.satisfied,
				  visits = m.visits + excluded.visits""").param("start", start).param("through", yesterday).update();
		this.jdbc.sql("update reporting_rollup_watermark set folded_through = :through")
			.param("through", yesterday)
			.update();
		return yesterday;
	}

}
