package org.yizhan.station;

import java.util.Locale;

/**
 * A catalogue entry with a Chinese and an English label.
 */
public interface Labelled {

	String labelZh();

	String labelEn();

	default String label(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? labelEn() : labelZh();
	}

}
