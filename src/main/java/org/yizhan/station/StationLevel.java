package org.yizhan.station;

/**
 * The level a station has been recognised at (三级达标: city, provincial, national).
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

}
