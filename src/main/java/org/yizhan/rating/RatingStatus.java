package org.yizhan.rating;

import org.yizhan.station.Labelled;

/**
 * Whether a stored rating counts. A suspect rating is held, never deleted: it stays out
 * of every figure and out of the silent-station rule until an admin releases or rejects
 * it.
 */
public enum RatingStatus implements Labelled {

	COUNTED("已计入", "Counted"), HELD("待审核", "Held for review"), REJECTED("已剔除", "Rejected");

	private final Label label;

	RatingStatus(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return label;
	}

}
