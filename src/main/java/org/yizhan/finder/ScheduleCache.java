package org.yizhan.finder;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.yizhan.calendar.OpeningHours;
import org.yizhan.calendar.OpeningSchedule;

/**
 * Compiles each distinct {@code opening_hours} string once: most stations share a handful
 * of schedules ({@code Mo-Fr 08:30-17:30}, {@code 24/7}), so the index holds one compiled
 * copy of each instead of one per station.
 */
class ScheduleCache {

	private final ConcurrentMap<String, OpeningSchedule> compiled = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, String> texts = new ConcurrentHashMap<>();

	OpeningSchedule compile(OpeningHours hours) {
		return compiled.computeIfAbsent(hours.value(), value -> OpeningSchedule.compile(hours));
	}

	/** One shared copy of each distinct hours string, as stations show it. */
	String canonical(String hours) {
		return texts.computeIfAbsent(hours, value -> value);
	}

	int size() {
		return compiled.size();
	}

}
