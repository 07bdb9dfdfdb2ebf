package org.yizhan.rating.qr;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The paper a poster is laid out for. A4 is A5 scaled by √2 (ISO 216), so the A4 poster
 * is the A5 layout enlarged: the same proportions, larger type and a larger code for a
 * wall seen from further away.
 */
public enum Paper {

	/** 148 × 210 mm: a table stand or the door; the QR code is 84 mm with its border. */
	A5(PDRectangle.A5, 1f),

	/** 210 × 297 mm: a wall; the QR code is 119 mm with its border. */
	A4(PDRectangle.A4, (float) Math.sqrt(2));

	private final PDRectangle size;

	private final float scale;

	Paper(PDRectangle size, float scale) {
		this.size = size;
		this.scale = scale;
	}

	PDRectangle size() {
		return this.size;
	}

	/** How much larger than the A5 layout everything is drawn. */
	float scale() {
		return this.scale;
	}

}
