package org.yizhan.calendar;

import java.time.LocalTime;

/**
 * An opening on the station page's week table, shown on the day it starts.
 *
 * @param from when it opens
 * @param to when it closes (exclusive)
 * @param nextDay whether {@code to} falls on the following day: {@code 22:00-06:00} is
 * {@code (22:00, 06:00, true)}, and an opening to midnight ({@code 22:00-24:00}) is
 * {@code (22:00, 00:00, true)} because {@link LocalTime} has no 24:00
 */
public record LocalTimeRange(LocalTime from, LocalTime to, boolean nextDay) {

	@Override
	public String toString() {
		return this.from + "–" + this.to + (this.nextDay ? " (+1)" : "");
	}

}
