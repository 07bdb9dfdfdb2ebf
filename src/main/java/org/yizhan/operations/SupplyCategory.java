package org.yizhan.operations;

import org.yizhan.station.Labelled;

/**
 * What kind of thing a station keeps: drinking water, the medicine kit's contents (each
 * with its expiry date), tools, seasonal goods (送清凉 in summer, 送温暖 in winter), other.
 */
public enum SupplyCategory implements Labelled {

	WATER("饮用水", "Drinking water"), MEDICINE("药品", "Medicine"), TOOL("工具", "Tools"), SEASONAL("季节物资", "Seasonal goods"),
	OTHER("其他", "Other");

	private final Label label;

	SupplyCategory(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return this.label;
	}

	/** Whether its items must carry an expiry date. */
	public boolean expires() {
		return this == MEDICINE;
	}

}
