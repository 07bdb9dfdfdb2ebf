package org.yizhan.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.yizhan.station.StationId;
import org.yizhan.station.StationLevel;
import org.yizhan.station.StationStatus;

/**
 * A silent station's case: the station as it is now, the silent months, and what became
 * of it.
 *
 * @param firstSilentMonth the first silent month; every month up to
 * {@code lastSilentMonth} was silent too
 * @param lastSilentMonth the last month judged silent (an open case grows while the
 * station stays silent)
 * @param decidedBy the login of the admin who decided, {@code null} otherwise
 * @param reason the reason given with the decision
 * @param levelBefore the level before a downgrade
 * @param levelAfter the level after a downgrade
 * @param exemptUntil the last day of an exemption
 * @param resolvedRatingDay the day of the counted rating that ended the silence
 * @param lastCountedRating the station's latest counted rating, {@code null} if none
 */
public record SilentCase(long id, StationId stationId, String stationCode, String stationName, String districtCode,
		StationLevel level, StationStatus stationStatus, long stationVersion, YearMonth firstSilentMonth,
		YearMonth lastSilentMonth, SilentCaseStatus status, Instant openedAt, Instant closedAt, String decidedBy,
		String reason, StationLevel levelBefore, StationLevel levelAfter, LocalDate exemptUntil,
		LocalDate resolvedRatingDay, LastRating lastCountedRating) {

	/** The silent months, in order. */
	public List<YearMonth> silentMonths() {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth month = firstSilentMonth; !month.isAfter(lastSilentMonth); month = month.plusMonths(1)) {
			months.add(month);
		}
		return months;
	}

	/**
	 * What the union may still decide: nothing once closed; no downgrade below none.
	 */
	public Set<SilentCaseDecision> offers() {
		if (status != SilentCaseStatus.OPEN || stationStatus == StationStatus.DELISTED) {
			return EnumSet.noneOf(SilentCaseDecision.class);
		}
		Set<SilentCaseDecision> offers = EnumSet.of(SilentCaseDecision.DELIST, SilentCaseDecision.EXEMPT);
		if (level.lower().isPresent()) {
			offers.add(SilentCaseDecision.DOWNGRADE);
		}
		return offers;
	}

	/** What the audit log keeps of the case. */
	public String summary() {
		StringBuilder summary = new StringBuilder("case=").append(id)
			.append("; status=")
			.append(status)
			.append("; months=")
			.append(firstSilentMonth)
			.append("..")
			.append(lastSilentMonth);
		if (reason != null) {
			summary.append("; reason=").append(reason);
		}
		if (levelBefore != null) {
			summary.append("; level=").append(levelBefore).append("->").append(levelAfter);
		}
		if (exemptUntil != null) {
			summary.append("; exemptUntil=").append(exemptUntil);
		}
		if (resolvedRatingDay != null) {
			summary.append("; ratedOn=").append(resolvedRatingDay);
		}
		return summary.toString();
	}

	/** The station's last counted rating: when, and how many stars. */
	public record LastRating(Instant at, int stars) {
	}

}
