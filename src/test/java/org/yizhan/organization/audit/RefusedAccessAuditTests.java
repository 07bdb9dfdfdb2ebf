package org.yizhan.organization.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An action refused for want of a right leaves an audit entry under the caller's union,
 * naming the request and the reason, although the action itself changed nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RefusedAccessAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRefusedActionIsAuditedUnderTheCallersUnion() throws Exception {
		long before = last();
		int status = this.mvc
			.perform(post("/api/v1/stations").with(httpBasic("xihu-inspector", TestAccounts.DEMO_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(403);

		List<Map<String, Object>> entries = this.jdbc.sql("""
				select username, target_id, target_organization_code, after_summary from audit_entry
				where action = 'access.refused' and username = 'xihu-inspector' and id > :before
				""").param("before", before).query().listOfRows();
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0)).containsEntry("target_id", "POST /api/v1/stations")
			.containsEntry("target_organization_code", "330106")
			.containsEntry("after_summary", "reason=station.forbidden.manage; request=POST /api/v1/stations");
	}

	private long last() {
		return this.jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
	}

}
