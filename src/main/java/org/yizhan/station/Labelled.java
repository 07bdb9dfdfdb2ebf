package org.yizhan.station;

import java.util.Locale;

/**
 * A catalogue entry with a Chinese and an English label.
 */
public interface Labelled {

	/** The two labels of a catalogue entry. */
	record Label(String zh, String en) {
	}

	Label label();

	default String labelZh() {
		return label().zh();
	}

	default String labelEn() {
		return label().en();
	}

	default String label(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? labelEn() : labelZh();
	}

}
