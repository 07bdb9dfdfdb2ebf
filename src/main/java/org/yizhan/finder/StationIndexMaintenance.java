package org.yizhan.finder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.station.StationChanged;
import org.yizhan.station.StationDelisted;
import org.yizhan.station.Listing;
import org.yizhan.station.StationId;
import org.yizhan.station.StationListed;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationSuspended;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's index equal to the listed stations in the database.
 *
 * <p>
 * Three paths, from fastest to surest: station events from this instance are applied as
 * soon as their change commits (through Modulith's outbox, so a crash before applying
 * replays them on restart); a reconciliation every
 * {@code yizhan.finder.reconcile-interval} compares every listed station's version with
 * the index and repairs drift, which is how changes made through another instance arrive;
 * and the whole index is built once at start-up.
 */
@Component
class StationIndexMaintenance {

	private static final Logger log = LoggerFactory.getLogger(StationIndexMaintenance.class);

	private final StationIndex index;

	private final StationRegistry registry;

	private final ScheduleCache schedules;

	private volatile boolean built;

	StationIndexMaintenance(StationIndex index, StationRegistry registry, ScheduleCache schedules) {
		this.index = index;
		this.registry = registry;
		this.schedules = schedules;
	}

	/** After the demo city and every other start-up loader have run. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void build() {
		long started = System.nanoTime();
		registry.forEachListed(station -> index.put(IndexedStation.of(station, schedules)));
		built = true;
		log.info("Finder index built: {} listed stations, {} distinct schedules, {} ms", index.size(), schedules.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	@ApplicationModuleListener
	void on(StationListed event) {
		refresh(event.stationId());
	}

	@ApplicationModuleListener
	void on(StationChanged event) {
		refresh(event.stationId());
	}

	@ApplicationModuleListener
	void on(StationSuspended event) {
		refresh(event.stationId());
	}

	@ApplicationModuleListener
	void on(StationDelisted event) {
		refresh(event.stationId());
	}

	/**
	 * Reads the station as it is now and applies that, version-checked: listeners run in
	 * parallel, so the listener of an earlier change may read before and write after the
	 * listener of a later one.
	 */
	private void refresh(StationId id) {
		Listing listing = registry.findListing(id);
		listing.listed()
			.ifPresentOrElse(station -> index.apply(IndexedStation.of(station, schedules)),
					() -> index.retire(id.value(), listing.version()));
	}

	/** Repairs drift; returns how many stations it added, replaced or removed. */
	@Scheduled(fixedDelayString = "${yizhan.finder.reconcile-interval:30s}",
			initialDelayString = "${yizhan.finder.reconcile-interval:30s}")
	int reconcile() {
		if (!built) {
			return 0;
		}
		index.forgetRemovals();
		Map<StationId, Long> listed = registry.listListedVersions();
		int repaired = 0;
		List<IndexedStation> stale = new ArrayList<>();
		for (IndexedStation station : index.all()) {
			if (!listed.containsKey(StationId.of(station.id()))) {
				stale.add(station);
			}
		}
		for (IndexedStation station : stale) {
			index.retire(station.id(), station.version());
			repaired++;
		}
		for (Map.Entry<StationId, Long> entry : listed.entrySet()) {
			IndexedStation indexed = index.get(entry.getKey().value());
			if (indexed == null || indexed.version() != entry.getValue()) {
				refresh(entry.getKey());
				repaired++;
			}
		}
		if (repaired > 0) {
			log.info("Finder index reconciled: {} stations repaired, {} listed", repaired, index.size());
		}
		return repaired;
	}

}
