package org.yizhan.station;

/**
 * Why a station was taken off the map for good (摘牌).
 */
public enum DelistingReason implements Labelled {

	CLOSED("永久关闭", "Closed for good"), FAILED_STANDARDS("不达标", "Failed standards"),
	SILENT("长期无评价", "Silent (no ratings)"), DUPLICATE("重复登记", "Duplicate"), BOGUS("虚假站点", "Bogus");

	private final String labelZh;

	private final String labelEn;

	DelistingReason(String labelZh, String labelEn) {
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
