package org.yizhan.grading;

import java.math.BigDecimal;
import java.time.Instant;

import org.yizhan.station.StationLevel;

/**
 * A station a union put forward to the union above it for that union's level, within its
 * yearly quota. It is {@code PENDING} until the union above accepts or declines it (a
 * decline says why); an accepted one changes no grade by itself: the union above names
 * its accepted nominations together in a naming batch, which applies the level
 * ({@code batchId} then set). A declined nomination frees its place in the quota, and the
 * station may be nominated again.
 *
 * @param score the score the nominating union's run gave the station, and
 * {@code proposedLevel} the level it proposed: what the union above reads first
 */
public record Nomination(long id, long runId, long stationId, String stationCode, String stationName, int year,
		String fromCode, String fromName, String toCode, String toName, StationLevel level, String reason,
		Status status, String nominatedBy, Instant nominatedAt, String answer, String answeredBy, Instant answeredAt,
		Long batchId, StationLevel levelNow, int starsNow, BigDecimal score, StationLevel proposedLevel) {

	/** Where a nomination stands. */
	public enum Status {

		PENDING, ACCEPTED, DECLINED

	}

}
