package org.yizhan.station;

import org.yizhan.platform.ConflictException;

/**
 * A lifecycle step that is not allowed from the station's current status, e.g. reopening
 * a delisted station.
 */
public class StationTransitionException extends ConflictException {

	private final StationStatus from;

	private final String action;

	StationTransitionException(StationStatus from, String action) {
		super("status", "station.transition." + action, from.labelZh(), from.labelEn());
		this.from = from;
		this.action = action;
	}

	public StationStatus from() {
		return from;
	}

	public String action() {
		return action;
	}

}
