package org.yizhan.organization.audit;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.organization.Audited;
import org.yizhan.organization.OrganizationTree;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes audit entries older than {@code yizhan.audit.retention}, once a day and on one
 * instance at a time (ShedLock). The removal goes through the database function
 * {@code purge_audit_entries}, which runs with the owner's rights and itself refuses a
 * retention under 180 days: the application's role cannot delete entries any other way.
 */
@Component
class AuditRetention {

	/** 等保 2.0 asks that audit records be kept at least six months. */
	static final Duration MINIMUM = Duration.ofDays(180);

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Duration retention;

	AuditRetention(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transaction,
			@Value("${yizhan.audit.retention:180d}") Duration retention) {
		if (retention.compareTo(MINIMUM) < 0) {
			throw new IllegalStateException("yizhan.audit.retention is " + retention.toDays()
					+ " days; audit entries must be kept at least 180 days (set 180d or more)");
		}
		this.jdbc = jdbc;
		this.events = events;
		this.transaction = transaction;
		this.retention = retention;
	}

	@Scheduled(cron = "${yizhan.audit.purge-cron:0 17 3 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "audit-retention", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	public void purgeOnSchedule() {
		purge();
	}

	/**
	 * Removes the expired entries and records that it did, in one transaction.
	 * @return how many entries were removed; 0 on a second run
	 */
	public int purge() {
		return transaction.execute(status -> purgeExpired());
	}

	private int purgeExpired() {
		long days = retention.toDays();
		int removed = jdbc.sql("select purge_audit_entries(:days)")
			.param("days", (int) days)
			.query(Integer.class)
			.single();
		if (removed > 0) {
			log.info("Removed {} audit entries older than {} days", removed, days);
			events.publishEvent(new Audited("audit.purge", "audit", "audit_entry", OrganizationTree.NATIONAL_CODE, null,
					"removed=" + removed + "; olderThanDays=" + days));
		}
		return removed;
	}

}
