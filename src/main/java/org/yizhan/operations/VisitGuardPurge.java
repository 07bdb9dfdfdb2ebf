package org.yizhan.operations;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets which phones checked in where once their period is over, so that a device's
 * keyed hash stays in the database for the period and at most one purge interval more.
 * Any instance may run it at any time: a second run deletes nothing.
 */
@Component
class VisitGuardPurge {

	private final VisitRepository repository;

	private final Visits visits;

	private final Clock clock;

	VisitGuardPurge(VisitRepository repository, Visits visits, Clock clock) {
		this.repository = repository;
		this.visits = visits;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${yizhan.operations.visits.purge-interval:PT10M}",
			initialDelayString = "${yizhan.operations.visits.purge-interval:PT10M}")
	int purge() {
		Duration period = visits.period();
		return repository.purgeGuards(clock.instant().minus(period));
	}

}
