package org.yizhan.operations;

import org.yizhan.station.Labelled;

/** Who gave what a station hands out (爱心互献): its host, a company, a foundation. */
public enum DonorKind implements Labelled {

	HOST("承建单位", "Host"), COMPANY("企业", "Company"), FOUNDATION("基金会", "Foundation");

	private final Label label;

	DonorKind(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
