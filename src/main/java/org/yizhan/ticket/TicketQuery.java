package org.yizhan.ticket;

import org.yizhan.station.StationId;

/**
 * Which tickets a list shows, inside what the caller may see; every filter but the view
 * and the state is optional.
 *
 * @param view the caller's own queue or everything in scope
 * @param state open, overdue, resolved or all
 * @param organizationPath the path of a union: tickets of stations in its subtree, or
 * {@code null}
 * @param problem one problem type, or {@code null}
 * @param station one station, or {@code null}
 * @param source one source, or {@code null}
 */
public record TicketQuery(View view, State state, String organizationPath, ProblemType problem, StationId station,
		TicketSource source) {

	/** Every source. */
	public TicketQuery(View view, State state, String organizationPath, ProblemType problem, StationId station) {
		this(view, state, organizationPath, problem, station, null);
	}

	/** Whose tickets. */
	public enum View {

		/**
		 * The ones the caller holds: as the person named, or as an admin of the union.
		 */
		MINE,
		/** Every ticket the caller may see. */
		SCOPE

	}

	/** Which tickets by where they stand. */
	public enum State {

		/** Not closed: open, or rectified and waiting for the re-check. */
		OPEN, OVERDUE,
		/** Rectified by the station side, waiting for the re-check. */
		AWAITING_RECHECK, RESOLVED, ALL

	}

}
