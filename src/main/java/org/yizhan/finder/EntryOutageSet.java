package org.yizhan.finder;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The stations whose self-service entry is out of order, as the {@link EntryOutages}
 * beans say, held in memory: a search reads one volatile set instead of asking anyone.
 * Refreshed at start-up, every minute (a change made through another instance) and on
 * demand after a change made here.
 */
@Component
class EntryOutageSet {

	private static final Logger log = LoggerFactory.getLogger(EntryOutageSet.class);

	private final ObjectProvider<EntryOutages> sources;

	private volatile Set<Long> outOfOrder = Set.of();

	EntryOutageSet(ObjectProvider<EntryOutages> sources) {
		this.sources = sources;
	}

	boolean contains(long stationId) {
		return this.outOfOrder.contains(stationId);
	}

	@Scheduled(initialDelay = 0, fixedDelayString = "${yizhan.finder.entry-outages.refresh:PT1M}")
	void refresh() {
		Set<Long> found = new HashSet<>();
		List<EntryOutages> all = this.sources.orderedStream().toList();
		try {
			for (EntryOutages source : all) {
				found.addAll(source.stationsWithEntryOutOfOrder());
			}
		}
		catch (RuntimeException ex) {
			// the database away for a moment: keep what was known, try again next time
			log.warn("Could not refresh the stations whose self-service entry is out of order", ex);
			return;
		}
		this.outOfOrder = Set.copyOf(found);
	}

}
