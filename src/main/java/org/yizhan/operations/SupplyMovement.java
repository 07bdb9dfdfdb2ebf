package org.yizhan.operations;

import org.yizhan.station.Labelled;

/**
 * How an item's quantity changes: a delivery or restock adds, what workers used is taken
 * away (and counts as consumption), a stock-take sets the count found.
 */
public enum SupplyMovement implements Labelled {

	RESTOCKED("补货/到货", "Restocked"), USED("领用/消耗", "Used"), COUNTED("盘点", "Counted");

	private final Label label;

	SupplyMovement(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
