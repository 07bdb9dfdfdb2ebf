package org.yizhan.station;

/**
 * Where a station is in its lifecycle; see {@link Station} for the allowed steps.
 */
public enum StationStatus implements Labelled {

	DRAFT("草稿", "Draft"), LISTED("已上图", "Listed"), SUSPENDED("暂停服务", "Suspended"), DELISTED("已摘牌", "Delisted");

	private final String labelZh;

	private final String labelEn;

	StationStatus(String labelZh, String labelEn) {
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
