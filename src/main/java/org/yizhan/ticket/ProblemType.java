package org.yizhan.ticket;

import org.yizhan.station.Labelled;

/**
 * What a worker can report from the rating page. Each type has its own deadline: a
 * station that should be open and is not, or a safety problem, cannot wait a week.
 */
public enum ProblemType implements Labelled {

	CLOSED_WHEN_LISTED_OPEN("显示开放但未开门", "Closed when listed as open"), BROKEN_FACILITY("设施损坏", "Broken facility"),
	MISSING_SUPPLIES("物资短缺", "Missing supplies"), SAFETY("安全隐患", "Safety hazard");

	private final Label label;

	ProblemType(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return label;
	}

}
