package org.yizhan.dataio;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;

import static org.yizhan.support.access.AccessFixture.ADMIN;
import static org.yizhan.support.access.AccessFixture.ADMIN_HIDDEN;
import static org.yizhan.support.access.AccessFixture.FOREIGN;
import static org.yizhan.support.access.AccessFixture.OWN;
import static org.yizhan.support.access.AccessFixture.SIGNED_IN;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * The imports' rows of the access matrix: union admins check and import ledgers and read
 * the checks of their subtree; another district's check does not exist for them; every
 * other role is forbidden. A check carries no foreign object (a row of another district
 * is a problem of its report, not a write), so its rows have no foreign column. Every
 * account exports the station list it sees; another district's stations never show in it.
 */
final class DataioAccessRows implements AccessRows {

	private static final byte[] LEDGER = (String.join(",", Ledgers.HEADINGS) + "\r\n").getBytes(StandardCharsets.UTF_8);

	/**
	 * Checked imports by what a row does with them: read, imported by the API, by the
	 * page.
	 */
	private final Map<String, Long> ids = new HashMap<>();

	@Override
	public void prepare(AccessFixture fixture) {
		for (String use : List.of("read", "api", "page")) {
			for (boolean foreign : new boolean[] { false, true }) {
				long id = fixture.jdbc()
					.sql("""
							insert into station_import (organization_code, account_id, file_name, file_format, content,
							  content_sha256, status, row_count, create_count, revise_count, unchanged_count,
							  invalid_count, problem_count, checked_at)
							values (?, 0, ?, 'CSV', ?, '', 'CHECKED', 0, 0, 0, 0, 0, 0, now()) returning id""")
					.param(foreign ? FOREIGN : OWN)
					.param("矩阵台账" + (foreign ? "外区" : "本区") + fixture.serial() + ".csv")
					.param(LEDGER)
					.query(Long.class)
					.single();
				this.ids.put(use + foreign, id);
			}
		}
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		rows.add(api("POST", "/api/v1/imports/stations",
				c -> c.caller.send("POST", "/api/v1/imports/stations?fileName=m.csv", "text/csv", LEDGER, null), ADMIN,
				null));
		rows.add(api("GET", "/api/v1/imports/stations/{id}",
				c -> c.get("/api/v1/imports/stations/" + this.ids.get("read" + c.foreign)), ADMIN, ADMIN_HIDDEN));
		rows.add(api("POST", "/api/v1/imports/stations/{id}/import",
				c -> c.caller.send("POST",
						"/api/v1/imports/stations/" + this.ids.get("api" + c.foreign) + "/import?mode=VALID_ROWS", null,
						(byte[]) null, null),
				ADMIN, ADMIN_HIDDEN));
		rows.add(page("GET", "/console/imports/stations", c -> c.get("/console/imports/stations"), ADMIN, null));
		rows.add(page("POST", "/console/imports/stations",
				c -> c.caller.postBody("/console/imports/stations?fileName=m.csv", "application/octet-stream", LEDGER),
				ADMIN, null));
		rows.add(page("GET", "/console/imports/stations/{id}",
				c -> c.get("/console/imports/stations/" + this.ids.get("read" + c.foreign)), ADMIN, ADMIN_HIDDEN));
		rows.add(page("POST", "/console/imports/stations/{id}", c -> c
			.form("/console/imports/stations/" + this.ids.get("page" + c.foreign), Map.of("mode", "VALID_ROWS")), ADMIN,
				ADMIN_HIDDEN));
		rows.add(page("GET", "/console/imports/stations/{id}/problems.xlsx",
				c -> c.get("/console/imports/stations/" + this.ids.get("read" + c.foreign) + "/problems.xlsx"), ADMIN,
				ADMIN_HIDDEN));
		// CSV, so that a leaked foreign code would show in the answer (an xlsx is packed)
		rows.add(page("GET", "/console/exports/stations.{format}",
				c -> c.get("/console/exports/stations.csv?org=" + c.district()), SIGNED_IN, SIGNED_IN)
			.leaks(() -> List.of(f.foreignStationCode())));
		rows.add(api("GET", "/api/v1/exports/stations.{format}",
				c -> c.get("/api/v1/exports/stations.csv?org=" + c.district()), SIGNED_IN, SIGNED_IN)
			.leaks(() -> List.of(f.foreignStationCode())));
		return rows;
	}

}
