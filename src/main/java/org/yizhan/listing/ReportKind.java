package org.yizhan.listing;

import org.yizhan.ticket.ProblemType;

/**
 * What a worker says is wrong with a station's listing, and the kind of case it becomes
 * or joins: a station shut, gone or moved is "closed when listed open" to the worker who
 * stands before it; wrong hours mostly mean the same; a facility listed but not there is
 * one the station must put right and show.
 */
public enum ReportKind {

	SHUT(ProblemType.CLOSED_WHEN_LISTED_OPEN), MOVED(ProblemType.CLOSED_WHEN_LISTED_OPEN),
	GONE(ProblemType.CLOSED_WHEN_LISTED_OPEN), WRONG_HOURS(ProblemType.CLOSED_WHEN_LISTED_OPEN),
	WRONG_FACILITIES(ProblemType.BROKEN_FACILITY);

	private final ProblemType problem;

	ReportKind(ProblemType problem) {
		this.problem = problem;
	}

	/** The problem of the case the report opens or joins. */
	public ProblemType problem() {
		return this.problem;
	}

}
