package org.yizhan.onboarding;

import java.util.Locale;

/**
 * Whether the host builds the station itself or asks the union for support (seed 000).
 */
public enum BuildMode {

	SELF_BUILT("自建", "Built by the host"), SUPPORT_REQUESTED("申请支持共建", "Support requested");

	private final String labelZh;

	private final String labelEn;

	BuildMode(String labelZh, String labelEn) {
		this.labelZh = labelZh;
		this.labelEn = labelEn;
	}

	public String label(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.labelEn : this.labelZh;
	}

}
