package org.yizhan.inspection;

import java.util.Locale;

/**
 * One item of the checklist version a campaign inspects against, as copied from the
 * standard when the campaign was created.
 *
 * @param code the item's code in the standard ({@code sign}, {@code medicine-kit})
 * @param required whether a station that fails it fails the inspection
 */
public record CampaignItem(String code, String textZh, String textEn, boolean required) {

	public String text(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? textEn : textZh;
	}

}
