package org.yizhan.operations;

import org.yizhan.station.Labelled;

/** What a union's activity at stations is (issue 17, item 4). */
public enum ActivityKind implements Labelled {

	/** Summer: cold drinks, heatstroke medicine. */
	COOLING("送清凉", "Summer cooling"),
	/** Winter: warm clothes, hot food. */
	WARMTH("送温暖", "Winter warmth"), HEALTH_CHECK("健康体检", "Health check"), LEGAL_ADVICE("法律咨询", "Legal advice"),
	UNION_JOINING("入会服务", "Joining the union");

	private final Label label;

	ActivityKind(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
