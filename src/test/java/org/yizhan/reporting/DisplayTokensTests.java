package org.yizhan.reporting;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.yizhan.support.HttpCaller;
import org.yizhan.support.TestAccounts;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A display token, made by a union admin on the console, opens its union's display page
 * and its figures, and nothing else: not the console, not the API, not another union's
 * display; it is kept only as a digest, and once revoked it opens nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisplayTokensTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDisplayTokenReadsItsUnionsDisplayAndNothingElseUntilItIsRevoked() {
		HttpCaller admin = HttpCaller.console(this.port, "hangzhou-admin", TestAccounts.DEMO_PASSWORD);
		HttpResponse<String> created = admin.postForm("/console/dashboard/displays",
				Map.of("org", "330100", "label", "指挥中心大屏"));
		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
		String secret = created.body().replaceAll("(?s).*/display/(yzd_[A-Za-z0-9_-]{43}).*", "$1");
		assertThat(secret).startsWith(DisplayTokens.PREFIX).hasSize(47);
		long id = this.jdbc.sql("select id from reporting_display_token where token_hash = :hash")
			.param("hash", DisplayTokens.hash(secret))
			.query(Long.class)
			.single();
		assertThat(
				this.jdbc.sql("select count(*) from reporting_display_token where encode(token_hash, 'escape') like :s")
					.param("s", "%" + secret + "%")
					.query(Long.class)
					.single())
			.as("only the digest is kept")
			.isZero();
		// the list names it, never its secret
		HttpResponse<String> list = admin.get("/console/dashboard/displays?org=330100");
		assertThat(list.body()).contains("指挥中心大屏").doesNotContain(secret);

		HttpCaller screen = HttpCaller.anonymous(this.port);
		HttpResponse<String> display = screen.get("/display/" + secret);
		assertThat(display.statusCode()).isEqualTo(200);
		assertThat(display.body()).contains("杭州市总工会").contains("id=\"kpi-stations\"").contains("hx-trigger");
		assertThat(display.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(screen.get("/display/" + secret + "/figures").statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("select last_used_at is not null from reporting_display_token where id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single()).isTrue();

		// nothing else: the API with it as a bearer token, the console with it anywhere
		HttpCaller bearer = HttpCaller.bearer(this.port, secret);
		assertThat(bearer.get("/api/v1/stations").statusCode()).isEqualTo(401);
		assertThat(bearer.get("/api/v1/figures?org=330100").statusCode()).isEqualTo(401);
		assertThat(bearer.get("/console/dashboard?org=330100").headers().firstValue("Location").orElse(""))
			.endsWith("/login");
		assertThat(
				screen.get("/console/dashboard?org=330100&token=" + secret).headers().firstValue("Location").orElse(""))
			.endsWith("/login");
		assertThat(screen.get("/console/dashboard/export?org=330100&token=" + secret)
			.headers()
			.firstValue("Location")
			.orElse("")).endsWith("/login");
		assertThat(HttpCaller.basic(this.port, "display", secret).get("/api/v1/stations").statusCode()).isEqualTo(401);
		// nor a display with a token that was made up, or cut short
		assertThat(screen.get("/display/" + DisplayTokens.PREFIX + "A".repeat(43)).statusCode()).isEqualTo(404);
		assertThat(screen.get("/display/" + secret.substring(0, 20)).statusCode()).isEqualTo(404);

		// another union's admin neither sees nor revokes it
		HttpCaller xihu = HttpCaller.console(this.port, "xihu-admin", TestAccounts.DEMO_PASSWORD);
		assertThat(xihu.get("/console/dashboard/displays?org=330100").statusCode()).isEqualTo(404);
		assertThat(xihu.postForm("/console/dashboard/displays/" + id + "/revoke", Map.of("org", "330106")).statusCode())
			.isEqualTo(404);
		assertThat(screen.get("/display/" + secret).statusCode()).isEqualTo(200);

		HttpResponse<String> revoked = admin.postForm("/console/dashboard/displays/" + id + "/revoke",
				Map.of("org", "330100"));
		assertThat(revoked.statusCode()).isEqualTo(302);
		assertThat(screen.get("/display/" + secret).statusCode()).isEqualTo(404);
		assertThat(screen.get("/display/" + secret + "/figures").statusCode()).isEqualTo(404);
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where action like 'reporting.display.%' and target_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aDisplayTokenNeedsALabelAndOnlyAUnionAdminMakesOne() {
		HttpCaller admin = HttpCaller.console(this.port, "hangzhou-admin", TestAccounts.DEMO_PASSWORD);
		HttpResponse<String> blank = admin.postForm("/console/dashboard/displays",
				Map.of("org", "330100", "label", " "));
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(blank.body()).contains("名称").contains("不能为空");
		HttpResponse<String> reviewer = HttpCaller.console(this.port, "hangzhou-reviewer", TestAccounts.DEMO_PASSWORD)
			.postForm("/console/dashboard/displays", Map.of("org", "330100", "label", "审核员的大屏"));
		assertThat(reviewer.statusCode()).isEqualTo(403);
	}

}
