package org.yizhan.partner;

/**
 * Who runs a programme's station day to day. Its district union supervises it either way;
 * a hand-over moves the running from the partner to the union and never back.
 */
public enum RunBy {

	PARTNER, UNION

}
