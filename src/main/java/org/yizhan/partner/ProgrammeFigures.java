package org.yizhan.partner;

import java.time.LocalDate;
import java.util.Map;

/**
 * A programme's figures over a period of Beijing days (both included): its stations by
 * status now, the visits served (ADR 0023's merged count), the supplies used, and the
 * counted ratings; no comment and nothing about a person.
 *
 * @param averageStars the mean of the counted ratings' stars, {@code null} without any
 * @param satisfied the counted ratings of four or five stars
 */
public record ProgrammeFigures(long programmeId, LocalDate from, LocalDate to, Map<String, Long> stationsByStatus,
		long visits, long suppliesUsed, long ratings, Double averageStars, long satisfied) {

	public ProgrammeFigures {
		stationsByStatus = Map.copyOf(stationsByStatus);
	}

}
