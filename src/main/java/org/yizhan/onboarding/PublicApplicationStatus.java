package org.yizhan.onboarding;

import java.time.Instant;
import java.util.List;

/**
 * An application as its applicant sees it by the status link: what they applied for and
 * where it stands. Nothing of other applications (no flags, no ids, no counts) and no
 * personal data, since whoever holds the link reads this.
 *
 * @param stationName the proposed name
 * @param hostName the host's registered name
 * @param districtName the union the application went to
 * @param address the site's address
 * @param status where it stands
 * @param submittedAt when it was submitted
 * @param history every status it has had, oldest first, with the note the union wrote for
 * the applicant (a reason for a rejection, what to add)
 */
public record PublicApplicationStatus(String stationName, String hostName, String districtName, String address,
		ApplicationStatus status, Instant submittedAt, List<Step> history) {

	public record Step(ApplicationStatus status, Instant at, String note) {
	}

}
