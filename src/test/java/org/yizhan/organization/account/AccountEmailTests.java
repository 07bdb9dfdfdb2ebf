package org.yizhan.organization.account;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.yizhan.support.HttpCaller;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mail address notifications go to: validated, sealed at rest, masked wherever it
 * is shown, set by an admin of the account's subtree or by its holder, and every change
 * audited without the address itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountEmailTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminSetsTheAddressWhichIsStoredSealedAndShownMasked() {
		HttpCaller admin = HttpCaller.basic(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		String username = "em-" + UUID.randomUUID().toString().substring(0, 8);
		String created = HttpCaller.ok(admin.sendJson("POST", "/api/v1/accounts",
				"{\"username\":\"" + username + "\",\"displayName\":\"邮箱测试\",\"organization\":\"330106\","
						+ "\"roles\":[\"REVIEWER\"],\"email\":\"zhangsan.xihu@example.com\"}"));
		long id = JsonPath.parse(created).read("$.account.id", Long.class);
		assertThat(JsonPath.<String>read(created, "$.account.email")).isEqualTo("z***@example.com");
		String sealed = jdbc.sql("select email_sealed from account where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(sealed).startsWith("v1.").doesNotContain("zhangsan", "example");
		String revealed = HttpCaller.ok(admin.get("/api/v1/accounts/" + id + "/personal-data"));
		assertThat(JsonPath.<String>read(revealed, "$.email")).isEqualTo("zhangsan.xihu@example.com");

		String patched = HttpCaller.ok(admin.sendJson("PATCH", "/api/v1/accounts/" + id,
				"{\"email\":\"li@163.com\",\"version\":" + JsonPath.read(created, "$.account.version") + "}"));
		assertThat(JsonPath.<String>read(patched, "$.email")).isEqualTo("***@163.com");
		assertThat(jdbc.sql("select after_summary from audit_entry where target_id = :id and action = 'account.update'")
			.param("id", String.valueOf(id))
			.query(String.class)
			.single()).contains("email=set").doesNotContain("163.com");
	}

	@Test
	void aMalformedAddressIsRefusedWithALocalisedReasonAndNothingIsStored() {
		HttpCaller admin = HttpCaller.basic(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		String username = "em-" + UUID.randomUUID().toString().substring(0, 8);
		for (String bad : new String[] { "zhangsan", "zhangsan@example", "张三@example.com", "a b@example.com",
				"x".repeat(250) + "@example.com" }) {
			HttpResponse<String> refused = admin.sendJson("POST", "/api/v1/accounts",
					"{\"username\":\"" + username + "\",\"displayName\":\"邮箱测试\",\"organization\":\"330106\","
							+ "\"roles\":[\"REVIEWER\"],\"email\":\"" + bad + "\"}");
			assertThat(refused.statusCode()).as(bad).isEqualTo(400);
			assertThat(JsonPath.<String>read(refused.body(), "$.errors[0].field")).isEqualTo("email");
			assertThat(refused.body()).contains("电子邮箱");
		}
		assertThat(jdbc.sql("select count(*) from account where username = :u")
			.param("u", username)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theHolderSetsAndRemovesTheirOwnAddressOnTheirOwnPageAndOverTheApi() {
		String username = holder();
		HttpCaller me = HttpCaller.basic(port, username, TestAccounts.PASSWORD);

		String set = HttpCaller.ok(me.sendJson("PUT", "/api/v1/me/email", "{\"email\":\"wangwu@example.org\"}"));
		assertThat(JsonPath.<String>read(set, "$.email")).isEqualTo("w***@example.org");
		assertThat(JsonPath.<String>read(HttpCaller.ok(me.get("/api/v1/me")), "$.email")).isEqualTo("w***@example.org");
		HttpResponse<String> bad = me.sendJson("PUT", "/api/v1/me/email", "{\"email\":\"wangwu@\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(bad.body(), "$.errors[0].message")).startsWith("邮箱地址格式不正确");

		HttpCaller console = HttpCaller.console(port, username, TestAccounts.PASSWORD);
		assertThat(console.get("/console/me/email").body()).contains("w***@example.org").doesNotContain("wangwu@");
		HttpResponse<String> refused = console.postForm("/console/me/email", Map.of("email", "not an address"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("邮箱地址格式不正确");
		HttpResponse<String> removed = console.postForm("/console/me/email", Map.of("email", ""));
		assertThat(removed.statusCode()).isEqualTo(302);
		assertThat(console.get("/console/me/email").body()).contains("通知邮箱已删除", "未设置");
		assertThat(jdbc.sql("select email_sealed is null from account where username = :u")
			.param("u", username)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'account.change-email' and username = :u")
			.param("u", username)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	/** A new account with its own password; its username. */
	private String holder() {
		HttpCaller admin = HttpCaller.basic(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		String username = "em-" + UUID.randomUUID().toString().substring(0, 8);
		String created = HttpCaller.ok(admin.sendJson("POST", "/api/v1/accounts", "{\"username\":\"" + username
				+ "\",\"displayName\":\"邮箱本人\",\"organization\":\"330106\",\"roles\":[\"REVIEWER\"]}"));
		String oneTime = JsonPath.read(created, "$.oneTimePassword");
		assertThat(HttpCaller.basic(port, username, oneTime)
			.sendJson("POST", "/api/v1/me/password",
					"{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"" + TestAccounts.PASSWORD + "\"}")
			.statusCode()).isEqualTo(204);
		return username;
	}

}
