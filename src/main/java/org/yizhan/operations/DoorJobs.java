package org.yizhan.operations;

import java.time.Duration;

import org.yizhan.finder.EntryOutages;
import org.yizhan.finder.StationFinder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The door devices' scheduled work and their link to the finder: the watch that finds
 * silent devices (every 30 s), the purge of nonces past the window (every 10 min) and of
 * ID cards' hashes older than 180 days (hourly); each may run on any instance at any
 * time, and a second run changes nothing. The finder asks this module which stations'
 * self-service entry is out of order through {@link EntryOutages}, and is told to ask
 * again after each change this instance commits.
 */
@Component
class DoorJobs implements EntryOutages {

	private final DoorDevices doors;

	private final StationFinder finder;

	private final Duration cardRetention;

	DoorJobs(DoorDevices doors, StationFinder finder,
			@Value("${yizhan.operations.doors.card-retention:P180D}") Duration cardRetention) {
		this.doors = doors;
		this.finder = finder;
		this.cardRetention = cardRetention;
	}

	@Scheduled(fixedDelayString = "${yizhan.operations.doors.watch-interval:PT30S}",
			initialDelayString = "${yizhan.operations.doors.watch-interval:PT30S}")
	int watch() {
		return doors.watch().size();
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
	int purgeNonces() {
		return doors.purgeNonces();
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	int eraseCardHashes() {
		return doors.eraseCardHashes(cardRetention);
	}

	@Override
	public java.util.Set<Long> stationsWithEntryOutOfOrder() {
		return doors.stationsWithEntryOutOfOrder();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(SelfServiceEntryChanged changed) {
		finder.refreshEntryOutages();
	}

}
