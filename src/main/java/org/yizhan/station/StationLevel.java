package org.yizhan.station;

/**
 * The level a station has been recognised at (三级达标: city, provincial, national).
 */
public enum StationLevel implements Labelled {

	NONE("未定级", "None"), CITY("市级", "City"), PROVINCIAL("省级", "Provincial"), NATIONAL("全国级", "National");

	private final String labelZh;

	private final String labelEn;

	StationLevel(String labelZh, String labelEn) {
		this.labelZh = labelZh;
		this.labelEn = labelEn;
	}

	@Override
	public String labelZh() {
		return labelZh;
	}

	@Override
	public String labelEn() {
		return labelEn;
	}

}
