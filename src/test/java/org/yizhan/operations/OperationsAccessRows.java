package org.yizhan.operations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yizhan.platform.YizhanTime;
import org.yizhan.station.StationId;
import org.yizhan.station.StationTokens;
import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;
import org.yizhan.support.access.Cell;

import static org.yizhan.support.access.AccessFixture.*;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * The operations module's rows of the access matrix: a check-in is public (by the
 * station's QR code, own district or foreign alike); whoever sees a station reads its
 * visits; its station master, liaison and host and the union admins over it record its
 * tally; a union's figures are for its own staff (a foreign union is hidden), while the
 * console's visits page shows a station master or host their own stations instead.
 */
final class OperationsAccessRows implements AccessRows {

	/** Who records a station's tally: admins, its station master, liaison and host. */
	static final String TALLY = "UAFFFFAAAF";

	/** A union's figures: its own staff; the others are refused. */
	static final String UNION_STAFF = "UAAAAAFFFA";

	private StationTokens tokens;

	/** A supply item of the own and of the foreign station, with plenty to move. */
	private final Map<Boolean, Long> items = new java.util.HashMap<>();

	@Override
	public void prepare(AccessFixture fixture) {
		this.tokens = fixture.bean(StationTokens.class);
		for (boolean foreign : new boolean[] { false, true }) {
			long station = foreign ? fixture.foreignStation() : fixture.ownStation();
			String created = ok(fixture.admin()
				.send("POST", "/api/v1/stations/" + station + "/supplies", "application/json",
						q("{'category':'WATER','name':'矩阵矿泉水" + fixture.serial()
								+ "','unit':'瓶','quantity':1000,'threshold':10}"),
						null));
			this.items.put(foreign, com.jayway.jsonpath.JsonPath.parse(created).read("$.id", Long.class));
			String activity = ok(fixture.admin()
				.send("POST", "/api/v1/activities", "application/json",
						q("{'union':'" + (foreign ? FOREIGN : OWN) + "','kind':'COOLING','title':'矩阵送清凉"
								+ fixture.serial() + "','startsOn':'" + today() + "','endsOn':'" + today()
								+ "','stations':['" + station + "']}"),
						null));
			this.activities.put(foreign, com.jayway.jsonpath.JsonPath.parse(activity).read("$.id", Long.class));
		}
	}

	/** An activity at the own and at the foreign station, under way today. */
	private final Map<Boolean, Long> activities = new java.util.HashMap<>();

	private long item(Cell c) {
		return this.items.get(c.foreign);
	}

	private String token(Cell c) {
		return this.tokens.issue(StationId.of(c.station()));
	}

