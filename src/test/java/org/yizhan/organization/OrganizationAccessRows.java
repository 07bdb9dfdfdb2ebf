package org.yizhan.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;

import static org.yizhan.support.access.AccessFixture.*;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * The organisation tree's and the audit log's rows of the access matrix: names and codes
 * are public facts; history, changes and the audit log are scoped.
 */
final class OrganizationAccessRows implements AccessRows {

	/** Street numbers above the NBS ones of the district. */
	private final AtomicInteger streets = new AtomicInteger(900);

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		// organisations: names and codes are public facts; history and changes are scoped
		rows.add(api("GET", "/api/v1/organizations", c -> c.get("/api/v1/organizations"), SIGNED_IN, null));
		rows.add(api("GET", "/api/v1/organizations/{code}", c -> c.get("/api/v1/organizations/" + c.union()), SIGNED_IN,
				SIGNED_IN)
			.leaks(() -> List.of("矩阵外区产业工会")));
		rows.add(api("GET", "/api/v1/organizations/{code}/children",
				c -> c.get("/api/v1/organizations/" + c.district() + "/children"), SIGNED_IN, SIGNED_IN));
		rows.add(api("POST", "/api/v1/organizations/{code}/industry-unions", c -> c.json("POST",
				"/api/v1/organizations/" + c.district() + "/industry-unions", q("{'name':'矩阵产业工会" + f.serial() + "'}")),
				ADMIN, NOBODY));
		rows.add(api("POST", "/api/v1/organizations/{code}/streets", c -> {
			int n = this.streets.incrementAndGet();
			return c.json("POST", "/api/v1/organizations/" + c.district() + "/streets",
					q("{'code':'" + c.district() + n + "','name':'矩阵街道" + n + "'}"));
		}, ADMIN, NOBODY));
		rows.add(api("POST", "/api/v1/organizations/{code}/streets/load",
				c -> c.json("POST", "/api/v1/organizations/" + c.district() + "/streets/load", "{}"), ADMIN, NOBODY));
		rows.add(api("PATCH", "/api/v1/organizations/{code}", c -> c.json("PATCH",
				"/api/v1/organizations/" + c.renamable(), q("{'name':'矩阵改名工会" + f.serial() + "'}")), ADMIN, NOBODY));
		// merging a district into itself: the admin's request is judged on its content
		rows.add(api(
				"POST", "/api/v1/organizations/{code}/merge", c -> c.json("POST",
						"/api/v1/organizations/" + c.district() + "/merge", q("{'target':'" + c.district() + "'}")),
				"UIFFFFFFFF", NOBODY));
		rows.add(page("GET", "/console/organizations", c -> c.get("/console/organizations"), SIGNED_IN, null));
		rows.add(page("GET", "/console/organizations/{code}", c -> c.get("/console/organizations/" + c.union()),
				SIGNED_IN, SIGNED_IN)
			.leaks(() -> List.of("矩阵外区产业工会")));
		rows.add(page(
				"POST", "/console/organizations/{code}/rename", c -> c
					.form("/console/organizations/" + c.renamable() + "/rename", Map.of("name", "矩阵改名工会" + f.serial())),
				ADMIN, NOBODY));
		rows.add(page("POST", "/console/organizations/{code}/industry-unions", c -> c
			.form("/console/organizations/" + c.district() + "/industry-unions", Map.of("name", "矩阵产业工会" + f.serial())),
				ADMIN, NOBODY));
		rows.add(page("POST", "/console/organizations/{code}/streets/load",
				c -> c.form("/console/organizations/" + c.district() + "/streets/load", Map.of()), ADMIN, NOBODY));
		rows.add(page("POST", "/console/organizations/{code}/streets", c -> {
			int n = this.streets.incrementAndGet();
			return c.form("/console/organizations/" + c.district() + "/streets",
					Map.of("streetCode", c.district() + n, "name", "矩阵街道" + n));
		}, ADMIN, NOBODY));
		rows.add(page("POST", "/console/organizations/{code}/merge",
				c -> c.form("/console/organizations/" + c.district() + "/merge", Map.of("target", c.district())),
				"URFFFFFFFF", NOBODY));

		// audit log: auditors and admins, their subtree's entries only
		rows.add(api("GET", "/api/v1/audit", c -> c.get("/api/v1/audit?size=200&org=" + c.district()), AUDITORS, NOBODY)
			.leaks(f::foreignMarkers));
		rows.add(api("GET", "/api/v1/audit [text/csv]", c -> c.caller.send("GET", "/api/v1/audit?org=" + c.district(),
				null, (byte[]) null, Map.of("Accept", "text/csv")), AUDITORS, NOBODY)
			.leaks(f::foreignMarkers));
		rows.add(api("GET", "/api/v1/audit.csv", c -> c.get("/api/v1/audit.csv?org=" + c.district()), AUDITORS, NOBODY)
			.leaks(f::foreignMarkers));
		rows.add(page("GET", "/console/audit", c -> c.get("/console/audit?org=" + c.district()), AUDITORS, NOBODY)
			.leaks(f::foreignMarkers));
		rows.add(page("GET", "/console/audit/export.csv", c -> c.get("/console/audit/export.csv?org=" + c.district()),
				AUDITORS, NOBODY)
			.leaks(f::foreignMarkers));
		return rows;
	}

}
