package org.yizhan.station;

import java.util.Objects;

import org.yizhan.calendar.OpeningHours;

/**
 * Unattended entry of a 24-hour smart station (24小时智慧驿站): how a worker gets in, and
 * during which hours nobody is on duty (e.g. ID card {@code Mo-Su 18:00-08:00}).
 */
public record SmartEntry(EntryMethod method, OpeningHours unattendedHours) {

	public SmartEntry {
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(unattendedHours, "unattendedHours");
	}

}