	private static String today() {
		return LocalDate.now(YizhanTime.ZONE).toString();
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		rows.add(api("POST", "/api/v1/check-ins",
				c -> c.json("POST", "/api/v1/check-ins",
						q("{'token':'" + token(c) + "','deviceId':'matrix-device-" + f.serial() + "-0000'}")),
				PUBLIC, PUBLIC));
		// the QR page gives the phone its device cookie; its button posts the form
		rows.add(page("POST", "/v/{token}", c -> {
			String token = token(c);
			c.get("/r/" + token);
			return c.form("/v/" + token, Map.of());
		}, PUBLIC, PUBLIC));
		rows.add(api("GET", "/api/v1/stations/{id}/visits", c -> c.get("/api/v1/stations/" + c.station() + "/visits"),
				SIGNED_IN, HIDDEN));
		rows.add(api(
				"PUT", "/api/v1/stations/{id}/visits/{day}/tally", c -> c.json("PUT",
						"/api/v1/stations/" + c.station() + "/visits/" + today() + "/tally", "{\"visits\":3}"),
				TALLY, HIDDEN));
		rows.add(api("GET", "/api/v1/visits", c -> c.get("/api/v1/visits?union=" + c.district()), UNION_STAFF,
				"UNNNNNFFFN")
			.leaks(f::foreignMarkers));
		rows.add(page("GET", "/console/visits", c -> c.get("/console/visits?union=" + c.district()), SIGNED_IN,
				"UNNNNNAAAN")
			.leaks(f::foreignMarkers));
		rows.add(page("GET", "/console/stations/{id}/visits",
				c -> c.get("/console/stations/" + c.station() + "/visits"), SIGNED_IN, HIDDEN));
		rows.add(page(
				"POST", "/console/stations/{id}/visits/tally", c -> c
					.form("/console/stations/" + c.station() + "/visits/tally", Map.of("day", today(), "visits", "4")),
				TALLY, HIDDEN));
		// supplies and medicine
		rows.add(api("GET", "/api/v1/stations/{id}/supplies",
				c -> c.get("/api/v1/stations/" + c.station() + "/supplies"), SIGNED_IN, HIDDEN));
		rows.add(api("POST", "/api/v1/stations/{id}/supplies",
				c -> c.json("POST", "/api/v1/stations/" + c.station() + "/supplies",
						q("{'category':'TOOL','name':'矩阵工具" + f.serial() + "','unit':'件','quantity':1,'threshold':0}")),
				TALLY, HIDDEN));
		rows.add(api("POST", "/api/v1/supplies/{itemId}/movements",
				c -> c.json("POST", "/api/v1/supplies/" + item(c) + "/movements", "{\"kind\":\"USED\",\"quantity\":1}"),
				TALLY, HIDDEN));
		rows.add(api("GET", "/api/v1/supplies/warnings", c -> c.get("/api/v1/supplies/warnings?union=" + c.district()),
				SIGNED_IN, "UNNNNNNNNN")
			.leaks(f::foreignMarkers));
		rows.add(api("GET", "/api/v1/supplies/used", c -> c.get("/api/v1/supplies/used?union=" + c.district()),
				UNION_STAFF, "UNNNNNFFFN"));
		rows.add(page("GET", "/console/supplies", c -> c.get("/console/supplies?union=" + c.district()), SIGNED_IN,
				"UNNNNNNNNN")
			.leaks(f::foreignMarkers));
		rows.add(page("GET", "/console/stations/{id}/supplies",
				c -> c.get("/console/stations/" + c.station() + "/supplies"), SIGNED_IN, HIDDEN));
		rows.add(
				page("POST", "/console/stations/{id}/supplies",
						c -> c.form("/console/stations/" + c.station() + "/supplies", Map.of("category", "TOOL", "name",
								"矩阵页面工具" + f.serial(), "unit", "件", "quantity", "1", "threshold", "0")),
						TALLY, HIDDEN));
		rows.add(page("POST", "/console/supplies/{itemId}/movements",
				c -> c.form("/console/supplies/" + item(c) + "/movements",
						Map.of("kind", "RESTOCKED", "quantity", "1", "station", String.valueOf(c.station()))),
				"UAFFFFAAAF", HIDDEN));
		// door devices: staff register and retire them; devices sign, workers get entry
		// codes
		rows.add(api("GET", "/api/v1/stations/{id}/door-devices",
				c -> c.get("/api/v1/stations/" + c.station() + "/door-devices"), SIGNED_IN, HIDDEN));
		rows.add(api("POST", "/api/v1/stations/{id}/door-devices",
				c -> c.json("POST", "/api/v1/stations/" + c.station() + "/door-devices",
						q("{'name':'矩阵门" + f.serial() + "','heartbeatSeconds':60}")),
				EDITORS, HIDDEN));
		rows.add(api("POST", "/api/v1/door-devices/{deviceId}/retire",
				c -> c.json("POST", "/api/v1/door-devices/" + newDevice(f, c) + "/retire", "{}"), EDITORS, HIDDEN));
		rows.add(api("POST", "/api/v1/door/entry-codes",
				c -> c.json("POST", "/api/v1/door/entry-codes", q("{'token':'" + token(c) + "'}")), PUBLIC, PUBLIC));
		// without a device's signature every caller is refused, signed in or not
		rows.add(api("POST", "/api/v1/door/entries",
				c -> c.json("POST", "/api/v1/door/entries", q("{'method':'FACE'}")), UNSIGNED, UNSIGNED));
		rows.add(api("POST", "/api/v1/door/heartbeats", c -> c.json("POST", "/api/v1/door/heartbeats", "{}"), UNSIGNED,
				UNSIGNED));
		rows.add(page("GET", "/console/doors", c -> c.get("/console/doors"), SIGNED_IN, null).leaks(f::foreignMarkers));
		rows.add(page("GET", "/console/stations/{id}/doors", c -> c.get("/console/stations/" + c.station() + "/doors"),
				SIGNED_IN, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/doors", c -> c.form("/console/stations/" + c.station() + "/doors",
				Map.of("name", "矩阵页面门" + f.serial(), "heartbeatSeconds", "60")), EDITORS, HIDDEN));
		rows.add(page("POST", "/console/doors/{deviceId}/retire",
				c -> c.form("/console/doors/" + newDevice(f, c) + "/retire", Map.of()), EDITORS, HIDDEN));
		// activities
		rows.add(api("GET", "/api/v1/activities", c -> c.get("/api/v1/activities?union=" + c.district()), UNION_STAFF,
				"UNNNNNFFFN")
			.leaks(f::foreignMarkers));
		rows.add(api("POST", "/api/v1/activities", c -> c.json("POST", "/api/v1/activities",
				q("{'union':'" + c.district() + "','kind':'HEALTH_CHECK','title':'矩阵体检" + f.serial() + "','startsOn':'"
						+ today() + "','endsOn':'" + today() + "','stations':['" + c.station() + "']}")),
				ADMIN, ADMIN_HIDDEN));
		rows.add(api("PUT", "/api/v1/activities/{id}/stations/{stationId}/attendance", c -> c.json("PUT",
				"/api/v1/activities/" + this.activities.get(c.foreign) + "/stations/" + c.station() + "/attendance",
				"{\"attendance\":3}"), TALLY, HIDDEN));
		rows.add(api("GET", "/api/v1/activities/nearby",
				c -> c.get("/api/v1/activities/nearby?lat=30.27&lon=120.15&radius=2000"), PUBLIC, null));
		rows.add(page("GET", "/console/activities", c -> c.get("/console/activities"), SIGNED_IN, null)
			.leaks(f::foreignMarkers));
		rows.add(page("POST", "/console/activities",
				c -> c.form("/console/activities", Map.of("kind", "LEGAL_ADVICE", "title", "矩阵法律咨询" + f.serial(),
						"startsOn", today(), "endsOn", today(), "stations", String.valueOf(c.station()))),
				ADMIN, null));
		rows.add(page("POST", "/console/activities/{id}/attendance",
				c -> c.form("/console/activities/" + this.activities.get(c.foreign) + "/attendance",
						Map.of("station", String.valueOf(c.station()), "attendance", "2")),
				TALLY, HIDDEN));
		return rows;
	}

	/** Every caller without a device's signature: 401. */
	static final String UNSIGNED = "UUUUUUUUUU";

	/**
	 * A device registered by the national admin at the cell's station, for one cell to
	 * retire.
	 */
	private static long newDevice(AccessFixture f, Cell c) {
		String created = ok(f.admin()
			.send("POST", "/api/v1/stations/" + c.station() + "/door-devices", "application/json",
					q("{'name':'矩阵停用门" + f.serial() + "','heartbeatSeconds':60}"), null));
		return com.jayway.jsonpath.JsonPath.parse(created).read("$.device.id", Long.class);
	}

}
