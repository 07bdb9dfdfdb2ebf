package org.yizhan.station;

/**
 * How a worker gets into a smart station while nobody is there.
 */
public enum EntryMethod implements Labelled {

	ID_CARD("刷身份证", "ID card"), QR("扫码", "QR code"), FACE("刷脸", "Face");

	private final String labelZh;

	private final String labelEn;

	EntryMethod(String labelZh, String labelEn) {
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
