package org.yizhan;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.yizhan.rating.ProblemTickets;
import org.yizhan.rating.StationTokens;
import org.yizhan.station.StationId;
import org.yizhan.rating.RatingRows;
import org.yizhan.support.HttpCaller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subtree access matrix of issue 4: every endpoint of the application × every role ×
 * an object of the caller's own district (西湖区 330106) and one of a foreign district (上城区
 * 330102), with the expected outcome of each cell. An endpoint the application serves
 * that is missing here, or one listed here that the application no longer serves, fails
 * the build. {@code docs/access.md} says the same for people.
 *
 * <p>
 * Outcomes, one letter per role in the column order of {@link #COLUMNS}:
 * <ul>
 * <li>{@code A} allowed: 2xx or a redirect that is not to the login or password page;
 * when the row names foreign markers, none may appear in the answer (0 foreign reads);
 * <li>{@code I} allowed, the input refused: 400, 409, 412 or 428 (the request reached the
 * use case and was judged on its content);
 * <li>{@code F} forbidden: 403;
 * <li>{@code N} hidden: 404, the object outside the caller's scope does not exist for it;
 * <li>{@code U} unauthenticated: 401, or for pages a redirect to the login page;
 * <li>{@code R} refused on the page: the console redirects to a page that shows the
 * refusal (its flash message) or that the caller may not open, having changed nothing.
 * </ul>
 * A row without a foreign column has no object or filter that could be foreign (the
 * caller's own profile, public catalogues).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

	/** The columns of every expectation: anonymous first, then one account per role. */
	static final List<String> COLUMNS = List.of("anonymous", "ORG_ADMIN", "REVIEWER", "INSPECTOR", "FINANCE", "AUDITOR",
			"STATION_MASTER", "LIAISON", "HOST", "EVALUATOR");

	/** Framework endpoints, outside the matrix: API docs and the error page. */
	static final List<String> EXCLUDED_PREFIXES = List.of("/v3/api-docs", "/swagger-ui", "/error", "/actuator");

	static final String OWN = "330106";

	static final String FOREIGN = "330102";

	static final String PASSWORD = "Lanting-Xu-2046!";

	static final String HOST_NAME = "矩阵测试承建单位";

	// common expectation strings
	static final String PUBLIC = "AAAAAAAAAA";

	static final String SIGNED_IN = "UAAAAAAAAA";

	static final String ADMIN = "UAFFFFFFFF";

	static final String EDITORS = "UAFFFFAFFF";

	static final String SUBTREE_READERS = "UAAAAAFFFA";

	static final String AUDITORS = "UAFFFAFFFF";

	static final String NOBODY = "UFFFFFFFFF";

	static final String HIDDEN = "UNNNNNNNNN";

	static final String ADMIN_HIDDEN = "UNFFFFFFFF";

	static final String ACCOUNT_READERS = "UAFFFAFFFF";

	static final String ACCOUNT_READERS_HIDDEN = "UNFFFNFFFF";

	static final String ADMIN_OR_REFUSED = "UARRRRRRRR";

	static final String HIDDEN_OR_REFUSED = "UNRRRRRRRR";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private final AtomicInteger serial = new AtomicInteger();

	/** Street numbers above the NBS ones of the district. */
	private final AtomicInteger streets = new AtomicInteger(900);

	private HttpCaller admin;

	private final Map<String, HttpCaller> tokens = new HashMap<>();

	private final Map<String, HttpCaller> basics = new HashMap<>();

	private final Map<String, HttpCaller> consoles = new HashMap<>();

	/** Tokens each account made beforehand, for the revoke cells to revoke. */
	private final Map<String, java.util.Deque<Long>> spareTokens = new HashMap<>();

	private long ownStation;

	private long foreignStation;

	private String foreignStationCode;

	private long foreignPhoto;

	private long ownPhoto;

	private long ownAccount;

	private long foreignAccount;

	private String foreignUsername;

	private String foreignUnion;

	private long adminToken;

	private long foreignHeldRating;

	@Autowired
	JdbcClient jdbc;

	private byte[] photo;

	/** Each role's account, by role. */
	private final Map<String, Long> roleAccounts = new HashMap<>();

	// ------------------------------------------------------------------ notification
	// centre fixture (digests)

	/** Each role's own notification; the national admin's is the foreign one. */
	private final Map<String, Long> notifications = new HashMap<>();

	private long foreignNotification;

	static final String FOREIGN_NOTICE = "矩阵外人的消息";

	private void notificationFixture() {
		org.yizhan.notification.Notifications centre = this.context
			.getBean(org.yizhan.notification.Notifications.class);
		long nationalAdmin = this.context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("select id from account where username = 'admin'")
			.query(Long.class)
			.single();
		this.foreignNotification = centre.deliver(notice(nationalAdmin, FOREIGN_NOTICE)).orElseThrow();
		this.roleAccounts
			.forEach((role, id) -> this.notifications.put(role, centre.deliver(notice(id, "矩阵消息")).orElseThrow()));
	}

	private static org.yizhan.notification.Notice notice(long account, String subject) {
		var text = new org.yizhan.notification.NoticeText(subject,
				List.of(new org.yizhan.notification.NoticeSection("矩阵",
						List.of(org.yizhan.notification.NoticeLine.of(subject)))));
		return new org.yizhan.notification.Notice(account, "matrix.notice", "n" + System.nanoTime(),
				"/console/stations", text, text);
	}

	/** The caller's own notification, or the national admin's for the foreign cell. */
	private long notification(Cell c) {
		return (c.foreign || c.role.equals("anonymous")) ? this.foreignNotification : this.notifications.get(c.role);
	}

	@BeforeAll
	void fixture() throws IOException {
		this.photo = jpeg();
		HttpCaller adminBasic = HttpCaller.basic(this.port, "admin", "test-admin-secret");
		String adminTokenJson = ok(adminBasic.send("POST", "/api/v1/me/tokens", "application/json",
				q("{'name':'matrix','scopes':['READ','WRITE'],'expiresOn':'" + LocalDate.now().plusDays(30) + "'}"),
				null));
		this.adminToken = JsonPath.parse(adminTokenJson).read("$.token.id", Long.class);
		this.admin = HttpCaller.bearer(this.port, JsonPath.read(adminTokenJson, "$.value"));
		this.ownStation = station(OWN, "LISTED");
		this.foreignStation = station(FOREIGN, "LISTED");
		this.foreignStationCode = JsonPath.read(ok(this.admin.get("/api/v1/stations/" + this.foreignStation)),
				"$.code");
		this.foreignHeldRating = new RatingRows(this.jdbc).at(this.foreignStation).held("STATION_BURST").insert();
		this.ownPhoto = addPhoto(this.ownStation);
		this.foreignPhoto = addPhoto(this.foreignStation);
		// a bound role: every admin may manage it (an account with a role the admin does
		// not hold may not be acted on: AccountRoleReachTests)
		this.ownAccount = account(OWN, "HOST", ",'hostName':'" + HOST_NAME + "'").id;
		Created foreign = account(FOREIGN, "REVIEWER", "");
		this.foreignAccount = foreign.id;
		this.foreignUsername = foreign.username;
		this.foreignUnion = JsonPath
			.read(ok(this.admin.send("POST", "/api/v1/organizations/" + FOREIGN + "/industry-unions",
					"application/json", q("{'name':'矩阵外区产业工会'}"), null)), "$.code");
		ok(this.admin.send("PATCH", "/api/v1/organizations/" + this.foreignUnion, "application/json",
				q("{'name':'矩阵外区改名历史工会'}"), null));
		this.tokens.put("anonymous", HttpCaller.anonymous(this.port));
		this.basics.put("anonymous", HttpCaller.anonymous(this.port));
		this.consoles.put("anonymous", HttpCaller.console(this.port, null, null));
		for (String role : COLUMNS.subList(1, COLUMNS.size())) {
			String extra = switch (role) {
				case "STATION_MASTER", "LIAISON" -> ",'stations':[" + this.ownStation + "]";
				case "HOST" -> ",'hostName':'" + HOST_NAME + "'";
				case "EVALUATOR" -> ",'contractEndsOn':'" + LocalDate.now().plusYears(1) + "'";
				default -> "";
			};
			Created account = account(OWN, role, extra);
			this.roleAccounts.put(role, account.id);
			HttpCaller basic = HttpCaller.basic(this.port, account.username, PASSWORD);
			String token = JsonPath.read(ok(basic.send("POST", "/api/v1/me/tokens", "application/json",
					q("{'name':'matrix','scopes':['READ','WRITE'],'expiresOn':'" + LocalDate.now().plusDays(30) + "'}"),
					null)), "$.value");
			this.tokens.put(role, HttpCaller.bearer(this.port, token));
			java.util.Deque<Long> spare = new java.util.ArrayDeque<>();
			for (int i = 0; i < 2; i++) {
				spare.add(JsonPath
					.parse(ok(basic.send("POST", "/api/v1/me/tokens", "application/json", tokenJson(), null)))
					.read("$.token.id", Long.class));
			}
			this.spareTokens.put(role, spare);
			this.basics.put(role, basic);
			this.consoles.put(role, HttpCaller.console(this.port, account.username, PASSWORD));
		}
		notificationFixture();
		ticketFixture();
	}

	// ------------------------------------------------------------------ the matrix

	List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		// public finder: listed stations are public facts, for everyone alike
		rows.add(page("GET", "/", c -> c.get("/"), PUBLIC, null));
		rows.add(page("GET", "/stations/{id}", c -> c.get("/stations/" + c.station()), PUBLIC, PUBLIC));
		rows.add(page("GET", "/stations/{id}/photos/{photoId}",
				c -> c.get("/stations/" + c.station() + "/photos/" + c.photo()), PUBLIC, PUBLIC));
		rows.add(page("GET", "/feeds/stations.geojson", c -> c.get("/feeds/stations.geojson"), PUBLIC, null));
		rows.add(page("GET", "/feeds/stations-amap.csv", c -> c.get("/feeds/stations-amap.csv"), PUBLIC, null));
		rows.add(page("GET", "/feeds/stations-baidu.csv", c -> c.get("/feeds/stations-baidu.csv"), PUBLIC, null));
		rows.add(api("GET", "/api/v1/stations/nearby", c -> c.get("/api/v1/stations/nearby?lat=30.27&lon=120.15"),
				PUBLIC, null));
		rows.add(api("GET", "/api/v1/stations/in-box",
				c -> c.get("/api/v1/stations/in-box?south=30.2&west=120.1&north=30.3&east=120.2"), PUBLIC, null));
		rows.add(api("GET", "/api/v1/amenities", c -> c.get("/api/v1/amenities"), PUBLIC, null));
		rows.add(api("GET", "/api/v1/host-types", c -> c.get("/api/v1/host-types"), PUBLIC, null));

		// station registry API: scoped in the repository
		rows.add(api("GET", "/api/v1/stations", c -> c.get("/api/v1/stations?size=100&org=" + c.district()), SIGNED_IN,
				SIGNED_IN)
			.leaks(() -> List.of(this.foreignStationCode)));
		rows.add(api("GET", "/api/v1/stations/{idOrCode}", c -> c.get("/api/v1/stations/" + c.station()), SIGNED_IN,
				HIDDEN));
		rows.add(api("GET", "/api/v1/stations/{id}/responsibility",
				c -> c.get("/api/v1/stations/" + c.station() + "/responsibility"), SIGNED_IN, HIDDEN));
		rows.add(api("PUT", "/api/v1/stations/{id}/responsibility",
				c -> c.json("PUT", "/api/v1/stations/" + c.station() + "/responsibility", "{}"), ADMIN, HIDDEN));
		rows.add(api("POST", "/api/v1/stations", c -> c.json("POST", "/api/v1/stations", stationJson(c.district())),
				ADMIN, NOBODY));
		rows.add(api("PUT", "/api/v1/stations/{id}", c -> {
			long id = c.editable("LISTED");
			return c.json("PUT", "/api/v1/stations/" + id, stationJson(c.district()), ifMatch(id));
		}, EDITORS, HIDDEN));
		rows.add(api("POST", "/api/v1/stations/{id}/list", c -> {
			long id = c.managed("DRAFT");
			return c.json("POST", "/api/v1/stations/" + id + "/list", "{}", ifMatch(id));
		}, ADMIN, HIDDEN));
		rows.add(api("POST", "/api/v1/stations/{id}/suspend", c -> {
			long id = c.managed("LISTED");
			return c.json("POST", "/api/v1/stations/" + id + "/suspend",
					q("{'reason':'装修','expectedReopening':'" + LocalDate.now().plusMonths(1) + "'}"), ifMatch(id));
		}, ADMIN, HIDDEN));
		rows.add(api("POST", "/api/v1/stations/{id}/reopen", c -> {
			long id = c.managed("SUSPENDED");
			return c.json("POST", "/api/v1/stations/" + id + "/reopen", "{}", ifMatch(id));
		}, ADMIN, HIDDEN));
		rows.add(api("POST", "/api/v1/stations/{id}/delist", c -> {
			long id = c.managed("LISTED");
			return c.json("POST", "/api/v1/stations/" + id + "/delist", q("{'reason':'CLOSED','note':'矩阵'}"),
					ifMatch(id));
		}, ADMIN, HIDDEN));
		rows.add(api("POST", "/api/v1/stations/{id}/photos", c -> {
			long id = c.editable("LISTED");
			return c.caller.postFile("/api/v1/stations/" + id + "/photos", "file", "p.jpg", this.photo, ifMatch(id));
		}, EDITORS, HIDDEN));
		rows.add(api("GET", "/api/v1/stations/{id}/photos/{photoId}",
				c -> c.get("/api/v1/stations/" + c.station() + "/photos/" + c.photo()), SIGNED_IN, HIDDEN));
		rows.add(api("DELETE", "/api/v1/stations/{id}/photos/{photoId}", c -> {
			long id = c.editable("LISTED");
			long photo = c.foreign ? this.foreignPhoto : addPhoto(id);
			return c.caller.send("DELETE", "/api/v1/stations/" + id + "/photos/" + photo, null, (byte[]) null,
					ifMatch(id));
		}, EDITORS, HIDDEN));

		// station console
		rows.add(page("GET", "/console", c -> c.get("/console"), SIGNED_IN, null));
		rows.add(page("GET", "/console/stations", c -> c.get("/console/stations?org=" + c.district()), SIGNED_IN,
				SIGNED_IN)
			.leaks(() -> List.of(this.foreignStationCode)));
		rows.add(page("GET", "/console/stations/map-data", c -> c.get("/console/stations/map-data"), SIGNED_IN, null)
			.leaks(() -> List.of(this.foreignStationCode, "\"id\":" + this.foreignStation + ",")));
		rows.add(page("GET", "/console/stations/{id}", c -> c.get("/console/stations/" + c.station()), SIGNED_IN,
				HIDDEN));
		rows.add(page("GET", "/console/stations/new", c -> c.get("/console/stations/new"), ADMIN, null));
		rows.add(page("POST", "/console/stations", c -> c.form("/console/stations", stationForm(c.district())), ADMIN,
				NOBODY));
		rows.add(page("GET", "/console/stations/{id}/edit", c -> c.get("/console/stations/" + c.station() + "/edit"),
				EDITORS, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}", c -> {
			long id = c.editable("LISTED");
			Map<String, String> form = stationForm(c.district());
			form.put("version", version(id));
			return c.form("/console/stations/" + id, form);
		}, EDITORS, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/list", c -> {
			long id = c.managed("DRAFT");
			return c.form("/console/stations/" + id + "/list", Map.of("version", version(id)));
		}, ADMIN, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/suspend", c -> {
			long id = c.managed("LISTED");
			return c.form("/console/stations/" + id + "/suspend", Map.of("version", version(id), "reason", "装修",
					"expectedReopening", LocalDate.now().plusMonths(1).toString()));
		}, ADMIN, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/reopen", c -> {
			long id = c.managed("SUSPENDED");
			return c.form("/console/stations/" + id + "/reopen", Map.of("version", version(id)));
		}, ADMIN, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/delist", c -> {
			long id = c.managed("LISTED");
			return c.form("/console/stations/" + id + "/delist",
					Map.of("version", version(id), "reason", "CLOSED", "note", "矩阵"));
		}, ADMIN, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/photos", c -> {
			long id = c.editable("LISTED");
			return c.caller.postFile("/console/stations/" + id + "/photos?version=" + version(id), "file", "p.jpg",
					this.photo, null);
		}, EDITORS, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/photos/{photoId}/delete", c -> {
			long id = c.editable("LISTED");
			long photo = c.foreign ? this.foreignPhoto : addPhoto(id);
			return c.form("/console/stations/" + id + "/photos/" + photo + "/delete", Map.of("version", version(id)));
		}, EDITORS, HIDDEN));
		rows.add(page("GET", "/console/stations/{id}/photos/{photoId}",
				c -> c.get("/console/stations/" + c.station() + "/photos/" + c.photo()), SIGNED_IN, HIDDEN));

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
			String areas = c.foreign ? ok(this.admin.get("/api/v1/coverage/areas?org=" + FOREIGN))
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

		// silent stations (issue 5): whoever sees the station reads its case; its admins
		// decide
		rows.add(api("GET", "/api/v1/silent-stations", c -> {
			silentCase(this.foreignStation);
			return c.get("/api/v1/silent-stations?size=200&org=" + c.district());
		}, SIGNED_IN, SIGNED_IN).leaks(() -> List.of(this.foreignStationCode)));
		rows.add(api("POST", "/api/v1/silent-stations/{id}/downgrade", c -> {
			long station = c.editable("LISTED");
			return c.json("POST", "/api/v1/silent-stations/" + silentCase(station) + "/downgrade",
					q("{'reason':'矩阵无评价'}"), ifMatch(station));
		}, ADMIN, HIDDEN));
		rows.add(api("POST", "/api/v1/silent-stations/{id}/delist", c -> {
			long station = c.editable("LISTED");
			return c.json("POST", "/api/v1/silent-stations/" + silentCase(station) + "/delist", q("{'note':'矩阵无评价'}"),
					ifMatch(station));
		}, ADMIN, HIDDEN));
		rows.add(
				api("POST", "/api/v1/silent-stations/{id}/exempt",
						c -> c.json("POST", "/api/v1/silent-stations/" + silentCase(c.editable("LISTED")) + "/exempt",
								q("{'reason':'矩阵豁免','exemptUntil':'" + LocalDate.now().plusDays(30) + "'}")),
						ADMIN, HIDDEN));
		rows.add(page("GET", "/console/silent-stations", c -> {
			silentCase(this.foreignStation);
			return c.get("/console/silent-stations?status=ALL&org=" + c.district());
		}, SIGNED_IN, SIGNED_IN).leaks(() -> List.of(this.foreignStationCode)));
		rows.add(page("GET", "/console/stations/{id}/silent", c -> {
			silentCase(c.station());
			return c.get("/console/stations/" + c.station() + "/silent");
		}, SIGNED_IN, HIDDEN));
		rows.add(page("POST", "/console/silent-stations/{id}/downgrade", c -> {
			long station = c.editable("LISTED");
			return c.form("/console/silent-stations/" + silentCase(station) + "/downgrade",
					Map.of("version", version(station), "reason", "矩阵无评价"));
		}, ADMIN, HIDDEN));
		rows.add(page("POST", "/console/silent-stations/{id}/delist", c -> {
			long station = c.editable("LISTED");
			return c.form("/console/silent-stations/" + silentCase(station) + "/delist",
					Map.of("version", version(station), "note", "矩阵无评价"));
		}, ADMIN, HIDDEN));
		rows.add(page("POST", "/console/silent-stations/{id}/exempt",
				c -> c.form("/console/silent-stations/" + silentCase(c.editable("LISTED")) + "/exempt",
						Map.of("reason", "矩阵豁免", "exemptUntil", LocalDate.now().plusDays(30).toString())),
				ADMIN, HIDDEN));

		// organisations: names and codes are public facts; history and changes are scoped
		rows.add(api("GET", "/api/v1/organizations", c -> c.get("/api/v1/organizations"), SIGNED_IN, null));
		rows.add(api("GET", "/api/v1/organizations/{code}", c -> c.get("/api/v1/organizations/" + c.union()), SIGNED_IN,
				SIGNED_IN)
			.leaks(() -> List.of("矩阵外区产业工会")));
		rows.add(api("GET", "/api/v1/organizations/{code}/children",
				c -> c.get("/api/v1/organizations/" + c.district() + "/children"), SIGNED_IN, SIGNED_IN));
		rows.add(api("POST", "/api/v1/organizations/{code}/industry-unions",
				c -> c.json("POST", "/api/v1/organizations/" + c.district() + "/industry-unions",
						q("{'name':'矩阵产业工会" + this.serial.incrementAndGet() + "'}")),
				ADMIN, NOBODY));
		rows.add(api("POST", "/api/v1/organizations/{code}/streets", c -> {
			int n = AccessMatrixTests.this.streets.incrementAndGet();
			return c.json("POST", "/api/v1/organizations/" + c.district() + "/streets",
					q("{'code':'" + c.district() + n + "','name':'矩阵街道" + n + "'}"));
		}, ADMIN, NOBODY));
		rows.add(api("POST", "/api/v1/organizations/{code}/streets/load",
				c -> c.json("POST", "/api/v1/organizations/" + c.district() + "/streets/load", "{}"), ADMIN, NOBODY));
		rows.add(api("PATCH", "/api/v1/organizations/{code}", c -> c.json("PATCH",
				"/api/v1/organizations/" + c.renamable(), q("{'name':'矩阵改名工会" + this.serial.incrementAndGet() + "'}")),
				ADMIN, NOBODY));
		// merging a district into itself: the admin's request is judged on its content
		rows.add(api(
				"POST", "/api/v1/organizations/{code}/merge", c -> c.json("POST",
						"/api/v1/organizations/" + c.district() + "/merge", q("{'target':'" + c.district() + "'}")),
				"UIFFFFFFFF", NOBODY));
		rows.add(page("GET", "/console/organizations", c -> c.get("/console/organizations"), SIGNED_IN, null));
		rows.add(page("GET", "/console/organizations/{code}", c -> c.get("/console/organizations/" + c.union()),
				SIGNED_IN, SIGNED_IN)
			.leaks(() -> List.of("矩阵外区产业工会")));
		rows.add(page("POST", "/console/organizations/{code}/rename",
				c -> c.form("/console/organizations/" + c.renamable() + "/rename",
						Map.of("name", "矩阵改名工会" + this.serial.incrementAndGet())),
				ADMIN, NOBODY));
		rows.add(page("POST", "/console/organizations/{code}/industry-unions",
				c -> c.form("/console/organizations/" + c.district() + "/industry-unions",
						Map.of("name", "矩阵产业工会" + this.serial.incrementAndGet())),
				ADMIN, NOBODY));
		rows.add(page("POST", "/console/organizations/{code}/streets/load",
				c -> c.form("/console/organizations/" + c.district() + "/streets/load", Map.of()), ADMIN, NOBODY));
		rows.add(page("POST", "/console/organizations/{code}/streets", c -> {
			int n = AccessMatrixTests.this.streets.incrementAndGet();
			return c.form("/console/organizations/" + c.district() + "/streets",
					Map.of("streetCode", c.district() + n, "name", "矩阵街道" + n));
		}, ADMIN, NOBODY));
		rows.add(page("POST", "/console/organizations/{code}/merge",
				c -> c.form("/console/organizations/" + c.district() + "/merge", Map.of("target", c.district())),
				"URFFFFFFFF", NOBODY));

		// audit log: auditors and admins, their subtree's entries only
		rows.add(api("GET", "/api/v1/audit", c -> c.get("/api/v1/audit?size=200&org=" + c.district()), AUDITORS, NOBODY)
			.leaks(this::foreignMarkers));
		rows.add(api("GET", "/api/v1/audit [text/csv]", c -> c.caller.send("GET", "/api/v1/audit?org=" + c.district(),
				null, (byte[]) null, Map.of("Accept", "text/csv")), AUDITORS, NOBODY)
			.leaks(this::foreignMarkers));
		rows.add(api("GET", "/api/v1/audit.csv", c -> c.get("/api/v1/audit.csv?org=" + c.district()), AUDITORS, NOBODY)
			.leaks(this::foreignMarkers));
		rows.add(page("GET", "/console/audit", c -> c.get("/console/audit?org=" + c.district()), AUDITORS, NOBODY)
			.leaks(this::foreignMarkers));
		rows.add(page("GET", "/console/audit/export.csv", c -> c.get("/console/audit/export.csv?org=" + c.district()),
				AUDITORS, NOBODY)
			.leaks(this::foreignMarkers));

		// accounts: admins of the subtree
		rows.add(api("GET", "/api/v1/accounts", c -> c.get("/api/v1/accounts?size=100&org=" + c.district()),
				ACCOUNT_READERS, ACCOUNT_READERS)
			.leaks(() -> List.of(this.foreignUsername)));
		rows.add(api("GET", "/api/v1/accounts/{id}", c -> c.get("/api/v1/accounts/" + c.account()), ACCOUNT_READERS,
				ACCOUNT_READERS_HIDDEN));
		rows.add(api("POST", "/api/v1/accounts", c -> c.json("POST", "/api/v1/accounts", accountJson(c.district())),
				ADMIN, NOBODY));
		rows.add(api("PUT", "/api/v1/accounts/{id}",
				c -> c.json(
						"PUT", "/api/v1/accounts/" + c.account(), q("{'displayName':'矩阵','organization':'"
								+ c.district() + "','roles':['HOST'],'hostName':'" + HOST_NAME + "'}"),
						accountMatch(c.account())),
				ADMIN, ADMIN_HIDDEN));
		rows.add(api("PATCH", "/api/v1/accounts/{id}", c -> c.json("PATCH", "/api/v1/accounts/" + c.account(),
				q("{'displayName':'矩阵改'}"), accountMatch(c.account())), ADMIN, ACCOUNT_READERS_HIDDEN));
		rows.add(api("POST", "/api/v1/accounts/{id}/disable",
				c -> c.json("POST", "/api/v1/accounts/" + c.account() + "/disable", "{}"), ADMIN, ADMIN_HIDDEN));
		rows.add(api("POST", "/api/v1/accounts/{id}/enable",
				c -> c.json("POST", "/api/v1/accounts/" + c.account() + "/enable", "{}"), ADMIN, ADMIN_HIDDEN));
		rows.add(api("POST", "/api/v1/accounts/{id}/unlock",
				c -> c.json("POST", "/api/v1/accounts/" + c.account() + "/unlock", "{}"), ADMIN, ADMIN_HIDDEN));
		rows.add(api("POST", "/api/v1/accounts/{id}/reset-password",
				c -> c.json("POST", "/api/v1/accounts/" + c.account() + "/reset-password", "{}"), ADMIN, ADMIN_HIDDEN));
		rows.add(api("GET", "/api/v1/accounts/{id}/personal-data",
				c -> c.get("/api/v1/accounts/" + c.account() + "/personal-data"), ADMIN, ADMIN_HIDDEN));
		rows.add(page("GET", "/console/accounts", c -> c.get("/console/accounts?org=" + c.district()), ACCOUNT_READERS,
				ACCOUNT_READERS)
			.leaks(() -> List.of(this.foreignUsername)));
		rows.add(page("GET", "/console/accounts/new", c -> c.get("/console/accounts/new"), ADMIN, null));
		rows.add(page("POST", "/console/accounts",
				c -> c.form("/console/accounts",
						Map.of("username", "mx" + this.serial.incrementAndGet() + System.nanoTime() % 100000,
								"displayName", "矩阵", "organization", c.district(), "roles", "ORG_ADMIN")),
				ADMIN, NOBODY));
		rows.add(page("GET", "/console/accounts/{id}", c -> c.get("/console/accounts/" + c.account()), ACCOUNT_READERS,
				ACCOUNT_READERS_HIDDEN));
		rows.add(page("GET", "/console/accounts/{id}/edit", c -> c.get("/console/accounts/" + c.account() + "/edit"),
				ACCOUNT_READERS, ACCOUNT_READERS_HIDDEN));
		rows.add(page("POST", "/console/accounts/{id}",
				c -> c.form("/console/accounts/" + c.account(), Map.of("displayName", "矩阵", "organization",
						c.district(), "roles", "HOST", "hostName", HOST_NAME, "version", accountVersion(c.account()))),
				ADMIN, "UNFFFNFFFF"));
		for (String action : List.of("disable", "enable", "unlock", "reset-password", "personal-data")) {
			rows.add(page("POST", "/console/accounts/{id}/" + action,
					c -> c.form("/console/accounts/" + c.account() + "/" + action, Map.of()),
					action.equals("personal-data") ? ADMIN : ADMIN_OR_REFUSED,
					action.equals("personal-data") ? ADMIN_HIDDEN : HIDDEN_OR_REFUSED));
		}

		// rating intake (issue 5): a station's QR page and the rating API are for
		// everyone, without an account, and for the stations of every district alike
		rows.add(page("GET", "/r/{token}", c -> c.get("/r/" + ratingToken(c.station())), PUBLIC, PUBLIC));
		rows.add(api("POST", "/api/v1/ratings", c -> c.json("POST", "/api/v1/ratings", ratingJson(c.station())), PUBLIC,
				PUBLIC));
		// satisfaction figures and the review queue of held ratings (rating.figures):
		// figures for whoever sees the station, a union's for its union roles, the queue
		// and its verdicts for union admins; each verdict cell has a held rating of its
		// own
		rows.add(api("GET", "/api/v1/stations/{id}/figures", c -> c.get("/api/v1/stations/" + c.station() + "/figures"),
				SIGNED_IN, HIDDEN));
		rows.add(api("GET", "/api/v1/organizations/{code}/figures",
				c -> c.get("/api/v1/organizations/" + c.district() + "/figures"), SUBTREE_READERS, HIDDEN));
		rows.add(api("GET", "/api/v1/ratings/held", c -> c.get("/api/v1/ratings/held?size=200&org=" + c.district()),
				ADMIN, ADMIN_HIDDEN)
			.leaks(() -> List.of(this.foreignStationCode)));
		for (String verdict : List.of("release", "reject")) {
			rows.add(api("POST", "/api/v1/ratings/{id}/" + verdict,
					c -> c.json("POST", "/api/v1/ratings/" + c.heldRating() + "/" + verdict, "{}"), ADMIN, HIDDEN));
		}
		rows.add(api("POST", "/api/v1/ratings/review", c -> c.json("POST", "/api/v1/ratings/review",
				q("{'verdict':'RELEASE','ids':[" + c.heldRating() + "]}")), ADMIN, HIDDEN));
		rows.add(page("GET", "/console/stations/{id}/figures",
				c -> c.get("/console/stations/" + c.station() + "/figures"), SIGNED_IN, HIDDEN));
		rows.add(page("GET", "/console/figures", c -> c.get("/console/figures?org=" + c.district()), SUBTREE_READERS,
				HIDDEN));
		rows.add(page("GET", "/console/ratings/held", c -> c.get("/console/ratings/held?org=" + c.district()), ADMIN,
				ADMIN_HIDDEN)
			.leaks(() -> List.of(this.foreignStationCode)));
		rows.add(page("POST", "/console/ratings/held/review", c -> c.form("/console/ratings/held/review",
				Map.of("verdict", "RELEASE", "ids", Long.toString(c.heldRating()))), ADMIN, HIDDEN));

		// one's own profile: signed in with a password (a token may not manage these)
		rows.add(basic("GET", "/api/v1/me", c -> c.get("/api/v1/me"), SIGNED_IN, null));
		rows.add(basic("POST", "/api/v1/me/password",
				c -> c.json("POST", "/api/v1/me/password",
						q("{'currentPassword':'not-the-password','newPassword':'Another-Pass-2046!'}")),
				"UIIIIIIIII", null));
		rows.add(basic("GET", "/api/v1/me/tokens", c -> c.get("/api/v1/me/tokens"), SIGNED_IN, null));
		rows.add(basic("POST", "/api/v1/me/tokens", c -> c.json("POST", "/api/v1/me/tokens", tokenJson()), SIGNED_IN,
				null));
		rows.add(basic("POST", "/api/v1/me/tokens/{id}/revoke",
				c -> c.json("POST", "/api/v1/me/tokens/" + c.token() + "/revoke", "{}"), SIGNED_IN, HIDDEN));
		rows.add(page("GET", "/console/me/password", c -> c.get("/console/me/password"), SIGNED_IN, null));
		rows.add(page("POST", "/console/me/password",
				c -> c.form("/console/me/password",
						Map.of("currentPassword", "not-the-password", "newPassword", "Another-Pass-2046!")),
				"UIIIIIIIII", null));
		rows.add(page("GET", "/console/me/tokens", c -> c.get("/console/me/tokens"), SIGNED_IN, null));
		rows.add(page("POST", "/console/me/tokens",
				c -> c.form("/console/me/tokens",
						Map.of("name", "矩阵", "scopes", "READ", "expiresOn", LocalDate.now().plusDays(10).toString())),
				SIGNED_IN, null));
		rows.add(page("POST", "/console/me/tokens/{id}/revoke",
				c -> c.form("/console/me/tokens/" + c.token() + "/revoke", Map.of()), SIGNED_IN, "URRRRRRRRR"));

		// notification centre and the own e-mail address (digests): one's own inbox only;
		// a token may read it, but only a password sign-in sets the address mail goes to
		rows.add(api("GET", "/api/v1/me/notifications", c -> c.get("/api/v1/me/notifications"), SIGNED_IN, null)
			.leaks(() -> List.of(FOREIGN_NOTICE)));
		rows.add(api("POST", "/api/v1/me/notifications/{id}/read",
				c -> c.json("POST", "/api/v1/me/notifications/" + notification(c) + "/read", "{}"), SIGNED_IN, HIDDEN));
		rows.add(api("POST", "/api/v1/me/notifications/read-all",
				c -> c.json("POST", "/api/v1/me/notifications/read-all", "{}"), SIGNED_IN, null));
		rows.add(basic("PUT", "/api/v1/me/email",
				c -> c.json("PUT", "/api/v1/me/email",
						q("{'email':'matrix-" + c.role.toLowerCase().replace('_', '-') + "@example.com'}")),
				SIGNED_IN, null));
		rows.add(page("GET", "/console/notifications", c -> c.get("/console/notifications"), SIGNED_IN, null)
			.leaks(() -> List.of(FOREIGN_NOTICE)));
		rows.add(
				page("GET", "/console/notifications/bell", c -> c.get("/console/notifications/bell"), SIGNED_IN, null));
		rows.add(page("GET", "/console/notifications/{id}", c -> c.get("/console/notifications/" + notification(c)),
				SIGNED_IN, HIDDEN)
			.leaks(() -> List.of(FOREIGN_NOTICE)));
		rows.add(page("POST", "/console/notifications/{id}/read",
				c -> c.form("/console/notifications/" + notification(c) + "/read", Map.of()), SIGNED_IN, HIDDEN));
		rows.add(page("POST", "/console/notifications/read-all",
				c -> c.form("/console/notifications/read-all", Map.of()), SIGNED_IN, null));
		rows.add(page("GET", "/console/me/email", c -> c.get("/console/me/email"), SIGNED_IN, null));
		rows.add(page("POST", "/console/me/email",
				c -> c.form("/console/me/email",
						Map.of("email", "matrix-" + c.role.toLowerCase().replace('_', '-') + "@example.com")),
				SIGNED_IN, null));
		// QR codes and posters (issue 5, rating.qr): printed by the station's union
		// admins
		// and its own station master; the bulk PDF of a district by its admins. The
		// console's QR section shows every reader of the station what they may do.
		rows.add(api("GET", "/api/v1/stations/{id}/qr", c -> c.get("/api/v1/stations/" + c.station() + "/qr"), EDITORS,
				HIDDEN));
		rows.add(api("GET", "/api/v1/stations/{id}/qr.png",
				c -> c.get("/api/v1/stations/" + c.station() + "/qr.png?px=256"), EDITORS, HIDDEN));
		rows.add(api("GET", "/api/v1/stations/{id}/qr.svg", c -> c.get("/api/v1/stations/" + c.station() + "/qr.svg"),
				EDITORS, HIDDEN));
		rows.add(api("GET", "/api/v1/stations/{id}/poster.pdf",
				c -> c.get("/api/v1/stations/" + c.station() + "/poster.pdf"), EDITORS, HIDDEN));
		rows.add(api("GET", "/api/v1/organizations/{code}/posters.pdf",
				c -> c.get("/api/v1/organizations/" + c.district() + "/posters.pdf"), ADMIN, NOBODY));
		rows.add(page("GET", "/console/stations/{id}/qr", c -> c.get("/console/stations/" + c.station() + "/qr"),
				SIGNED_IN, HIDDEN));
		rows.add(page("GET", "/console/stations/{id}/qr.png",
				c -> c.get("/console/stations/" + c.station() + "/qr.png?px=256"), EDITORS, HIDDEN));
		rows.add(page("GET", "/console/stations/{id}/qr.svg",
				c -> c.get("/console/stations/" + c.station() + "/qr.svg"), EDITORS, HIDDEN));
		rows.add(page("GET", "/console/stations/{id}/poster.pdf",
				c -> c.get("/console/stations/" + c.station() + "/poster.pdf?paper=A4"), EDITORS, HIDDEN));
		rows.add(page("GET", "/console/organizations/{code}/posters",
				c -> c.get("/console/organizations/" + c.district() + "/posters"), SIGNED_IN, SIGNED_IN)
			.leaks(() -> List.of("/console/organizations/" + FOREIGN + "/posters.pdf")));
		rows.add(page("GET", "/console/organizations/{code}/posters.pdf",
				c -> c.get("/console/organizations/" + c.district() + "/posters.pdf"), ADMIN, NOBODY));
		// problem tickets (rating, tickets slice): reporting and a ticket's status by its
		// number are public; staff read the tickets of the stations they see (and of the
		// chains naming them); the holder, those above it in the chain and union admins
		// over the station resolve. The own station's chain names the matrix's station
		// master and liaison, so fresh tickets go to the station master.
		rows.add(api("POST", "/api/v1/problems",
				c -> c.json("POST", "/api/v1/problems", q(
						"{'token':'" + this.stationTokens.issue(ticketStation(c)) + "','problem':'MISSING_SUPPLIES'}")),
				PUBLIC, PUBLIC));
		rows.add(api("GET", "/api/v1/problems/{number}", c -> c.get("/api/v1/problems/" + openTicket(c)), PUBLIC,
				PUBLIC));
		rows.add(page("GET", "/p/{number}", c -> c.get("/p/" + openTicket(c)), PUBLIC, PUBLIC));
		rows.add(api("GET", "/api/v1/tickets", c -> c.get("/api/v1/tickets?state=all&size=200&org=" + c.district()),
				SIGNED_IN, SIGNED_IN)
			.leaks(this::foreignTickets));
		rows.add(api("GET", "/api/v1/tickets/{number}", c -> c.get("/api/v1/tickets/" + openTicket(c)), SIGNED_IN,
				HIDDEN));
		rows.add(api("POST", "/api/v1/tickets/{number}/resolve",
				c -> c.json("POST", "/api/v1/tickets/" + freshTicket(c) + "/resolve", q("{'note':'矩阵办结'}")),
				TICKET_RESOLVERS, HIDDEN));
		rows.add(api("GET", "/api/v1/tickets/{number}/photo",
				c -> c.get("/api/v1/tickets/" + photoTicket(c) + "/photo?thumbnail=true"), SIGNED_IN, HIDDEN));
		rows.add(
				page("GET", "/console/tickets", c -> c.get("/console/tickets?view=scope&state=all&org=" + c.district()),
						SIGNED_IN, SIGNED_IN)
					.leaks(this::foreignTickets));
		rows.add(page("GET", "/console/tickets/{number}", c -> c.get("/console/tickets/" + openTicket(c)), SIGNED_IN,
				HIDDEN));
		rows.add(page("POST", "/console/tickets/{number}/resolve",
				c -> c.form("/console/tickets/" + freshTicket(c) + "/resolve", Map.of("note", "矩阵办结")),
				TICKET_RESOLVERS, HIDDEN));
		rows.add(page("GET", "/console/tickets/{number}/photo",
				c -> c.get("/console/tickets/" + photoTicket(c) + "/photo"), SIGNED_IN, HIDDEN));
		rows.add(page("GET", "/console/stations/{id}/tickets",
				c -> c.get("/console/stations/" + ticketStation(c).value() + "/tickets"), SIGNED_IN, HIDDEN)
			.leaks(this::foreignTickets));
		return rows;
	}

	// ------------------------------------------------------------------ problem tickets

	/** The holder (station master), the liaison above it and admins resolve. */
	static final String TICKET_RESOLVERS = "UAFFFFAAFF";

	@Autowired
	StationTokens stationTokens;

	@Autowired
	ProblemTickets problemTickets;

	private final Map<Boolean, Long> ticketStations = new HashMap<>();

	private final Map<Boolean, String> openTickets = new HashMap<>();

	private final Map<Boolean, String> photoTickets = new HashMap<>();

	/**
	 * A listed station per district with tickets: an open one to read, a resolved one
	 * with a photo. The own station's chain names the matrix's station master and
	 * liaison.
	 */
	private void ticketFixture() {
		for (boolean foreign : new boolean[] { false, true }) {
			long station = station(foreign ? FOREIGN : OWN, "LISTED");
			this.ticketStations.put(foreign, station);
			if (!foreign) {
				ok(this.admin.send("PUT", "/api/v1/stations/" + station + "/responsibility", "application/json", q(
						"{'stationMaster':" + accountId("STATION_MASTER") + ",'liaison':" + accountId("LIAISON") + "}"),
						null));
			}
			this.openTickets.put(foreign, report(station, "MISSING_SUPPLIES"));
			String withPhoto = report(station, "BROKEN_FACILITY");
			ok(this.admin.postFile("/api/v1/tickets/" + withPhoto + "/resolve?note=%E7%9F%A9%E9%98%B5", "photo",
					"p.jpg", this.photo, null));
			this.photoTickets.put(foreign, withPhoto);
		}
	}

	private StationId ticketStation(Cell cell) {
		return StationId.of(this.ticketStations.get(cell.foreign));
	}

	private String openTicket(Cell cell) {
		return this.openTickets.get(cell.foreign);
	}

	private String photoTicket(Cell cell) {
		return this.photoTickets.get(cell.foreign);
	}

	/**
	 * A new open ticket for a resolve cell; the foreign one is never resolved if all is
	 * well.
	 */
	private String freshTicket(Cell cell) {
		return cell.foreign ? this.openTickets.get(true) : report(this.ticketStations.get(false), "MISSING_SUPPLIES");
	}

	private String report(long station, String problem) {
		return this.problemTickets
			.report(new ProblemTickets.Report(this.stationTokens.issue(StationId.of(station)), problem, null, null))
			.ticket()
			.number()
			.value();
	}

	private long accountId(String role) {
		return JsonPath.parse(ok(this.basics.get(role).get("/api/v1/me"))).read("$.id", Long.class);
	}

	private List<String> foreignTickets() {
		return List.of(this.openTickets.get(true), this.photoTickets.get(true));
	}

	// ------------------------------------------------------------------ the tests

	@Test
	void everyEndpointOfTheApplicationIsInTheMatrixAndNoOther() {
		Set<String> served = servedEndpoints();
		Set<String> declared = new TreeSet<>();
		rows().forEach(row -> declared.add(row.endpoint()));
		Set<String> missing = new TreeSet<>(served);
		missing.removeAll(declared);
		Set<String> gone = new TreeSet<>(declared);
		gone.removeAll(served);
		assertThat(missing).as("endpoints served but missing from the access matrix").isEmpty();
		assertThat(gone).as("endpoints in the access matrix the application no longer serves").isEmpty();
	}

	@TestFactory
	Stream<DynamicNode> matrix() {
		return rows().stream().map(row -> DynamicContainer.dynamicContainer(row.endpoint(), cells(row)));
	}

	private Stream<DynamicTest> cells(Row row) {
		List<DynamicTest> cells = new ArrayList<>();
		for (boolean foreign : new boolean[] { false, true }) {
			String expected = foreign ? row.foreign : row.own;
			if (expected == null) {
				continue;
			}
			assertThat(expected).as(row.endpoint()).hasSize(COLUMNS.size());
			for (int i = 0; i < COLUMNS.size(); i++) {
				String role = COLUMNS.get(i);
				char outcome = expected.charAt(i);
				cells.add(DynamicTest.dynamicTest(role + " × " + (foreign ? "foreign" : "own") + " → " + outcome,
						() -> run(row, role, foreign, outcome)));
			}
		}
		return cells.stream();
	}

	private void run(Row row, String role, boolean foreign, char expected) {
		HttpCaller caller = switch (row.kind) {
			case API -> this.tokens.get(role);
			case BASIC -> this.basics.get(role);
			case PAGE -> this.consoles.get(role);
		};
		Cell cell = new Cell(caller, role, foreign);
		HttpResponse<String> response = row.call.apply(cell);
		int status = response.statusCode();
		String location = response.headers().firstValue("Location").orElse("");
		String actual;
		if (status == 401 || (status == 302 && location.endsWith("/login"))) {
			actual = "U";
		}
		else if (status == 403) {
			actual = "F";
		}
		else if (status == 404) {
			actual = "N";
		}
		else if (status == 400 || status == 409 || status == 412 || status == 428) {
			actual = "I";
		}
		else if (status >= 200 && status < 400 && !location.endsWith("/console/me/password")) {
			actual = "A";
		}
		else {
			actual = "?";
		}
		String body = response.body();
		if (actual.equals("A") && row.kind == Kind.PAGE && status == 302) {
			HttpResponse<String> next = caller.get(location.replaceFirst("^https?://[^/]+", ""));
			body = next.body();
			if (next.statusCode() >= 400 || body.contains("alert alert-danger")) {
				actual = "R";
			}
		}
		assertThat(actual)
			.as("%s %s as %s on the %s object: HTTP %d %s %s", row.method, row.path, role, foreign ? "foreign" : "own",
					status, location, abbreviate(body))
			.isEqualTo(String.valueOf(expected));
		if (actual.equals("A")) {
			for (String marker : row.leaks.get()) {
				assertThat(body).as("foreign object in %s as %s", row.endpoint(), role).doesNotContain(marker);
			}
		}
	}

	private Set<String> servedEndpoints() {
		Collection<RequestMappingHandlerMapping> mappings = this.context
			.getBeansOfType(RequestMappingHandlerMapping.class)
			.values();
		Map<String, List<String>> produces = new LinkedHashMap<>();
		for (RequestMappingHandlerMapping mapping : mappings) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				for (String pattern : info.getPatternValues()) {
					if (EXCLUDED_PREFIXES.stream().anyMatch(pattern::startsWith)) {
						continue;
					}
					for (var method : info.getMethodsCondition().getMethods()) {
						String types = String.join(",",
								info.getProducesCondition().getExpressions().stream().map(Object::toString).toList());
						produces.computeIfAbsent(method + " " + pattern, k -> new ArrayList<>()).add(types);
					}
				}
			}
		}
		Set<String> served = new TreeSet<>();
		produces.forEach((endpoint, types) -> {
			if (types.size() == 1) {
				served.add(endpoint);
			}
			else {
				// one path, several representations: the plain one keeps the bare name
				types.stream()
					.sorted()
					.forEach(t -> served.add(t.isEmpty() || t.contains("json") ? endpoint : endpoint + " [" + t + "]"));
			}
		});
		return served;
	}

	// ------------------------------------------------------------------ rows and cells

	enum Kind {

		/** JSON API with the role's personal access token. */
		API,
		/** JSON API with the role's password (Basic), for what a token may not do. */
		BASIC,
		/** A console or public page in the role's signed-in session. */
		PAGE

	}

	static final class Row {

		final Kind kind;

		final String method;

		final String path;

		final Function<Cell, HttpResponse<String>> call;

		final String own;

		final String foreign;

		java.util.function.Supplier<List<String>> leaks = List::of;

		Row(Kind kind, String method, String path, Function<Cell, HttpResponse<String>> call, String own,
				String foreign) {
			this.kind = kind;
			this.method = method;
			this.path = path;
			this.call = call;
			this.own = own;
			this.foreign = foreign;
		}

		/** Markers of foreign objects that no allowed answer may contain. */
		Row leaks(java.util.function.Supplier<List<String>> markers) {
			this.leaks = markers;
			return this;
		}

		String endpoint() {
			return this.method + " " + this.path;
		}

	}

	static Row api(String method, String path, Function<Cell, HttpResponse<String>> call, String own, String foreign) {
		return new Row(Kind.API, method, path, call, own, foreign);
	}

	static Row basic(String method, String path, Function<Cell, HttpResponse<String>> call, String own,
			String foreign) {
		return new Row(Kind.BASIC, method, path, call, own, foreign);
	}

	static Row page(String method, String path, Function<Cell, HttpResponse<String>> call, String own, String foreign) {
		return new Row(Kind.PAGE, method, path, call, own, foreign);
	}

	/** One cell: who calls, and whether the objects in the request are foreign. */
	final class Cell {

		final HttpCaller caller;

		final String role;

		final boolean foreign;

		Cell(HttpCaller caller, String role, boolean foreign) {
			this.caller = caller;
			this.role = role;
			this.foreign = foreign;
		}

		String district() {
			return this.foreign ? FOREIGN : OWN;
		}

		long station() {
			return this.foreign ? foreignStation : ownStation;
		}

		long photo() {
			return this.foreign ? foreignPhoto : ownPhoto;
		}

		long account() {
			return this.foreign ? foreignAccount : ownAccount;
		}

		/** An organisation with history: own district, or the renamed foreign union. */
		String union() {
			return this.foreign ? foreignUnion : OWN;
		}

		/**
		 * A throwaway union to rename: the foreign one is never renamed if all is well.
		 */
		String renamable() {
			if (this.foreign) {
				return foreignUnion;
			}
			return JsonPath.read(ok(admin.send("POST", "/api/v1/organizations/" + OWN + "/industry-unions",
					"application/json", q("{'name':'矩阵待改名工会" + serial.incrementAndGet() + "'}"), null)), "$.code");
		}

		/**
		 * A station a write may change: the bound station for station masters and
		 * liaisons (so a master's own edits succeed), a fresh one in the own district for
		 * the others (shared with the host by name), the foreign one otherwise.
		 */
		long editable(String status) {
			if (this.foreign) {
				return foreignStation;
			}
			if (this.role.equals("STATION_MASTER") || this.role.equals("LIAISON")) {
				return ownStation;
			}
			return AccessMatrixTests.this.station(OWN, status);
		}

		/**
		 * Like {@link #editable}, for lifecycle steps that need the station in a state.
		 */
		long managed(String status) {
			return editable(status);
		}

		/**
		 * A rating held for review: a fresh one of the own station for each own cell, the
		 * foreign station's one (never reviewed if all is well) otherwise.
		 */
		long heldRating() {
			return this.foreign ? foreignHeldRating
					: new RatingRows(jdbc).at(ownStation).held("STATION_BURST").stars(1).insert();
		}

		/**
		 * A token of the caller's to revoke, or the national admin's for the foreign
		 * cell.
		 */
		long token() {
			if (this.foreign || this.role.equals("anonymous")) {
				return adminToken;
			}
			return spareTokens.get(this.role).pop();
		}

		HttpResponse<String> get(String path) {
			return this.caller.get(path);
		}

		HttpResponse<String> json(String method, String path, String body) {
			return json(method, path, body, null);
		}

		HttpResponse<String> json(String method, String path, String body, Map<String, String> headers) {
			return this.caller.send(method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
		}

		HttpResponse<String> form(String path, Map<String, String> fields) {
			return this.caller.postForm(path, fields);
		}

	}

	// ------------------------------------------------------------------ fixture helpers

	record Created(long id, String username) {
	}

	/** An account made by the national admin, its password then set by its holder. */
	private Created account(String org, String role, String extra) {
		String username = "mx-" + role.toLowerCase().replace('_', '-') + "-" + org + "-"
				+ this.serial.incrementAndGet();
		String created = ok(
				HttpCaller.basic(this.port, "admin", "test-admin-secret")
					.send("POST", "/api/v1/accounts", "application/json",
							q("{'username':'" + username + "','displayName':'矩阵 " + role + "','organization':'" + org
									+ "','roles':['" + role + "']" + extra + "}")
								.getBytes(StandardCharsets.UTF_8),
							null));
		String oneTime = JsonPath.read(created, "$.oneTimePassword");
		ok(HttpCaller.basic(this.port, username, oneTime)
			.send("POST", "/api/v1/me/password", "application/json",
					q("{'currentPassword':'" + oneTime + "','newPassword':'" + PASSWORD + "'}")
						.getBytes(StandardCharsets.UTF_8),
					null));
		return new Created(JsonPath.parse(created).read("$.account.id", Long.class), username);
	}

	/** A station made by the national admin, brought to {@code status}. */
	private long station(String district, String status) {
		long id = JsonPath.parse(ok(this.admin.send("POST", "/api/v1/stations", "application/json",
				stationJson(district).getBytes(StandardCharsets.UTF_8), null)))
			.read("$.id", Long.class);
		if (!status.equals("DRAFT")) {
			ok(this.admin.send("POST", "/api/v1/stations/" + id + "/list", "application/json", new byte[0],
					ifMatch(id)));
		}
		if (status.equals("SUSPENDED")) {
			ok(this.admin.send("POST", "/api/v1/stations/" + id + "/suspend", "application/json",
					q("{'reason':'装修','expectedReopening':'" + LocalDate.now().plusMonths(1) + "'}")
						.getBytes(StandardCharsets.UTF_8),
					ifMatch(id)));
		}
		return id;
	}

	/**
	 * The open silent-station case of a station, opened here when it has none: the check
	 * itself is tested with its clock in {@code SilentStationCheckTests}.
	 */
	private long silentCase(long station) {
		JdbcClient jdbc = this.context.getBean(JdbcClient.class);
		return jdbc.sql("select id from silent_station_case where station_id = :station and status = 'OPEN'")
			.param("station", station)
			.query(Long.class)
			.optional()
			.orElseGet(() -> jdbc.sql("""
					insert into silent_station_case (station_id, first_silent_month, last_silent_month, status,
					  opened_at, version)
					values (:station, date '2026-01-01', date '2026-03-01', 'OPEN', now(), 0) returning id
					""").param("station", station).query(Long.class).single());
	}

	private long addPhoto(long station) {
		String answer = ok(this.admin.postFile("/api/v1/stations/" + station + "/photos", "file", "p.jpg", this.photo,
				ifMatch(station)));
		List<Integer> ids = JsonPath.read(answer, "$.photos[*].id");
		return ids.get(ids.size() - 1);
	}

	private String version(long station) {
		return JsonPath.parse(ok(this.admin.get("/api/v1/stations/" + station)))
			.read("$.version", Long.class)
			.toString();
	}

	private Map<String, String> ifMatch(long station) {
		return Map.of("If-Match", "\"" + version(station) + "\"");
	}

	private String accountVersion(long account) {
		return JsonPath.parse(ok(this.admin.get("/api/v1/accounts/" + account)))
			.read("$.version", Long.class)
			.toString();
	}

	private Map<String, String> accountMatch(long account) {
		return Map.of("If-Match", "\"" + accountVersion(account) + "\"");
	}

	/**
	 * Rating intake (issue 5): a rating of a station through its QR token, from a device
	 * of its own, so that no cell is another's repeat or meets the per-device limit.
	 */
	private String ratingJson(long station) {
		return q("{'token':'" + ratingToken(station) + "','stars':4,'tags':['CLEAN'],'deviceId':'matrix-"
				+ UUID.randomUUID().toString().replace("-", "") + "'}");
	}

	private String ratingToken(long station) {
		return this.context.getBean(StationTokens.class).issue(StationId.of(station));
	}

	private List<String> foreignMarkers() {
		return List.of(this.foreignStationCode, this.foreignUsername);
	}

	private String stationJson(String district) {
		boolean own = district.equals(OWN);
		return q("{'name':'矩阵驿站" + this.serial.incrementAndGet() + "','address':'杭州市矩阵路 1 号','district':'" + district
				+ "','hostName':'" + HOST_NAME + "','hostType':'BANK','location':{'lat':"
				+ (own ? "30.2741" : "30.2425") + ",'lon':" + (own ? "120.1551" : "120.1700")
				+ "},'areaM2':25,'seats':8,'amenities':['DRINKING_WATER','TOILET'],"
				+ "'openingHours':'Mo-Fr 08:00-18:00','phone':'0571-87654321','level':'CITY','stars':3}");
	}

	private Map<String, String> stationForm(String district) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "矩阵驿站" + this.serial.incrementAndGet());
		form.put("address", "杭州市矩阵路 1 号");
		form.put("district", district);
		form.put("hostName", HOST_NAME);
		form.put("hostType", "BANK");
		form.put("lat", district.equals(OWN) ? "30.2741" : "30.2425");
		form.put("lon", district.equals(OWN) ? "120.1551" : "120.1700");
		form.put("openingHours", "Mo-Fr 08:00-18:00");
		form.put("level", "CITY");
		form.put("stars", "3");
		return form;
	}

	private String accountJson(String district) {
		return q("{'username':'mx-new-" + this.serial.incrementAndGet() + "-" + System.nanoTime() % 100000
				+ "','displayName':'矩阵','organization':'" + district + "','roles':['ORG_ADMIN']}");
	}

	private static String tokenJson() {
		return q("{'name':'矩阵','scopes':['READ'],'expiresOn':'" + LocalDate.now().plusDays(10) + "'}");
	}

	private static String q(String singleQuoted) {
		return singleQuoted.replace('\'', '"');
	}

	private static String ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.uri() + " " + abbreviate(response.body())).isBetween(200, 299);
		return response.body();
	}

	private static String abbreviate(String body) {
		return (body == null || body.length() < 400) ? body : body.substring(0, 400) + "…";
	}

	private static byte[] jpeg() throws IOException {
		BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(40, 120, 200));
		g.fillRect(0, 0, 640, 480);
		g.setColor(Color.ORANGE);
		g.fillOval(200, 120, 240, 240);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

}
