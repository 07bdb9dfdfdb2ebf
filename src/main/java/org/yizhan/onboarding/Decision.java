package org.yizhan.onboarding;

/** What a reviewer decides, or votes for in committee mode. */
public enum Decision {

	APPROVE, REJECT;

	ApplicationStatus outcome() {
		return this == APPROVE ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED;
	}

}
