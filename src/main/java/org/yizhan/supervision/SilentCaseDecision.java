package org.yizhan.supervision;

/** What the union may decide on an open case. */
public enum SilentCaseDecision {

	DOWNGRADE, DELIST, EXEMPT

}
