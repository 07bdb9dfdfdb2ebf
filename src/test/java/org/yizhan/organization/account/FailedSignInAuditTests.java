package org.yizhan.organization.account;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Refused sign-ins leave audit entries: a wrong password under the account's union, a
 * name that is no account under the national federation, a bad token without its value.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FailedSignInAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void wrongPasswordUnknownUserAndBadTokenAreAudited() throws Exception {
		assertThat(status(get("/api/v1/stations").with(httpBasic("hangzhou-evaluator", "wrong-password"))))
			.isEqualTo(401);
		assertThat(status(get("/api/v1/stations").with(httpBasic("nobody-here", "wrong-password")))).isEqualTo(401);
		assertThat(status(get("/api/v1/stations").header("Authorization", "Bearer yz_not-a-token-at-all")))
			.isEqualTo(401);

		assertThat(entry("account.sign-in-failed", "hangzhou-evaluator")).containsEntry("target_organization_code",
				"330100");
		assertThat(entry("account.sign-in-failed", "nobody-here")).containsEntry("target_organization_code", "100000")
			.containsEntry("after_summary", "reason=BadCredentialsException");
		List<Map<String, Object>> tokens = this.jdbc
			.sql("select target_id, after_summary from audit_entry where action = 'account.token-refused'")
			.query()
			.listOfRows();
		assertThat(tokens).isNotEmpty();
		assertThat(tokens.toString()).doesNotContain("not-a-token-at-all");
	}

	private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private Map<String, Object> entry(String action, String login) {
		return this.jdbc.sql("""
				select target_organization_code, after_summary from audit_entry
				where action = :action and target_id = :login order by id desc limit 1
				""").param("action", action).param("login", login).query().singleRow();
	}

}
