package org.yizhan.reporting;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.yizhan.platform.YizhanTime;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes the monthly and yearly reports every night: the first run after a month (or a
 * year) ends makes its reports, later runs find them made and cost one query per kind.
 * That is also the catch-up after a night the application was down. The lock keeps a
 * second instance from doing the same work at the same time; the unique index on the
 * schedule's reports is what keeps each to one.
 */
@Component
class ReportSchedule {

	private static final Logger log = LoggerFactory.getLogger(ReportSchedule.class);

	private final UnionReports reports;

	private final Clock clock;

	ReportSchedule(UnionReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@Scheduled(cron = "${yizhan.reporting.report-cron:0 15 2 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "reporting-reports", lockAtMostFor = "PT3H", lockAtLeastFor = "PT1M")
	void makeDue() {
		int made = this.reports.makeDue(LocalDate.now(this.clock.withZone(YizhanTime.ZONE)));
		if (made > 0) {
			log.info("Made {} scheduled union reports", made);
		}
	}

}
