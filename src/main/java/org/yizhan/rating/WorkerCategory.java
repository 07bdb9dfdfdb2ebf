package org.yizhan.rating;

import org.yizhan.station.Labelled;

/**
 * Who the rating worker says they are (optional): the outdoor workers the stations serve.
 */
public enum WorkerCategory implements Labelled {

	RIDER("外卖骑手", "Delivery rider"), COURIER("快递员", "Courier"), SANITATION("环卫工人", "Sanitation worker"),
	DRIVER("司机", "Driver"), POLICE("交警", "Traffic police"), OTHER("其他", "Other");

	private final Label label;

	WorkerCategory(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return label;
	}

}
