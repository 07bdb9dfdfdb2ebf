package org.yizhan.station;

/**
 * How a worker gets into a smart station while nobody is there.
 */
public enum EntryMethod implements Labelled {

	ID_CARD("刷身份证", "ID card"), QR("扫码", "QR code"), FACE("刷脸", "Face");

	private final Label label;

	EntryMethod(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return label;
	}

}
