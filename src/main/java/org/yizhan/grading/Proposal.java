package org.yizhan.grading;

import java.time.Instant;

import org.yizhan.station.StationLevel;

/**
 * What a run proposes for one station and why: the evidence it read, the rule's
 * assessment of it (score, level, stars and the explanation criterion by criterion), the
 * station's grade now and, once someone decided, the decision.
 *
 * @param decision {@code null} while undecided, else {@code ACCEPTED} or
 * {@code OVERRIDDEN}
 */
public record Proposal(long runId, StationEvidence evidence, Assessment assessment, StationLevel levelNow, int starsNow,
		String decision, StationLevel decidedLevel, Integer decidedStars, String reason, String decidedBy,
		Instant decidedAt, Long batchId) {

	/** Whether the proposal would change the station's grade as it is now. */
	public boolean changes() {
		return this.assessment.level() != this.levelNow || this.assessment.stars() != this.starsNow;
	}

}
