package org.yizhan.finder;

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

	StationFinder(StationIndex index, HolidayCalendar calendar, EntryOutageSet outages) {
		this.index = index;
		this.calendar = calendar;
		this.outages = outages;
	}

	/** The nearest matching stations, nearest first; equal distances in id order. */
	public List<NearbyStation> nearby(NearbyQuery query) {
		return index.nearby(query, calendar);
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
