package org.yizhan.inspection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.yizhan.ticket.RectificationTally;

/**
 * What a campaign's report (Excel, print) holds: its progress per union and every sampled
 * station with its result and the state of its failed items' cases, by district and
 * station code.
 */
public record CampaignReport(CampaignProgress progress, List<Row> stations) {

	public CampaignReport {
		stations = List.copyOf(stations);
	}

	/**
	 * One sampled station.
	 *
	 * @param inspectedAt {@code null} while not inspected, as are score and passed
	 * @param failedItems the items it failed (0 while not inspected)
	 * @param rectification its failed items' cases
	 */
	public record Row(String code, String name, String districtCode, String assignee, Instant inspectedAt,
			BigDecimal score, Boolean passed, int failedItems, RectificationTally rectification) {
	}

}
