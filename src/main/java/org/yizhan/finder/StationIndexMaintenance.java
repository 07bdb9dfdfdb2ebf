package org.yizhan.finder;

import java.util.EnumSet;

import org.yizhan.station.Station;
import org.yizhan.station.StationCopies;
import org.yizhan.station.StationCopy;
import org.yizhan.station.StationStatus;

import org.springframework.stereotype.Component;

/**
 * Keeps this instance's index equal to the listed stations in the database, as a copy
 * registered with {@link StationCopies}: built at start-up, changed after each commit of
 * this instance by version, reconciled with the database for changes made through another
 * instance (the rule is {@link StationCopies}'s, the same for every copy). The index
 * keeps its own structure; this class only turns a station into an {@link IndexedStation}
 * and tells the copy which versions the index holds.
 */
@Component
class StationIndexMaintenance {

	private final StationCopy copy;

	StationIndexMaintenance(StationIndex index, StationCopies copies, ScheduleCache schedules) {
		this.copy = copies.follow("finder", EnumSet.of(StationStatus.LISTED), new StationCopy.Holder() {

			@Override
			public long versionOf(long stationId) {
				IndexedStation indexed = index.get(stationId);
				return (indexed != null) ? indexed.version() : -1;
			}

			@Override
			public void forEachHeld(StationCopy.HeldVersion action) {
				for (IndexedStation indexed : index.all()) {
					action.accept(indexed.id(), indexed.version());
				}
			}

			@Override
			public void put(Station station) {
				index.put(IndexedStation.of(station, schedules));
			}

			@Override
			public void remove(long stationId) {
				index.remove(stationId);
			}

		});
	}

	/**
	 * Repairs the index's drift now, rather than at the next reconciliation of every
	 * copy.
	 * @return how many stations it added, replaced or removed
	 */
	int reconcile() {
		return copy.reconcile();
	}

}
