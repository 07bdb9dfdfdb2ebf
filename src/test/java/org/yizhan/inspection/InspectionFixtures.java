package org.yizhan.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.TestAccounts;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the inspection tests share: accounts and stations made through the API, the
 * national standard 六有 to inspect against, campaigns, and the phone's multipart
 * submission (the JSON part {@code inspection} and the photos).
 */
final class InspectionFixtures {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final AtomicInteger serial = new AtomicInteger();

	private final int port;

	private final JdbcClient jdbc;

	final HttpCaller admin;

	InspectionFixtures(int port, JdbcClient jdbc) {
		this.port = port;
		this.jdbc = jdbc;
		this.admin = HttpCaller.basic(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
	}

	record Account(long id, String username, HttpCaller api) {
	}

	/**
	 * An account made by the national admin, its own password set, signed in with Basic.
	 */
	Account account(String org, String role, String extra) {
		String username = "insp-" + role.toLowerCase().replace('_', '-') + "-" + serial.incrementAndGet() + "-"
				+ UUID.randomUUID().toString().substring(0, 6);
		String created = HttpCaller
			.ok(this.admin.postJson("/api/v1/accounts", q("{'username':'" + username + "','displayName':'检查测试 " + role
					+ "','organization':'" + org + "','roles':['" + role + "']" + extra + "}")));
		String oneTime = JsonPath.read(created, "$.oneTimePassword");
		HttpCaller.ok(HttpCaller.basic(this.port, username, oneTime)
			.postJson("/api/v1/me/password",
					q("{'currentPassword':'" + oneTime + "','newPassword':'" + TestAccounts.PASSWORD + "'}")));
		return new Account(JsonPath.parse(created).read("$.account.id", Long.class), username,
				HttpCaller.basic(this.port, username, TestAccounts.PASSWORD));
	}

	HttpCaller console(Account account) {
		return HttpCaller.console(this.port, account.username(), TestAccounts.PASSWORD);
	}

	/** A listed station made by the national admin at (lat, lon) WGS-84. */
	long station(String district, double lat, double lon) {
		String json = q("{'name':'检查测试驿站" + serial.incrementAndGet() + "','address':'测试路 " + serial.get()
				+ " 号','district':'" + district + "','hostName':'检查测试承建单位','hostType':'BANK','location':{'lat':" + lat
				+ ",'lon':" + lon + "},'areaM2':20,'seats':6,'amenities':['DRINKING_WATER'],"
				+ "'openingHours':'24/7','level':'CITY','stars':3}");
		long id = JsonPath.parse(HttpCaller.ok(this.admin.postJson("/api/v1/stations", json))).read("$.id", Long.class);
		String version = JsonPath.parse(HttpCaller.ok(this.admin.get("/api/v1/stations/" + id)))
			.read("$.version", Long.class)
			.toString();
		HttpCaller.ok(this.admin.send("POST", "/api/v1/stations/" + id + "/list", "application/json", new byte[0],
				java.util.Map.of("If-Match", "\"" + version + "\"")));
		return id;
	}

	/** The national standard 六有 (seeded, assigned to no union). */
	long liuYou() {
		return this.jdbc.sql("select id from checklist where owner_code = '100000' order by id limit 1")
			.query(Long.class)
			.single();
	}

	static LocalDate today() {
		return LocalDate.now(BEIJING);
	}

	static String now() {
		return OffsetDateTime.now(BEIJING).withNano(0).toString();
	}

	/** A campaign's JSON: 六有 over {@code union}, from today for 30 days. */
	String campaignJson(String union, String name, boolean mystery, Integer percent, Long seed, List<Long> assignees,
			String extra) {
		return q("{'union':'" + union + "','kind':'SPOT_CHECK','name':'" + name + "','mystery':" + mystery
				+ ",'checklistId':" + liuYou() + (percent == null ? "" : ",'samplePercent':" + percent)
				+ (seed == null ? "" : ",'seed':" + seed) + ",'startsOn':'" + today() + "','endsOn':'"
				+ today().plusDays(30) + "','assignees':" + assignees + extra + "}");
	}

	long campaign(String union, String name, boolean mystery, Integer percent, List<Long> assignees) {
		return JsonPath.parse(HttpCaller.ok(this.admin.postJson("/api/v1/inspection-campaigns",
				campaignJson(union, name, mystery, percent, null, assignees, ""))))
			.read("$.id", Long.class);
	}

	/** The codes of the campaign's items, in order. */
	List<String> items(long campaign) {
		return JsonPath.read(HttpCaller.ok(this.admin.get("/api/v1/inspection-campaigns/" + campaign)),
				"$.items[*].code");
	}

	/** A photo part. */
	record Photo(byte[] bytes, String contentType) {
	}

	/**
	 * Sends the phone's multipart submission.
	 * @param json the {@code inspection} part, written with single quotes
	 */
	static HttpResponse<String> submit(HttpCaller caller, String json, List<Photo> photos) {
		String boundary = "inspection" + System.nanoTime();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"inspection\"\r\n"
					+ "Content-Type: application/json\r\n\r\n" + q(json) + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
			for (int i = 0; i < photos.size(); i++) {
				out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"p" + i
						+ ".jpg\"\r\nContent-Type: " + photos.get(i).contentType() + "\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				out.write(photos.get(i).bytes());
				out.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return caller.send("POST", "/api/v1/inspections", "multipart/form-data; boundary=" + boundary,
				out.toByteArray(), null);
	}

	/**
	 * The {@code inspection} part: every item passed but {@code failed}, which failed
	 * with photo 0.
	 */
	static String inspectionJson(String clientId, long campaign, long station, List<String> items, String failed,
			String position, String note) {
		StringBuilder answers = new StringBuilder();
		for (String item : items) {
			if (answers.length() > 0) {
				answers.append(',');
			}
			answers.append(item.equals(failed) ? "{'code':'" + item + "','result':'FAIL','note':'标识褪色','photo':0}"
					: "{'code':'" + item + "','result':'PASS'}");
		}
		return "{'clientId':'" + clientId + "','campaignId':" + campaign + ",'stationId':" + station
				+ ",'inspectedAt':'" + now() + "'" + (position == null ? "" : "," + position)
				+ (note == null ? "" : ",'note':'" + note + "'") + ",'answers':[" + answers + "]}";
	}

	static String q(String singleQuoted) {
		return singleQuoted.replace('\'', '"');
	}

}
