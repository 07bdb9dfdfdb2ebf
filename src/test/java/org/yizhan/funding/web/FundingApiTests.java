package org.yizhan.funding.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.yizhan.funding.PaymentRuns;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funding API and console as finance staff of 太原市 use them: bad amounts refused by
 * field, a run over the budget refused with what is left, the preparer refused as
 * approver by name, a second person paying, the bank's sheet with a payee whose name
 * looks like a formula neutralised, and the supervision page flagging money paid to a
 * station delisted afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FundingApiTests {

	/** 娄烦县: no other test pays there. */
	static final String LOUFAN = "140123";

	/** 大同市云冈区: the corrections' test, alone there. */
	static final String YUNGANG = "140214";

	@LocalServerPort
	int port;

	@Autowired
	StationRegistry registry;

	@Autowired
	PaymentRuns runs;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void financeStaffRunApproveExportAndSuperviseThroughTheApi() throws Exception {
		String maker = account("140100");
		String checker = account("140100");
		HttpCaller makerApi = HttpCaller.basic(port, maker, TestAccounts.PASSWORD);
		HttpCaller checkerApi = HttpCaller.basic(port, checker, TestAccounts.PASSWORD);
		Station first = station("娄烦资金测试驿站一");
		Station second = station("娄烦资金测试驿站二");
		jdbc.sql("update station set host_name = :name where id = :id")
			.param("name", "=HYPERLINK(\"http://x\",\"领款\")")
			.param("id", second.id().value())
			.update();

		HttpResponse<String> bad = makerApi.postJson("/api/v1/funding/rules",
				"{\"union\":\"" + LOUFAN + "\",\"kind\":\"UPKEEP\",\"name\":\"娄烦运维\",\"year\":\"2017\","
						+ "\"amount\":\"200.005\",\"budget\":\"abc\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<List<String>>read(bad.body(), "$.errors[*].field")).containsExactly("amount", "budget");
		HttpResponse<String> negative = makerApi.postJson("/api/v1/funding/rules", "{\"union\":\"" + LOUFAN
				+ "\",\"kind\":\"UPKEEP\",\"name\":\"娄烦运维\",\"year\":2017," + "\"amount\":-200,\"budget\":\"200\"}");
		assertThat(negative.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(negative.body(), "$.errors[0].code")).isEqualTo("funding.amount.negative");

		long rule = JsonPath.parse(HttpCaller.ok(makerApi.postJson("/api/v1/funding/rules",
				"{\"union\":\"" + LOUFAN + "\",\"kind\":\"UPKEEP\",\"name\":\"娄烦运维\",\"year\":\"2017\","
						+ "\"amount\":\"200\",\"budget\":\"200\"}")))
			.read("$.id", Long.class);
		HttpResponse<String> overBudget = makerApi.postJson("/api/v1/funding/rules/" + rule + "/runs",
				"{\"month\":\"2017-05\"}");
		assertThat(overBudget.statusCode()).isEqualTo(409);
		assertThat(overBudget.body()).contains("400.00").contains("200.00");
		HttpResponse<String> future = makerApi.postJson("/api/v1/funding/rules/" + rule + "/runs",
				"{\"month\":\"" + LocalDate.now(YizhanTime.ZONE).plusMonths(1).toString().substring(0, 7) + "\"}");
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(future.body(), "$.errors[0].field")).isEqualTo("month");
		HttpCaller.ok(makerApi.sendJson("PUT", "/api/v1/funding/rules/" + rule + "/budget", "{\"budget\":\"2400\"}"));

		HttpResponse<String> run = makerApi.postJson("/api/v1/funding/rules/" + rule + "/runs",
				"{\"month\":\"2017-05\"}");
		assertThat(run.statusCode()).isEqualTo(201);
		long batch = JsonPath.parse(run.body()).read("$.batch.id", Long.class);
		HttpResponse<String> again = makerApi.postJson("/api/v1/funding/rules/" + rule + "/runs",
				"{\"month\":\"2017-05\"}");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(again.body(), "$.batch.id")).isEqualTo((int) batch);

		HttpResponse<String> ownApproval = makerApi.postJson("/api/v1/funding/batches/" + batch + "/approvals", "");
		assertThat(ownApproval.statusCode()).isEqualTo(403);
		assertThat(ownApproval.body()).contains(maker);
		DocumentContext paid = JsonPath
			.parse(HttpCaller.ok(checkerApi.postJson("/api/v1/funding/batches/" + batch + "/approvals", "")));
		assertThat(paid.read("$.status", String.class)).isEqualTo("PAID");
		assertThat(paid.read("$.totalFen", Long.class)).isEqualTo(40_000L);
		assertThat(paid.read("$.totalYuan", String.class)).isEqualTo("400.00");
		DocumentContext detail = JsonPath.parse(HttpCaller.ok(checkerApi.get("/api/v1/funding/batches/" + batch)));
		assertThat(detail.read("$.ledger[*].amountFen", List.class)).containsExactly(20_000, 20_000);

		// the bank's sheet: one row per line, the formula-looking payee shown, not run
		signIn(checker);
		ByteArrayOutputStream sheet = new ByteArrayOutputStream();
		runs.export(batch, sheet);
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(sheet.toByteArray()))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(3);
			assertThat(rows.stream().skip(1).map(row -> row.getCellText(1)))
				.contains("'=HYPERLINK(\"http://x\",\"领款\")");
			assertThat(rows.get(1).getCellText(6)).isEqualTo("200.00");
		}

		// delisted after it was paid: flagged on the supervision page
		jdbc.sql("update station set status = 'DELISTED', status_changed_at = now() where id = :id")
			.param("id", first.id().value())
			.update();
		DocumentContext report = JsonPath
			.parse(HttpCaller.ok(checkerApi.get("/api/v1/funding/supervision?union=" + LOUFAN + "&year=2017")));
		assertThat(report.read("$.budgetFen", Long.class)).isEqualTo(240_000L);
		assertThat(report.read("$.paidFen", Long.class)).isEqualTo(40_000L);
		assertThat(report.read("$.flagged[*].code", List.class)).containsExactly(first.code().toString());
		assertThat(report.read("$.flagged[0].flag", String.class)).isEqualTo("DELISTED_AFTER_PAYMENT");
		assertThat(report.read("$.stations[*].paidFen", List.class)).containsExactly(20_000, 20_000);

		HttpCaller console = HttpCaller.console(port, checker, TestAccounts.PASSWORD);
		HttpResponse<String> page = console.get("/console/funding?union=" + LOUFAN + "&year=2017");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("娄烦运维").contains("发放后已摘牌");
		HttpResponse<String> batchPage = console.get("/console/funding/batches/" + batch);
		assertThat(batchPage.statusCode()).isEqualTo(200);
		assertThat(batchPage.body()).contains("已发放").doesNotContain("id=\"batch-approve\"");
		assertThat(HttpCaller.anonymous(port).get("/api/v1/funding/rules").statusCode()).isEqualTo(401);
	}

	@Test
	void theConsoleChangesABudgetAndCorrectsAPaymentUnderMakerChecker() {
		String maker = account("140200");
		String checker = account("140200");
		HttpCaller makerApi = HttpCaller.basic(port, maker, TestAccounts.PASSWORD);
		HttpCaller checkerApi = HttpCaller.basic(port, checker, TestAccounts.PASSWORD);
		station("云冈冲正测试驿站", YUNGANG, 40.02, 113.15);
		long rule = JsonPath.parse(HttpCaller.ok(makerApi.postJson("/api/v1/funding/rules",
				"{\"union\":\"" + YUNGANG + "\",\"kind\":\"UPKEEP\",\"name\":\"云冈冲正\",\"year\":\"2016\","
						+ "\"amount\":\"200\",\"budget\":\"200\"}")))
			.read("$.id", Long.class);
		HttpCaller makerConsole = HttpCaller.console(port, maker, TestAccounts.PASSWORD);
		HttpCaller checkerConsole = HttpCaller.console(port, checker, TestAccounts.PASSWORD);

		HttpResponse<String> badBudget = makerConsole.postForm("/console/funding/rules/" + rule,
				Map.of("action", "budget", "budget", "3000.001"));
		assertThat(badBudget.statusCode()).isEqualTo(400);
		assertThat(badBudget.body()).contains("年度预算（元）");
		assertThat(makerConsole.postForm("/console/funding/rules/" + rule, Map.of("action", "budget", "budget", "3000"))
			.statusCode()).isEqualTo(302);
		assertThat(JsonPath.<Integer>read(HttpCaller.ok(makerApi.get("/api/v1/funding/rules/" + rule)), "$.budgetFen"))
			.isEqualTo(300_000);

		long batch = JsonPath
			.parse(HttpCaller
				.ok(makerApi.postJson("/api/v1/funding/rules/" + rule + "/runs", "{\"month\":\"2016-12\"}")))
			.read("$.batch.id", Long.class);
		HttpCaller.ok(checkerApi.postJson("/api/v1/funding/batches/" + batch + "/approvals", ""));
		List<Integer> entries = JsonPath.read(HttpCaller.ok(checkerApi.get("/api/v1/funding/batches/" + batch)),
				"$.ledger[*].id");
		String entry = String.valueOf(entries.get(0));

		HttpResponse<String> noReason = makerConsole.postForm("/console/funding/batches/" + batch,
				Map.of("action", "reverse", "entry", entry, "reason", " "));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("原因");
		assertThat(makerConsole
			.postForm("/console/funding/batches/" + batch,
					Map.of("action", "reverse", "entry", entry, "reason", "重复发放"))
			.statusCode()).isEqualTo(302);
		String reversal = String.valueOf(jdbc.sql("select id from funding_reversal where entry_id = :e")
			.param("e", entries.get(0))
			.query(Long.class)
			.single());
		assertThat(HttpCaller.ok(makerApi.get("/api/v1/funding/batches/" + batch)))
			.as("nothing in the ledger before the approval")
			.doesNotContain("REVERSAL");
		HttpResponse<String> own = makerConsole.postForm("/console/funding/batches/" + batch,
				Map.of("action", "approveReversal", "reversal", reversal));
		assertThat(own.statusCode()).isEqualTo(403);
		assertThat(checkerConsole.get("/console/funding/batches/" + batch).body()).contains("reversal-approve");
		assertThat(checkerConsole
			.postForm("/console/funding/batches/" + batch, Map.of("action", "approveReversal", "reversal", reversal))
			.statusCode()).isEqualTo(302);
		assertThat(JsonPath.<List<Integer>>read(HttpCaller.ok(checkerApi.get("/api/v1/funding/batches/" + batch)),
				"$.ledger[?(@.kind == 'REVERSAL')].amountFen"))
			.containsExactly(-20_000);
		HttpResponse<String> again = checkerApi.postJson("/api/v1/funding/ledger/" + entry + "/reversals",
				"{\"reason\":\"再次\"}");
		assertThat(again.statusCode()).isEqualTo(409);
	}

	private Station station(String name) {
		return station(name, LOUFAN, 38.07, 111.79);
	}

	private Station station(String name, String district, double lat, double lon) {
		ActingAsNationalAdmin.signIn();
		Station station = TestStations.listed(registry, name, "测试路 1 号", district, lat, lon);
		jdbc.sql("insert into funding_station_status (station_id, since, status) values (:id, :since, 'LISTED')")
			.param("id", station.id().value())
			.param("since",
					java.sql.Timestamp.from(LocalDate.of(2016, 12, 1).atStartOfDay(YizhanTime.ZONE).toInstant()))
			.update();
		return station;
	}

	private void signIn(String username) {
		Actor actor = new Actor(0, username, "140100", "100000/140000/140100", Set.of(Role.FINANCE));
		Actor.Principal principal = () -> actor;
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(principal, null));
	}

	/** A FINANCE account of the union, with its password set. */
	private String account(String union) {
		String username = "fin-" + UUID.randomUUID().toString().substring(0, 8);
		HttpCaller admin = HttpCaller.basic(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		String created = HttpCaller.ok(admin.postJson("/api/v1/accounts", "{\"username\":\"" + username
				+ "\",\"displayName\":\"财务测试\",\"organization\":\"" + union + "\",\"roles\":[\"FINANCE\"]}"));
		String oneTime = JsonPath.read(created, "$.oneTimePassword");
		HttpResponse<String> changed = HttpCaller.basic(port, username, oneTime)
			.postJson("/api/v1/me/password",
					JsonPath.parse(Map.of("currentPassword", oneTime, "newPassword", TestAccounts.PASSWORD))
						.jsonString());
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
		return username;
	}

}
