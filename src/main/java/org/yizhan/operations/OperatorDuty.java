package org.yizhan.operations;

import org.yizhan.station.Labelled;

/**
 * What an operator's contract makes it answer for (seed 004: property companies keep
 * stations clean, their equipment working, their power and water on).
 */
public enum OperatorDuty implements Labelled {

	CLEANING("保洁", "Cleaning"), EQUIPMENT("设备维护", "Equipment upkeep"), POWER("电力保障", "Power"), WATER("饮水保障", "Water"),
	OPENING("按时开放", "Opening on time"), SECURITY("安全管理", "Safety and security");

	private final Label label;

	OperatorDuty(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
