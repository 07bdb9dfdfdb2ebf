package org.yizhan.rating;

import org.yizhan.station.Labelled;

/**
 * The fixed tags a worker can tick beside the stars. Fixed, not free text, so that they
 * can be counted and compared across stations and cities.
 */
public enum RatingTag implements Labelled {

	CLEAN("干净整洁", "Clean and tidy", true), WELL_EQUIPPED("设施齐全", "Well equipped", true),
	OPEN_ON_TIME("开放准时", "Opens on time", true), FRIENDLY("服务热情", "Friendly service", true),
	NOT_OPEN("未开门", "Was not open", false), FACILITY_BROKEN("设施损坏", "Something broken", false),
	UNHYGIENIC("不卫生", "Not hygienic", false), OUT_OF_SUPPLIES("缺水缺药", "Out of water or medicine", false),
	UNATTENDED("无人管理", "Nobody in charge", false);

	private final Label label;

	private final boolean positive;

	RatingTag(String labelZh, String labelEn, boolean positive) {
		this.label = new Label(labelZh, labelEn);
		this.positive = positive;
	}

	@Override
	public Label label() {
		return label;
	}

	public boolean isPositive() {
		return positive;
	}

}
