package org.yizhan.coverage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;

import static org.yizhan.support.access.AccessFixture.*;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * Coverage's rows of the access matrix: union roles of the subtree read it, admins
 * upload.
 */
final class CoverageAccessRows implements AccessRows {

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		// coverage: union roles of the subtree read it, admins upload
		rows.add(api("GET", "/api/v1/coverage", c -> c.get("/api/v1/coverage?org=" + c.district()), SUBTREE_READERS,
				NOBODY)
			.leaks(() -> List.of("\"" + FOREIGN + "\"")));
		rows.add(api("GET", "/api/v1/coverage/grid", c -> c.get("/api/v1/coverage/grid?org=" + c.district()),
				SUBTREE_READERS, NOBODY));
		rows.add(api("GET", "/api/v1/coverage/grid.png", c -> c.get("/api/v1/coverage/grid.png?org=" + c.district()),
				SUBTREE_READERS, NOBODY));
		rows.add(api("GET", "/api/v1/coverage/areas", c -> c.get("/api/v1/coverage/areas?org=" + c.district()),
				SUBTREE_READERS, NOBODY)
			.leaks(() -> List.of("\"" + FOREIGN + "\"")));
		rows.add(api("POST", "/api/v1/coverage/suggestions",
				c -> c.json("POST", "/api/v1/coverage/suggestions", q("{'org':'" + c.district() + "','p':1}")),
				SUBTREE_READERS, NOBODY));
		// the own uploads carry a broken shape or file, so the stored inputs other tests
		// measure stay as they are: the admin's request is judged on its content
		rows.add(api("PUT", "/api/v1/coverage/areas", c -> {
			String areas = c.foreign ? ok(f.admin().get("/api/v1/coverage/areas?org=" + FOREIGN))
					: q("{'type':'Feature','properties':{'adcode':'" + OWN
							+ "'},'geometry':{'type':'Polygon','coordinates':[[[120.1,30.2],[120.2,30.2],[120.2,30.3]]]}}");
			return c.caller.send("PUT", "/api/v1/coverage/areas", "application/geo+json", areas, null);
		}, "UIFFFFFFFF", NOBODY));
		rows.add(api("PUT", "/api/v1/coverage/demand-points",
				c -> c.caller.send("PUT", "/api/v1/coverage/demand-points?org=" + c.district(), "text/csv",
						"lat,lon,weight\nnot,a,number\n".getBytes(StandardCharsets.UTF_8), null),
				"UIFFFFFFFF", NOBODY));
		rows.add(
				api("PUT", "/api/v1/coverage/candidates",
						c -> c.caller.send("PUT", "/api/v1/coverage/candidates?org=" + c.district(), "text/csv",
								"lat,lon,name\nnot,a,number\n".getBytes(StandardCharsets.UTF_8), null),
						"UIFFFFFFFF", NOBODY));
		// the caller brings all the data: nothing stored is read or written
		rows.add(api("POST", "/api/v1/coverage/site-selection",
				c -> c.json("POST", "/api/v1/coverage/site-selection",
						q("{'demand':[{'lat':30.27,'lon':120.15}],'candidates':[{'id':'a','lat':30.27,"
								+ "'lon':120.15}],'radiusMeters':1000,'p':1}")),
				SIGNED_IN, null));
		rows.add(page("GET", "/console/coverage", c -> c.get("/console/coverage?org=" + c.district()), SUBTREE_READERS,
				NOBODY)
			.leaks(() -> List.of("value=\"" + FOREIGN + "\"")));
		rows.add(page("GET", "/console/coverage/grid.png", c -> c.get("/console/coverage/grid.png?org=" + c.district()),
				SUBTREE_READERS, NOBODY));
		return rows;
	}

}
