package org.yizhan.supervision;

import org.yizhan.station.Labelled;

/** Where a case stands. */
public enum SilentCaseStatus implements Labelled {

	OPEN("待处理", "Open"), DOWNGRADED("已降级", "Downgraded"), DELISTED("已摘牌", "Delisted"), EXEMPTED("已豁免", "Exempted"),
	RESOLVED_BY_RATING("已恢复评价", "Resolved by a rating"), WITHDRAWN("驿站已另行摘牌", "Station delisted otherwise");

	private final Label label;

	SilentCaseStatus(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return label;
	}

}
