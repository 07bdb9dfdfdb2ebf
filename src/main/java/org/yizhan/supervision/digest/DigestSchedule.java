package org.yizhan.supervision.digest;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

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

	private final Digests digests;

	DigestSchedule(Digests digests) {
		this.digests = digests;
	}

	@Scheduled(cron = "${yizhan.rating.digests.schedule:0 */10 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "digests", lockAtMostFor = "PT1H", lockAtLeastFor = "PT30S")
	public void deliverOnSchedule() {
		digests.deliverDue();
	}

	/**
	 * The catch-up after a restart, without waiting for the next ten minutes; off with
	 * the schedule. A bean of its own so that it goes through the schedule's lock.
	 */
	@Component
	static class CatchUp {

		private final DigestSchedule schedule;

		private final boolean enabled;

		CatchUp(DigestSchedule schedule, @Value("${yizhan.rating.digests.schedule:0 */10 * * * *}") String cron) {
			this.schedule = schedule;
			this.enabled = !"-".equals(cron);
		}

		@Scheduled(initialDelayString = "${yizhan.rating.digests.catch-up-delay:PT30S}")
		void afterStart() {
			if (this.enabled) {
				this.schedule.deliverOnSchedule();
			}
		}

	}

}
