package org.yizhan.station;

import java.util.Optional;

/**
 * The level a station has been recognised at (三级达标: city, provincial, national), declared
 * from the lowest to the highest: {@link #lower()} relies on that order.
 */
public enum StationLevel implements Labelled {

	NONE("未定级", "None"), CITY("市级", "City"), PROVINCIAL("省级", "Provincial"), NATIONAL("全国级", "National");

	private final Label label;

	StationLevel(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return label;
	}

	/**
	 * The level one step down (降级): national → provincial → city → none; empty for a
	 * station without a level, which cannot go lower.
	 */
	public Optional<StationLevel> lower() {
		return (this == NONE) ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
	}

}
