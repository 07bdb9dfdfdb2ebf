package org.yizhan.grading;

/**
 * A station that would lose at least one star if it were assessed today: its evidence of
 * the last twelve months, the assessment (whose shortfalls say why) and how many stars it
 * would lose.
 */
public record StationAtRisk(StationEvidence evidence, Assessment assessment) {

	public int starsLost() {
		return this.evidence.currentStars() - this.assessment.stars();
	}

}
