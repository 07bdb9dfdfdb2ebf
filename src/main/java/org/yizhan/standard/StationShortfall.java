package org.yizhan.standard;

import java.util.List;

/**
 * A listed station that does not meet the standard in force for its district: listed
 * before the standard (or its newest version) came, it is reported, not delisted.
 *
 * @param unmet the required items it lacks, in the checklist's order
 */
public record StationShortfall(long stationId, String code, String name, String districtCode,
		StationJudgement.JudgedAgainst against, List<ChecklistItem> unmet) {

	public StationShortfall {
		unmet = List.copyOf(unmet);
	}

}
