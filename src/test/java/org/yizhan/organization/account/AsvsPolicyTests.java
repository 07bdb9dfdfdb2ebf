package org.yizhan.organization.account;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.yizhan.support.MvcCalls.json;

/**
 * With {@code yizhan.security.password-policy=asvs}, a new password is judged by length
 * and the common-password list, not by composition, and the answer names the field.
 */
@SpringBootTest(properties = "yizhan.security.password-policy=asvs")
@AutoConfigureMockMvc
class AsvsPolicyTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aShortOrCommonPasswordIsRefusedAndALongPassphraseIsAccepted() throws Exception {
		Accounts.Created reviewer = new Accounts(mvc).createByAdmin("330106", "REVIEWER");

		MvcResult shortOne = change(reviewer, reviewer.password(), "Ab1!cdEf9", "en");
		assertThat(shortOne.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(shortOne).read("$.errors[0].field", String.class)).isEqualTo("newPassword");
		assertThat(json(shortOne).read("$.detail", String.class))
			.isEqualTo("New password: must have at least 12 characters");

		MvcResult common = change(reviewer, reviewer.password(), "qwerty123456", "zh-CN");
		assertThat(common.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(common).read("$.detail", String.class)).isEqualTo("新密码: 该密码过于常见，很容易被猜中，请换一个");

		assertThat(change(reviewer, reviewer.password(), "west lake in the rain", "zh-CN").getResponse().getStatus())
			.isEqualTo(204);
	}

	private MvcResult change(Accounts.Created account, String current, String next, String language) throws Exception {
		return mvc
			.perform(post("/api/v1/me/password").with(httpBasic(account.username(), current))
				.header("Accept-Language", language)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}"))
			.andReturn();
	}

}
