package org.yizhan.calendar;

import java.time.LocalDateTime;

/**
 * A station's status at an instant and when it changes, in Asia/Shanghai local time, for
 * badges such as "open until 17:30" or "opens Monday 08:30".
 *
 * @param status the status at the instant asked about
 * @param since when the status began, or {@code null} if it did not change within the
 * eight days before (or is always so)
 * @param until when the status ends, or {@code null} if it does not change within the
 * eight days after ({@code 24/7} is open "always")
 * @param nextOpen when closed, the next opening within eight days; otherwise {@code null}
 */
public record OpenState(OpenStatus status, LocalDateTime since, LocalDateTime until, LocalDateTime nextOpen) {

	static final OpenState UNKNOWN = new OpenState(OpenStatus.UNKNOWN, null, null, null);

	static final OpenState ALWAYS_OPEN = new OpenState(OpenStatus.OPEN, null, null, null);

	public boolean isOpen() {
		return this.status == OpenStatus.OPEN;
	}

}
