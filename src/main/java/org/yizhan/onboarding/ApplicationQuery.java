package org.yizhan.onboarding;

/**
 * What the reviewers' list is filtered by; {@code null} means any.
 *
 * @param status one status; {@code null} for every status but WITHDRAWN (the applicant
 * took it back: nothing is left to review)
 * @param districtCode a union whose subtree the site lies in (inside the caller's own)
 * @param duplicate only flagged ({@code true}) or only unflagged ({@code false})
 */
public record ApplicationQuery(ApplicationStatus status, String districtCode, Boolean duplicate) {

	public static ApplicationQuery all() {
		return new ApplicationQuery(null, null, null);
	}

}
