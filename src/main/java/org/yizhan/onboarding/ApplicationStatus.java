package org.yizhan.onboarding;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an application stands. An application is SUBMITTED by its host; a district
 * reviewer takes it UNDER_REVIEW (a field visit, the checklist), may ask the host for
 * MORE_INFO_REQUESTED (the host answers and it is under review again), and decides:
 * APPROVED (a station is then created as a draft) or REJECTED with a reason the applicant
 * reads. The host may withdraw it (WITHDRAWN) until it is decided. APPROVED, REJECTED and
 * WITHDRAWN are final. Review and decisions come with their own use cases; the
 * transitions are fixed here so that every step, now and then, is judged by one rule.
 */
public enum ApplicationStatus {

	SUBMITTED("已提交，等待审核", "Submitted, waiting for review"), UNDER_REVIEW("审核中", "Under review"),
	MORE_INFO_REQUESTED("需补充材料", "More information requested"), APPROVED("已通过", "Approved"),
	REJECTED("未通过", "Rejected"), WITHDRAWN("已撤回", "Withdrawn");

	private final String labelZh;

	private final String labelEn;

	ApplicationStatus(String labelZh, String labelEn) {
		this.labelZh = labelZh;
		this.labelEn = labelEn;
	}

	public String label(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.labelEn : this.labelZh;
	}

	/** The statuses this one may move to. */
	public Set<ApplicationStatus> next() {
		return switch (this) {
			case SUBMITTED -> EnumSet.of(UNDER_REVIEW, WITHDRAWN, REJECTED);
			case UNDER_REVIEW -> EnumSet.of(MORE_INFO_REQUESTED, APPROVED, REJECTED, WITHDRAWN);
			case MORE_INFO_REQUESTED -> EnumSet.of(UNDER_REVIEW, REJECTED, WITHDRAWN);
			case APPROVED, REJECTED, WITHDRAWN -> EnumSet.noneOf(ApplicationStatus.class);
		};
	}

	public boolean mayBecome(ApplicationStatus status) {
		return next().contains(status);
	}

	/** Whether the application still stands for its site: not withdrawn, not rejected. */
	public boolean holdsSite() {
		return this != WITHDRAWN && this != REJECTED;
	}

	public boolean isFinal() {
		return next().isEmpty();
	}

}
