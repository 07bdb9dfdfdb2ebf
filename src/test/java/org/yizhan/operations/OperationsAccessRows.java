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
			String donation = ok(fixture.admin()
				.send("POST", "/api/v1/stations/" + station + "/donations", "application/json",
						q("{'donorKind':'COMPANY','donor':'矩阵爱心企业','name':'矩阵矿泉水" + fixture.serial()
								+ "','unit':'瓶','quantity':100000}"),
						null));
			this.donations.put(foreign, com.jayway.jsonpath.JsonPath.parse(donation).read("$.id", Long.class));
		}
		this.contacts.put(false, fixture.roleAccounts().get("STATION_MASTER"));
		this.contacts.put(true,
				fixture.account(FOREIGN, "LIAISON", ",'stations':[" + fixture.foreignStation() + "]").id());
	}

	/** A donation of the own and of the foreign station, with plenty to claim. */
	private final Map<Boolean, Long> donations = new java.util.HashMap<>();

	/** An operator's contact on the own and on the foreign station's line. */
	private final Map<Boolean, Long> contacts = new java.util.HashMap<>();

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
		// donated goods and coupons
		rows.add(api("GET", "/api/v1/stations/{id}/donations",
				c -> c.get("/api/v1/stations/" + c.station() + "/donations"), SIGNED_IN, HIDDEN));
		rows.add(api("POST", "/api/v1/stations/{id}/donations", c -> c.json("POST",
				"/api/v1/stations/" + c.station() + "/donations",
				q("{'donorKind':'HOST','donor':'矩阵承建单位','name':'矩阵毛巾" + f.serial() + "','unit':'条','quantity':5}")),
				TALLY, HIDDEN));
		rows.add(api("POST", "/api/v1/donations/{donationId}/claims",
				c -> c.json("POST", "/api/v1/donations/" + this.donations.get(c.foreign) + "/claims", "{\"claims\":1}"),
				TALLY, HIDDEN));
		rows.add(api("GET", "/api/v1/donations/figures", c -> c.get("/api/v1/donations/figures?union=" + c.district()),
				UNION_STAFF, "UNNNNNFFFN"));
		rows.add(api("GET", "/api/v1/stations/{id}/coupons", c -> c.get("/api/v1/stations/" + c.station() + "/coupons"),
				SIGNED_IN, HIDDEN));
		rows.add(api("POST", "/api/v1/stations/{id}/coupons",
				c -> c.json("POST", "/api/v1/stations/" + c.station() + "/coupons", q("{'funder':'矩阵出资方','title':'矩阵饮料"
						+ f.serial() + "','startsOn':'" + today() + "','endsOn':'" + today() + "','total':10}")),
				TALLY, HIDDEN));
		// a coupon of its own for every cell, so that no cell's redemption meets
		// another's
		rows.add(api("POST", "/api/v1/coupons/{couponId}/redemptions",
				c -> c.json("POST", "/api/v1/coupons/" + newCoupon(f, c) + "/redemptions",
						q("{'token':'" + token(c) + "','deviceId':'matrix-coupon-" + f.serial() + "-0000'}")),
				PUBLIC, PUBLIC));
		rows.add(page("GET", "/console/donations", c -> c.get("/console/donations?union=" + c.district()), SIGNED_IN,
				"UNNNNNAAAN")
			.leaks(f::foreignMarkers));
		rows.add(page("GET", "/console/stations/{id}/donations",
				c -> c.get("/console/stations/" + c.station() + "/donations"), SIGNED_IN, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/donations",
				c -> c.form("/console/stations/" + c.station() + "/donations", Map.of("donorKind", "FOUNDATION",
						"donor", "矩阵基金会", "name", "矩阵页面雨衣" + f.serial(), "unit", "件", "quantity", "3")),
				TALLY, HIDDEN));
		rows.add(page("POST", "/console/donations/{donationId}/claims",
				c -> c.form("/console/donations/" + this.donations.get(c.foreign) + "/claims",
						Map.of("claims", "1", "station", String.valueOf(c.station()))),
				TALLY, HIDDEN));
		rows.add(page("GET", "/console/stations/{id}/coupons",
				c -> c.get("/console/stations/" + c.station() + "/coupons"), SIGNED_IN, HIDDEN));
		rows.add(
				page("POST", "/console/stations/{id}/coupons",
						c -> c.form("/console/stations/" + c.station() + "/coupons", Map.of("funder", "矩阵出资方", "title",
								"矩阵页面饮料" + f.serial(), "startsOn", today(), "endsOn", today(), "total", "5")),
						TALLY, HIDDEN));
		rows.add(page("POST", "/v/{token}/coupons", c -> {
			String token = token(c);
			c.get("/r/" + token);
			return c.form("/v/" + token + "/coupons", Map.of());
		}, PUBLIC, PUBLIC));
		rows.add(page("POST", "/v/{token}/coupons/{couponId}", c -> {
			String token = token(c);
			long coupon = newCoupon(f, c);
			c.get("/r/" + token);
			return c.form("/v/" + token + "/coupons/" + coupon, Map.of());
		}, PUBLIC, PUBLIC));
		// operators' contracts: days of their own for every call, so that none overlaps
		rows.add(api("GET", "/api/v1/stations/{id}/operator-contracts",
				c -> c.get("/api/v1/stations/" + c.station() + "/operator-contracts"), SIGNED_IN, HIDDEN));
		rows.add(api("POST", "/api/v1/stations/{id}/operator-contracts",
				c -> c.json("POST", "/api/v1/stations/" + c.station() + "/operator-contracts", contractJson(f, c)),
				ADMIN, HIDDEN));
		rows.add(api("POST", "/api/v1/operator-contracts/{contractId}/end", c -> {
			LocalDate start = LocalDate.parse(today()).plusDays(10 + 3L * f.serial());
			return c.json("POST", "/api/v1/operator-contracts/" + newContract(f, c, start) + "/end",
					"{\"endsOn\":\"" + start + "\"}");
		}, ADMIN, HIDDEN));
		rows.add(page("GET", "/console/stations/{id}/operators",
				c -> c.get("/console/stations/" + c.station() + "/operators"), SIGNED_IN, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/operators", c -> {
			LocalDate start = LocalDate.parse(today()).plusDays(10 + 3L * f.serial());
			return c.form("/console/stations/" + c.station() + "/operators",
					Map.of("operator", "矩阵页面物业", "contact", String.valueOf(this.contacts.get(c.foreign)), "startsOn",
							start.toString(), "endsOn", start.plusDays(1).toString(), "duties", "CLEANING"));
		}, ADMIN, HIDDEN));
		return rows;
	}

	/**
	 * A contract's JSON for days no other call of the matrix uses, in the future: a
	 * contract in force today would route the matrix station's cases to its operator.
	 */
	private String contractJson(AccessFixture f, Cell c) {
		LocalDate start = LocalDate.parse(today()).plusDays(10 + 3L * f.serial());
		return q("{'operator':'矩阵物业','contact':" + this.contacts.get(c.foreign) + ",'startsOn':'" + start
				+ "','endsOn':'" + start.plusDays(1) + "','duties':['CLEANING','POWER']}");
	}

	/**
	 * A contract recorded by the national admin at the cell's station, for one cell to
	 * end.
	 */
	private long newContract(AccessFixture f, Cell c, LocalDate start) {
		String created = ok(f.admin()
			.send("POST", "/api/v1/stations/" + c.station() + "/operator-contracts", "application/json",
					q("{'operator':'矩阵结束物业','contact':" + this.contacts.get(c.foreign) + ",'startsOn':'" + start
							+ "','endsOn':'" + start.plusDays(1) + "','duties':['WATER']}"),
					null));
		return com.jayway.jsonpath.JsonPath.parse(created).read("$.id", Long.class);
	}

	/** A coupon offered by the national admin at the cell's station, running today. */
	private static long newCoupon(AccessFixture f, Cell c) {
		String created = ok(f.admin()
			.send("POST", "/api/v1/stations/" + c.station() + "/coupons", "application/json",
					q("{'funder':'矩阵出资方','title':'矩阵券" + f.serial() + "','startsOn':'" + today() + "','endsOn':'"
							+ today() + "','total':3}"),
					null));
		return com.jayway.jsonpath.JsonPath.parse(created).read("$.id", Long.class);
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
