package org.yizhan.support.access;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.yizhan.support.HttpCaller;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every module's {@link AccessRows} share: one account per role at 西湖区 (330106),
 * signed in three ways (token, Basic, console session); a listed station with a photo in
 * the own district and in the neighbouring 上城区 (330102); an account and a renamed union
 * there; and the helpers the rows call with. Made by the national admin through the API,
 * once per matrix run.
 */
public final class AccessFixture {

	/** The columns of every expectation: anonymous first, then one account per role. */
	public static final List<String> COLUMNS = List.of("anonymous", "ORG_ADMIN", "REVIEWER", "INSPECTOR", "FINANCE",
			"AUDITOR", "STATION_MASTER", "LIAISON", "HOST", "EVALUATOR");

	public static final String OWN = "330106";

	public static final String FOREIGN = "330102";

	public static final String PASSWORD = "Lanting-Xu-2046!";

	public static final String HOST_NAME = "矩阵测试承建单位";

	// common expectation strings

	public static final String PUBLIC = "AAAAAAAAAA";

	public static final String SIGNED_IN = "UAAAAAAAAA";

	public static final String ADMIN = "UAFFFFFFFF";

	public static final String EDITORS = "UAFFFFAFFF";

	public static final String SUBTREE_READERS = "UAAAAAFFFA";

	public static final String AUDITORS = "UAFFFAFFFF";

	public static final String NOBODY = "UFFFFFFFFF";

	public static final String HIDDEN = "UNNNNNNNNN";

	public static final String ADMIN_HIDDEN = "UNFFFFFFFF";

	public static final String ACCOUNT_READERS = "UAFFFAFFFF";

	public static final String ACCOUNT_READERS_HIDDEN = "UNFFFNFFFF";

	public static final String ADMIN_OR_REFUSED = "UARRRRRRRR";

	public static final String HIDDEN_OR_REFUSED = "UNRRRRRRRR";

	private final int port;

	private final ApplicationContext context;

	private final JdbcClient jdbc;

	/**
	 * Shared by every fixture of the JVM: the access matrix and the menu test make their
	 * accounts in one database, and a username is unique there.
	 */
	private static final AtomicInteger serial = new AtomicInteger();

	private HttpCaller admin;

	private final Map<String, HttpCaller> tokens = new HashMap<>();

	private final Map<String, HttpCaller> basics = new HashMap<>();

	private final Map<String, HttpCaller> consoles = new HashMap<>();

	/** Tokens each account made beforehand, for the revoke cells to revoke. */
	private final Map<String, Deque<Long>> spareTokens = new HashMap<>();

	/** Each role's account, by role. */
	private final Map<String, Long> roleAccounts = new HashMap<>();

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

	private byte[] photo;

	public AccessFixture(int port, ApplicationContext context) {
		this.port = port;
		this.context = context;
		this.jdbc = context.getBean(JdbcClient.class);
	}

