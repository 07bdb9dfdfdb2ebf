package org.yizhan.station;

/**
 * Where a station is in its lifecycle; see {@link Station} for the allowed steps.
 */
public enum StationStatus implements Labelled {

	DRAFT("草稿", "Draft"), LISTED("已上图", "Listed"), SUSPENDED("暂停服务", "Suspended"), DELISTED("已摘牌", "Delisted");

	private final Label label;

	StationStatus(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return label;
	}

}
