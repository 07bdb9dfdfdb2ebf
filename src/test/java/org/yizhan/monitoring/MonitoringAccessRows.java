package org.yizhan.monitoring;

import java.util.List;

import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;

import static org.yizhan.support.access.AccessRow.page;

/**
 * The metrics' row of the access matrix: no account reads {@code /actuator/prometheus},
 * not even a signed-in administrator's console session; only the scrape token does
 * ({@code PrometheusScrapeTests}). Nothing in it is any district's, so it has no foreign
 * column.
 */
final class MonitoringAccessRows implements AccessRows {

	@Override
	public List<AccessRow> rows(AccessFixture fixture) {
		return List.of(page("GET", "/actuator/prometheus", cell -> cell.caller.get("/actuator/prometheus"),
				"UUUUUUUUUU", null));
	}

}
