package org.yizhan.coverage.web;

import java.awt.image.BufferedImage;

import org.yizhan.coverage.CoverageLayer;
import org.yizhan.platform.PngImages;

/**
 * The coverage grid as a picture, one pixel per cell and north up, so that a map can lay
 * 100,000 cells over its tiles as one image instead of 100,000 shapes.
 */
final class CoverageImage {

	/** Not reached, once, twice or more: red, amber, green, half transparent. */
	static final int[] COLOURS = { 0xB0DC3545, 0xA0FFB020, 0x90198754 };

	private CoverageImage() {
	}

	static byte[] png(CoverageLayer layer) {
		BufferedImage image = new BufferedImage(layer.width(), layer.height(), BufferedImage.TYPE_INT_ARGB);
		for (int row = 0; row < layer.height(); row++) {
			for (int col = 0; col < layer.width(); col++) {
				int level = layer.levelAt(row, col);
				if (level >= 0) {
					image.setRGB(col, layer.height() - 1 - row, COLOURS[level]);
				}
			}
		}
		return PngImages.encode(image);
	}

}
