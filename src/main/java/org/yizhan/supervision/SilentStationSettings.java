package org.yizhan.supervision;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the silent-station rule is applied: {@code yizhan.rating.silent.months} whole
 * calendar months without a counted rating flag a station (Qingdao: three), and an
 * exemption lasts at most {@code yizhan.rating.silent.longest-exemption}.
 *
 * @param months how many silent months in a row open a case, 1–12
 * @param longestExemption how far ahead an exemption may end
 */
@ConfigurationProperties("yizhan.rating.silent")
public record SilentStationSettings(Integer months, Period longestExemption) {

	public SilentStationSettings {
		months = (months != null) ? months : 3;
		longestExemption = (longestExemption != null) ? longestExemption : Period.ofYears(1);
		if (months < 1 || months > 12) {
			throw new IllegalStateException("yizhan.rating.silent.months is " + months + "; it must be 1 to 12");
		}
		if (longestExemption.isNegative() || longestExemption.isZero()) {
			throw new IllegalStateException("yizhan.rating.silent.longest-exemption must be a positive period");
		}
	}

}
