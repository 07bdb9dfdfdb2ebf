package org.yizhan.ticket;

import org.yizhan.station.Labelled;

/**
 * What a case is about. A worker can report the first four from the rating page, each
 * with its own deadline: a station that should be open and is not, or a safety problem,
 * cannot wait a week. Staff and stations may also open a case about something else, and
 * an inspection's case is about a failed item of its checklist; those are due by their
 * {@link Severity}.
 */
public enum ProblemType implements Labelled {

	CLOSED_WHEN_LISTED_OPEN("显示开放但未开门", "Closed when listed as open"), BROKEN_FACILITY("设施损坏", "Broken facility"),
	MISSING_SUPPLIES("物资短缺", "Missing supplies"), SAFETY("安全隐患", "Safety hazard"),
	/** A checklist item an inspection failed; only an inspection opens such a case. */
	FAILED_ITEM("检查项不合格", "Failed inspection item"),
	/** Anything else staff or a station's self-check found. */
	OTHER("其他问题", "Other problem");

	private final Label label;

	ProblemType(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return label;
	}

	/** Whether a worker may report it from a station's QR page. */
	public boolean reportable() {
		return this != FAILED_ITEM && this != OTHER;
	}

}
