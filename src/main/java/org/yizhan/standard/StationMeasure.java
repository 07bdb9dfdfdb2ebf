package org.yizhan.standard;

import java.math.BigDecimal;

/**
 * A figure the registry already holds for each station, so that a number item naming it
 * is judged from the station itself rather than from what someone recorded.
 */
public enum StationMeasure {

	/** The floor area in square metres. */
	AREA_M2("m²"),

	/** The seats for workers. */
	SEATS("个");

	private final String unit;

	StationMeasure(String unit) {
		this.unit = unit;
	}

	/** The unit an item naming this measure is stated in. */
	public String unit() {
		return unit;
	}

	/** The station's figure, {@code null} when the registry does not know it. */
	public BigDecimal of(BigDecimal areaM2, Integer seats) {
		return switch (this) {
			case AREA_M2 -> areaM2;
			case SEATS -> seats == null ? null : BigDecimal.valueOf(seats);
		};
	}

}
