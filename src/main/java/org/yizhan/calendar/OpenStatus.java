package org.yizhan.calendar;

/**
 * Whether a station is open at an instant. {@link #UNKNOWN} is an honest answer, not an
 * error: the hours say "by appointment", use a construct we do not evaluate, or depend on
 * a holiday arrangement not yet published; the finder must not show such a station as
 * open or closed.
 */
public enum OpenStatus {

	OPEN, CLOSED, UNKNOWN

}
