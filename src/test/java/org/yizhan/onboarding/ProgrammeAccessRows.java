package org.yizhan.onboarding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;

import static org.yizhan.support.access.AccessFixture.ADMIN;
import static org.yizhan.support.access.AccessFixture.FOREIGN;
import static org.yizhan.support.access.AccessFixture.OWN;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * The programmes' rows of the access matrix: union admins set one for a union of their
 * subtree (another union is refused as input); admins and reviewers read the programmes
 * of their subtree and above it, another district's does not exist for them.
 */
final class ProgrammeAccessRows implements AccessRows {

	private final Map<Boolean, Long> ids = new HashMap<>();

	private final Map<Boolean, String> names = new HashMap<>();

	@Override
	public void prepare(AccessFixture fixture) {
		for (boolean foreign : new boolean[] { false, true }) {
			String name = "矩阵建设计划" + (foreign ? "外区" : "本区") + fixture.serial();
			long id = fixture.jdbc()
				.sql("""
						insert into programme (name, organization_code, target_count, starts_on, ends_on, created_at)
						values (?, ?, 10, current_date - 30, current_date + 300, now()) returning id""")
				.param(name)
				.param(foreign ? FOREIGN : OWN)
				.query(Long.class)
				.single();
			this.ids.put(foreign, id);
			this.names.put(foreign, name);
		}
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		rows.add(
				api("POST", "/api/v1/programmes",
						c -> c.json("POST", "/api/v1/programmes", "{\"name\":\"矩阵计划\",\"union\":\"" + c.district()
								+ "\",\"targetCount\":5,\"startsOn\":\"2026-01-01\",\"endsOn\":\"2026-12-31\"}"),
						ADMIN, "UIFFFFFFFF"));
		rows.add(api("GET", "/api/v1/programmes", c -> c.get("/api/v1/programmes"), ReviewAccessRows.READERS, null)
			.leaks(() -> List.of(this.names.get(true))));
		rows.add(api("GET", "/api/v1/programmes/{id}/progress",
				c -> c.get("/api/v1/programmes/" + this.ids.get(c.foreign) + "/progress"), ReviewAccessRows.READERS,
				ReviewAccessRows.READERS_HIDDEN));
		rows.add(page("GET", "/console/programmes", c -> c.get("/console/programmes"), ReviewAccessRows.READERS, null)
			.leaks(() -> List.of(this.names.get(true))));
		rows.add(page("GET", "/console/programmes/{id}", c -> c.get("/console/programmes/" + this.ids.get(c.foreign)),
				ReviewAccessRows.READERS, ReviewAccessRows.READERS_HIDDEN));
		rows.add(page(
				"POST", "/console/programmes", c -> c.form("/console/programmes", Map.of("name", "矩阵计划", "union",
						c.district(), "targetCount", "5", "startsOn", "2026-01-01", "endsOn", "2026-12-31")),
				ADMIN, "URFFFFFFFF"));
		return rows;
	}

}
