package org.yizhan.standard;

import java.util.Locale;

/** What a checklist item needs to be judged met. */
public enum Evidence {

	/** Someone who saw the station says yes. */
	YES_NO("是/否", "Yes or no"),

	/**
	 * A figure at least the item's minimum: read from the station when the item names a
	 * {@link StationMeasure}, recorded by whoever judged it otherwise.
	 */
	NUMBER("数值", "Number"),

	/** One of the station's photos shows it. */
	PHOTO("照片", "Photo"),

	/** The station offers the item's amenity (from the station's own amenities). */
	AMENITY("设施", "Amenity");

	private final String labelZh;

	private final String labelEn;

	Evidence(String labelZh, String labelEn) {
		this.labelZh = labelZh;
		this.labelEn = labelEn;
	}

	public String label(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? labelEn : labelZh;
	}

}
