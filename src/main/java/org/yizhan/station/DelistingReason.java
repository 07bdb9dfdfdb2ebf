package org.yizhan.station;

/**
 * Why a station was taken off the map for good (摘牌).
 */
public enum DelistingReason implements Labelled {

	CLOSED("永久关闭", "Closed for good"), FAILED_STANDARDS("不达标", "Failed standards"),
	SILENT("长期无评价", "Silent (no ratings)"), DUPLICATE("重复登记", "Duplicate"), BOGUS("虚假站点", "Bogus");

	private final Label label;

	DelistingReason(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return label;
	}

}
