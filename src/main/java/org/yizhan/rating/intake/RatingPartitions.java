package org.yizhan.rating.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.yizhan.platform.YizhanTime;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Creates the monthly partitions of {@code rating} ahead of time: the current month and
 * the next {@code yizhan.rating.intake.partition-months-ahead} (3), at start-up and every
 * night, once across instances (ShedLock). Ahead of time, because a month's rows that
 * land in the default partition would stop that month's partition from being created
 * later; the default partition is only the safety net that keeps an insert from failing.
 * The application's role may not run DDL: it calls V8's {@code create_rating_partition},
 * which runs with the owner's rights and does only that.
 */
@Component
public class RatingPartitions {

	private static final Logger log = LoggerFactory.getLogger(RatingPartitions.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int monthsAhead;

	RatingPartitions(JdbcClient jdbc, Clock clock, IntakeProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.monthsAhead = properties.partitionMonthsAhead();
	}

	@EventListener(ApplicationReadyEvent.class)
	@SchedulerLock(name = "rating-partitions", lockAtMostFor = "PT10M")
	public void atStartUp() {
		createAhead();
	}

	@Scheduled(cron = "${yizhan.rating.intake.partition-cron:0 23 2 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "rating-partitions", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
	public void nightly() {
		createAhead();
	}

	/**
	 * Creates the missing partitions from this month (Asia/Shanghai) to
	 * {@code monthsAhead} months on.
	 * @return how many were created; 0 on a second run
	 */
	public int createAhead() {
		YearMonth current = YearMonth.from(LocalDate.now(clock.withZone(YizhanTime.ZONE)));
		int created = 0;
		for (int i = 0; i <= monthsAhead; i++) {
			YearMonth month = current.plusMonths(i);
			try {
				Boolean made = jdbc.sql("select create_rating_partition(:month)")
					.param("month", month.atDay(1))
					.query(Boolean.class)
					.single();
				if (Boolean.TRUE.equals(made)) {
					created++;
					log.info("Created the rating partition of {}", month);
				}
			}
			catch (DataAccessException ex) {
				// Most likely rows of that month already sit in the default partition:
				// they
				// must be moved out by hand before the partition can exist.
				log.error("Could not create the rating partition of {}: {}", month, ex.getMessage());
			}
		}
		return created;
	}

}
