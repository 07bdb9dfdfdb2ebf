package org.yizhan.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A union's round of inspections over its subtree.
 *
 * <p>
 * It is created whole, in one transaction: the checklist version's items copied, the
 * sample drawn and spread over the assignees' worklists; nothing of it changes afterwards
 * but its publication. Its inspections arrive during its period, one per sampled station.
 * A mystery campaign's inspections stay out of sight of the stations' own side until the
 * union publishes the results ({@link #published()}); publishing is once.
 *
 * @param samplePercent the share drawn per district, {@code null} for every listed
 * station
 * @param seed the seed the sample was drawn with: the same seed over the same stations
 * draws the same sample
 * @param series a recurring campaign's series ({@code 330106:ANNUAL_REVIEW}),
 * {@code null} for a one-off
 * @param period the series' period ({@code 2027}), {@code null} for a one-off
 * @param sampleSize the stations drawn
 */
public record Campaign(long id, String unionCode, String unionName, CampaignKind kind, String name, boolean mystery,
		long checklistId, long checklistVersionId, int checklistVersionNumber, String checklistNameZh,
		String checklistNameEn, Integer samplePercent, long seed, LocalDate startsOn, LocalDate endsOn, String series,
		String period, Instant publishedAt, Instant createdAt, String createdBy, int sampleSize,
		List<CampaignItem> items, List<Assignee> assignees) {

	public Campaign {
		items = List.copyOf(items);
		assignees = List.copyOf(assignees);
	}

	public boolean published() {
		return publishedAt != null;
	}

	public String checklistName(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? checklistNameEn : checklistNameZh;
	}

}
