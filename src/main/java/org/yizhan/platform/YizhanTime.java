package org.yizhan.platform;

import java.time.ZoneId;

/**
 * The time zone every date and time in yizhan is read and shown in: the unions and the
 * workers are in China, whatever zone the server runs in.
 */
public final class YizhanTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private YizhanTime() {
	}

}
