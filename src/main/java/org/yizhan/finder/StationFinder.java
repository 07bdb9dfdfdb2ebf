package org.yizhan.finder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.OptionalLong;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.calendar.OpenState;

import org.springframework.stereotype.Service;

/**
 * Finds listed stations near a point or inside a map viewport, from memory: the public
 * entry point of the finder. The index behind it is built at start-up and kept current by
 * {@link StationIndexMaintenance}.
 */
@Service
public class StationFinder {

	private final StationIndex index;

	private final HolidayCalendar calendar;

	private final EntryOutageSet outages;

	private final ListingFreshnessCopy freshness;

	private final Clock clock;

	StationFinder(StationIndex index, HolidayCalendar calendar, EntryOutageSet outages, ListingFreshnessCopy freshness,
			Clock clock) {
		this.index = index;
		this.calendar = calendar;
		this.outages = outages;
		this.freshness = freshness;
		this.clock = clock;
	}

	/**
	 * The nearest matching stations, nearest first; at an equal distance in whole metres
	 * (two stations in one building) a confirmed listing before one shown as 待核实, and
	 * otherwise in id order.
	 */
	public List<NearbyStation> nearby(NearbyQuery query) {
		List<NearbyStation> found = index.nearby(query, calendar);
		Instant now = clock.instant();
		boolean anyUnverified = false;
		for (NearbyStation station : found) {
			if (freshness.isUnverified(station.station().id(), now)) {
				anyUnverified = true;
				break;
			}
		}
		if (!anyUnverified) {
			return found;
		}
		List<NearbyStation> ranked = new ArrayList<>(found);
		// stable: the index's order (distance, then id) stays within each rank
		ranked.sort(Comparator.comparingLong((NearbyStation station) -> Math.round(station.distanceMeters()))
			.thenComparing(station -> freshness.isUnverified(station.station().id(), now)));
		return ranked;
	}

	/**
	 * Whether the finder shows the station as 待核实: held after independent shut reports,
	 * or not confirmed by any fresh signal for 60 days.
	 */
	public boolean isUnverified(IndexedStation station) {
		return freshness.isUnverified(station.id(), clock.instant());
	}

	/** Whole days since a fresh signal last confirmed the station; empty when unknown. */
	public OptionalLong daysSinceConfirmed(IndexedStation station) {
		long days = freshness.daysSinceConfirmed(station.id(), clock.instant());
		return (days < 0) ? OptionalLong.empty() : OptionalLong.of(days);
	}

	/** Every listed station inside the box, for a map viewport. */
	public List<IndexedStation> inBox(double south, double west, double north, double east) {
		return index.inBox(south, west, north, east);
	}

	public Optional<IndexedStation> findById(long id) {
		return Optional.ofNullable(index.get(id));
	}

	/**
	 * Whether the station is open at {@code at}, since and until when, or when it opens
	 * next.
	 */
	public OpenState openState(IndexedStation station, LocalDateTime at) {
		return station.schedule().stateAt(at, calendar);
	}

	/**
	 * Whether unattended entry works at {@code at}; empty for stations without smart
	 * entry.
	 */
	public Optional<OpenState> entryState(IndexedStation station, LocalDateTime at) {
		return Optional.ofNullable(station.entrySchedule()).map(schedule -> schedule.stateAt(at, calendar));
	}

	/**
	 * Whether the station's self-service entry is out of order now (its door devices
	 * silent, as an {@link EntryOutages} bean says): then it is not available whatever
	 * its hours say.
	 */
	public boolean entryOutOfOrder(IndexedStation station) {
		return outages.contains(station.id());
	}

	/**
	 * Asks the {@link EntryOutages} beans again now, after a change committed through
	 * this instance; another instance's changes arrive within a minute.
	 */
	public void refreshEntryOutages() {
		outages.refresh();
	}

	public int size() {
		return index.size();
	}

}
