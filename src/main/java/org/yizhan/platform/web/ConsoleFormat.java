package org.yizhan.platform.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.yizhan.platform.YizhanTime;

import org.springframework.stereotype.Component;

/**
 * Formats instants for pages ({@code ${@format.dateTime(x)}}), always in Asia/Shanghai,
 * and numbers as people write them ({@code ${@format.number(x)}}).
 */
@Component("format")
public class ConsoleFormat {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(YizhanTime.ZONE);

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant);
	}

	/**
	 * A decimal without exponent or trailing zeros: 50, not {@code 5E+1} (what
	 * {@link BigDecimal#toString()} makes of a stripped 50) nor 50.00.
	 */
	public String number(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

}
