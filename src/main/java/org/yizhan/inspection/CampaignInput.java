package org.yizhan.inspection;

import java.util.List;

/**
 * A campaign as a client sends it; every field is checked by
 * {@link InspectionCampaigns#create}.
 *
 * @param union the union whose subtree is inspected
 * @param kind a {@link CampaignKind} name
 * @param checklistId the checklist to inspect against; {@code null} for the one in force
 * for the union
 * @param checklistVersion the version's number; {@code null} for the current one
 * @param samplePercent 1–100 per district; {@code null} for every listed station
 * @param seed the seed to draw with; {@code null} for a random one (recorded either way)
 * @param startsOn {@code yyyy-MM-dd}, a Beijing date, not in the past
 * @param endsOn {@code yyyy-MM-dd}, included
 * @param assignees the inspectors' and evaluators' account ids
 * @param recurrence {@code ANNUAL} for a campaign created again each year, or
 * {@code null}
 */
public record CampaignInput(String union, String kind, String name, Boolean mystery, Long checklistId,
		Integer checklistVersion, Integer samplePercent, Long seed, String startsOn, String endsOn,
		List<Long> assignees, String recurrence) {
}
