package org.yizhan.onboarding;

import java.util.Locale;

/**
 * Why an application may duplicate something already known: flagged for the reviewer, not
 * refused (two shops on one street may both be good sites).
 *
 * @param kind what was found
 * @param otherApplicationId the other application, for {@code NEAR_APPLICATION} and
 * {@code SAME_CREDIT_CODE}
 * @param stationCode the listed station's code, for {@code NEAR_STATION}
 * @param stationName its name
 * @param distanceMeters how far the other site is, rounded to metres; {@code null} for
 * {@code SAME_CREDIT_CODE}
 */
public record DuplicateFlag(Kind kind, Long otherApplicationId, String stationCode, String stationName,
		Long distanceMeters) {

	/**
	 * How near another application or a listed station counts as a possible duplicate.
	 */
	public static final double NEAR_METERS = 50;

	public enum Kind {

		NEAR_APPLICATION("50 米内已有其他申请", "Another application within 50 m"),
		NEAR_STATION("50 米内已有上线驿站", "A listed station within 50 m"),
		SAME_CREDIT_CODE("同一信用代码曾提交申请", "The same credit code applied before");

		private final String labelZh;

		private final String labelEn;

		Kind(String labelZh, String labelEn) {
			this.labelZh = labelZh;
			this.labelEn = labelEn;
		}

		public String label(Locale locale) {
			return "en".equals(locale.getLanguage()) ? this.labelEn : this.labelZh;
		}

	}

}
