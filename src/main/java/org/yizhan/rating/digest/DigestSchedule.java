package org.yizhan.rating.digest;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.yizhan.rating.Digests;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the digests every ten minutes from 08:00 (and once shortly after start-up), on one
 * instance at a time: the first run at or after 08:00 delivers, the later ones find
 * everything decided and cost one query per kind. That is also the catch-up: an instance
 * that was down at 08:00 delivers the day's digests when it is back, and one that was up
 * has nothing left to do. The lock only saves work; the claim on each digest is what
 * keeps it to once.
 */
@Component
class DigestSchedule {

	static final String DISABLED = "-";

	private final Digests digests;

	private final boolean enabled;

	DigestSchedule(Digests digests, @Value("${yizhan.rating.digests.schedule:0 */10 * * * *}") String schedule) {
		this.digests = digests;
		this.enabled = !DISABLED.equals(schedule);
	}

	@Scheduled(cron = "${yizhan.rating.digests.schedule:0 */10 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "digests", lockAtMostFor = "PT1H", lockAtLeastFor = "PT30S")
	public void deliverOnSchedule() {
		digests.deliverDue();
	}

	/** The catch-up after a restart, without waiting for the next ten minutes. */
	@Scheduled(initialDelayString = "${yizhan.rating.digests.catch-up-delay:PT30S}")
	@SchedulerLock(name = "digests", lockAtMostFor = "PT1H", lockAtLeastFor = "PT30S")
	public void catchUpAfterStart() {
		if (enabled) {
			digests.deliverDue();
		}
	}

}