	/** Makes the shared objects and signs every role in. */
	public AccessFixture setUp() {
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
		this.ownPhoto = addPhoto(this.ownStation);
		this.foreignPhoto = addPhoto(this.foreignStation);
		// a bound role: every admin may manage it (an account with a role the admin does
		// not hold may not be acted on: AccountRoleReachTests)
		this.ownAccount = account(OWN, "HOST", ",'hostName':'" + HOST_NAME + "'").id();
		Created foreign = account(FOREIGN, "REVIEWER", "");
		this.foreignAccount = foreign.id();
		this.foreignUsername = foreign.username();
		this.foreignUnion = JsonPath
			.read(ok(this.admin.send("POST", "/api/v1/organizations/" + FOREIGN + "/industry-unions",
					"application/json", q("{'name':'矩阵外区产业工会" + serial() + "'}"), null)), "$.code");
		ok(this.admin.send("PATCH", "/api/v1/organizations/" + this.foreignUnion, "application/json",
				q("{'name':'矩阵外区改名历史工会" + serial() + "'}"), null));
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
			this.roleAccounts.put(role, account.id());
			HttpCaller basic = HttpCaller.basic(this.port, account.username(), PASSWORD);
			String token = JsonPath.read(ok(basic.send("POST", "/api/v1/me/tokens", "application/json",
					q("{'name':'matrix','scopes':['READ','WRITE'],'expiresOn':'" + LocalDate.now().plusDays(30) + "'}"),
					null)), "$.value");
			this.tokens.put(role, HttpCaller.bearer(this.port, token));
			Deque<Long> spare = new ArrayDeque<>();
			for (int i = 0; i < 2; i++) {
				spare.add(JsonPath
					.parse(ok(basic.send("POST", "/api/v1/me/tokens", "application/json", tokenJson(), null)))
					.read("$.token.id", Long.class));
			}
			this.spareTokens.put(role, spare);
			this.basics.put(role, basic);
			this.consoles.put(role, HttpCaller.console(this.port, account.username(), PASSWORD));
		}
		return this;
	}

	/** The cell of a row for a role, with the caller its kind signs in as. */
	public Cell cell(AccessRow.Kind kind, String role, boolean foreign) {
		HttpCaller caller = switch (kind) {
			case API -> this.tokens.get(role);
			case BASIC -> this.basics.get(role);
			case PAGE -> this.consoles.get(role);
		};
		return new Cell(this, caller, role, foreign);
	}

	// ------------------------------------------------------------------ the objects

	public ApplicationContext context() {
		return this.context;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public JdbcClient jdbc() {
		return this.jdbc;
	}

	/** The national admin, with a READ and WRITE token. */
	public HttpCaller admin() {
		return this.admin;
	}

	/** A role's caller signed in with its password (Basic). */
	public HttpCaller basic(String role) {
		return this.basics.get(role);
	}

	/** A role's console session, signed in with its password. */
	public HttpCaller console(String role) {
		return this.consoles.get(role);
	}

	/** Each role's account id, by role. */
	public Map<String, Long> roleAccounts() {
		return this.roleAccounts;
	}

	public long ownStation() {
		return this.ownStation;
	}

	public long foreignStation() {
		return this.foreignStation;
	}

	public String foreignStationCode() {
		return this.foreignStationCode;
	}

	public long ownPhoto() {
		return this.ownPhoto;
	}

	public long foreignPhoto() {
		return this.foreignPhoto;
	}

	public long ownAccount() {
		return this.ownAccount;
	}

	public long foreignAccount() {
		return this.foreignAccount;
	}

	public String foreignUsername() {
		return this.foreignUsername;
	}

	public String foreignUnion() {
		return this.foreignUnion;
	}

	public long adminToken() {
		return this.adminToken;
	}

	long spareToken(String role) {
		return this.spareTokens.get(role).pop();
	}

	/** A small JPEG, for photo uploads. */
	public byte[] photo() {
		return this.photo;
	}

	/** A number no other call of this run got. */
	public int serial() {
		return serial.incrementAndGet();
	}

	/** The foreign station's code and the foreign account's username. */
	public List<String> foreignMarkers() {
		return List.of(this.foreignStationCode, this.foreignUsername);
	}

	// ------------------------------------------------------------------ fixture helpers

	public record Created(long id, String username) {
	}

	/** An account made by the national admin, its password then set by its holder. */
	public Created account(String org, String role, String extra) {
		String username = "mx-" + role.toLowerCase().replace('_', '-') + "-" + org + "-" + serial();
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
	public long station(String district, String status) {
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

	/** A new industry union of the own district, named with {@code prefix}. */
	public String industryUnion(String prefix) {
		return JsonPath.read(ok(this.admin.send("POST", "/api/v1/organizations/" + OWN + "/industry-unions",
				"application/json", q("{'name':'" + prefix + serial() + "'}"), null)), "$.code");
	}

	public long addPhoto(long station) {
		String answer = ok(this.admin.postFile("/api/v1/stations/" + station + "/photos", "file", "p.jpg", this.photo,
				ifMatch(station)));
		List<Integer> ids = JsonPath.read(answer, "$.photos[*].id");
		return ids.get(ids.size() - 1);
	}

	public String version(long station) {
		return JsonPath.parse(ok(this.admin.get("/api/v1/stations/" + station)))
			.read("$.version", Long.class)
			.toString();
	}

	public Map<String, String> ifMatch(long station) {
		return Map.of("If-Match", "\"" + version(station) + "\"");
	}

	public String accountVersion(long account) {
		return JsonPath.parse(ok(this.admin.get("/api/v1/accounts/" + account)))
			.read("$.version", Long.class)
			.toString();
	}

	public Map<String, String> accountMatch(long account) {
		return Map.of("If-Match", "\"" + accountVersion(account) + "\"");
	}

	public String stationJson(String district) {
		boolean own = district.equals(OWN);
		return q("{'name':'矩阵驿站" + serial() + "','address':'杭州市矩阵路 1 号','district':'" + district + "','hostName':'"
				+ HOST_NAME + "','hostType':'BANK','location':{'lat':" + (own ? "30.2741" : "30.2425") + ",'lon':"
				+ (own ? "120.1551" : "120.1700") + "},'areaM2':25,'seats':8,'amenities':['DRINKING_WATER','TOILET'],"
				+ "'openingHours':'Mo-Fr 08:00-18:00','phone':'0571-87654321','level':'CITY','stars':3}");
	}

	public Map<String, String> stationForm(String district) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", "矩阵驿站" + serial());
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

	public String accountJson(String district) {
		return q("{'username':'mx-new-" + serial() + "-" + System.nanoTime() % 100000
				+ "','displayName':'矩阵','organization':'" + district + "','roles':['ORG_ADMIN']}");
	}

	public static String tokenJson() {
		return q("{'name':'矩阵','scopes':['READ'],'expiresOn':'" + LocalDate.now().plusDays(10) + "'}");
	}

	/** JSON written with single quotes, for readability in Java strings. */
	public static String q(String singleQuoted) {
		return singleQuoted.replace('\'', '"');
	}

	/** The body of a 2xx answer; anything else fails the fixture. */
	public static String ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.uri() + " " + abbreviate(response.body())).isBetween(200, 299);
		return response.body();
	}

	public static String abbreviate(String body) {
		return (body == null || body.length() < 400) ? body : body.substring(0, 400) + "…";
	}

	private static byte[] jpeg() {
		BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(40, 120, 200));
		g.fillRect(0, 0, 640, 480);
		g.setColor(Color.ORANGE);
		g.fillOval(200, 120, 240, 240);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
