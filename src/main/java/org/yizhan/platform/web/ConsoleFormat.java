package org.yizhan.platform.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.yizhan.platform.YizhanTime;

import org.springframework.stereotype.Component;

/**
 * Formats instants for pages ({@code ${@format.dateTime(x)}}), always in Asia/Shanghai.
 */
@Component("format")
public class ConsoleFormat {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(YizhanTime.ZONE);

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant);
	}

}
