package org.yizhan.notification;

import java.time.Clock;
import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.organization.Audited;
import org.yizhan.organization.OrganizationTree;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes notifications older than {@code yizhan.notifications.retention} (and their
 * mail), once a day on one instance at a time (ShedLock): an inbox is for what is
 * current, and what it held is kept no longer than needed.
 */
@Component
class NotificationRetention {

	private static final Logger log = LoggerFactory.getLogger(NotificationRetention.class);

	private final NotificationStore store;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Duration retention;

	NotificationRetention(NotificationStore store, ApplicationEventPublisher events, TransactionTemplate transaction,
			Clock clock, @Value("${yizhan.notifications.retention:180d}") Duration retention) {
		if (retention.toDays() < 1) {
			throw new IllegalStateException("yizhan.notifications.retention must be at least a day, not " + retention);
		}
		this.store = store;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
		this.retention = retention;
	}

	@Scheduled(cron = "${yizhan.notifications.purge-cron:0 37 3 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "notification-retention", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	public void purgeOnSchedule() {
		purge();
	}

	/**
	 * Removes the expired notifications and records that it did, in one transaction.
	 * @return how many were removed; 0 on a second run
	 */
	int purge() {
		return transaction.execute(status -> {
			int removed = store.purgeBefore(clock.instant().minus(retention));
			if (removed > 0) {
				log.info("Removed {} notifications older than {} days", removed, retention.toDays());
				events.publishEvent(new Audited("notification.purge", "notification", "notification",
						OrganizationTree.NATIONAL_CODE, null,
						"removed=" + removed + "; olderThanDays=" + retention.toDays()));
			}
			return removed;
		});
	}

}
