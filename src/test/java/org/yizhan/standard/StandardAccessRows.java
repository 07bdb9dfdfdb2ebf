package org.yizhan.standard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;

import static org.yizhan.support.access.AccessFixture.*;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * The standards module's rows of the access matrix: every account reads the standards;
 * only an admin of the owning union changes one or sets where it applies; whoever sees a
 * station reads its judgements, and a union admin, inspector or reviewer records one. The
 * own and foreign checklists belong to 西湖区 and 上城区 and are assigned only to an industry
 * union of each (no station lies in one), so the matrix's stations still list as before.
 */
final class StandardAccessRows implements AccessRows {

	/** An industry union of the own district: no station lies in it. */
	private String ownIndustryUnion;

	private long ownChecklist;

	private long foreignChecklist;

	@Override
	public void prepare(AccessFixture fixture) {
		this.ownChecklist = checklist(fixture, OWN);
		this.foreignChecklist = checklist(fixture, FOREIGN);
		this.ownIndustryUnion = fixture.industryUnion("矩阵标准产业工会");
	}

	private static long checklist(AccessFixture fixture, String owner) {
		String created = ok(
				fixture.admin()
					.send("POST", "/api/v1/checklists", "application/json",
							q("{'ownerCode':'" + owner + "','nameZh':'矩阵标准" + fixture.serial()
									+ "','nameEn':'Matrix standard','source':'矩阵测试','items':[" + item("rules") + "]}"),
							null));
		return JsonPath.parse(created).read("$.id", Long.class);
	}

	private static String item(String code) {
		return "{'code':'" + code + "','textZh':'矩阵项目','textEn':'Matrix item','evidence':'YES_NO'}";
	}

	private long checklist(boolean foreign) {
		return foreign ? this.foreignChecklist : this.ownChecklist;
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		rows.add(api("GET", "/api/v1/checklists", c -> c.get("/api/v1/checklists"), SIGNED_IN, null));
		rows.add(api("GET", "/api/v1/checklists/{id}", c -> c.get("/api/v1/checklists/" + checklist(c.foreign)),
				SIGNED_IN, SIGNED_IN));
		rows.add(api("GET", "/api/v1/checklists/in-force",
				c -> c.get("/api/v1/checklists/in-force?union=" + c.district()), SIGNED_IN, SIGNED_IN));
		rows.add(api("POST", "/api/v1/checklists",
				c -> c.json("POST", "/api/v1/checklists",
						q("{'ownerCode':'" + c.district() + "','nameZh':'矩阵新标准" + f.serial()
								+ "','nameEn':'Matrix','source':'矩阵测试','items':[" + item("rules") + "]}")),
				ADMIN, NOBODY));
		rows.add(api("POST", "/api/v1/checklists/{id}/versions",
				c -> c.json("POST", "/api/v1/checklists/" + checklist(c.foreign) + "/versions",
						q("{'note':'矩阵新版本','items':[" + item("rules") + "," + item("m" + f.serial()) + "]}")),
				ADMIN, NOBODY));
		rows.add(api("PUT", "/api/v1/checklists/assignments/{union}",
				c -> c.json("PUT",
						"/api/v1/checklists/assignments/" + (c.foreign ? f.foreignUnion() : this.ownIndustryUnion),
						"{\"checklistId\":" + checklist(c.foreign) + "}"),
				ADMIN, NOBODY));
		rows.add(api("GET", "/api/v1/checklists/shortfalls",
				c -> c.get("/api/v1/checklists/shortfalls?union=" + c.district()), SIGNED_IN, SIGNED_IN)
			.leaks(f::foreignMarkers));
		rows.add(api("GET", "/api/v1/stations/{id}/judgements",
				c -> c.get("/api/v1/stations/" + c.station() + "/judgements"), SIGNED_IN, HIDDEN));
		// no standard is in force in the demo city: a judge is heard and told so (409)
		rows.add(api("POST", "/api/v1/stations/{id}/judgements",
				c -> c.json("POST", "/api/v1/stations/" + c.station() + "/judgements", "{\"evidence\":[]}"),
				"UIIIFFFFFF", HIDDEN));
		rows.add(page("GET", "/console/checklists", c -> c.get("/console/checklists"), SIGNED_IN, null));
		rows.add(page("GET", "/console/checklists/{id}", c -> c.get("/console/checklists/" + checklist(c.foreign)),
				SIGNED_IN, SIGNED_IN));
		rows.add(page("POST", "/console/checklists/{id}",
				c -> c.form("/console/checklists/" + checklist(c.foreign), Map.of("code", "p" + f.serial(), "textZh",
						"矩阵页面项目", "textEn", "Matrix page item", "evidence", "YES_NO", "required", "true")),
				ADMIN, NOBODY));
		rows.add(page("POST", "/console/checklists/{id}/assign",
				c -> c.form("/console/checklists/" + checklist(c.foreign) + "/assign",
						Map.of("union", c.foreign ? f.foreignUnion() : this.ownIndustryUnion)),
				ADMIN, NOBODY));
		rows.add(page("GET", "/console/checklists/shortfalls",
				c -> c.get("/console/checklists/shortfalls?union=" + c.district()), SIGNED_IN, SIGNED_IN)
			.leaks(f::foreignMarkers));
		return rows;
	}

}
