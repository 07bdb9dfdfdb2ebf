package org.yizhan.organization.account;

import java.util.UUID;

import org.yizhan.support.MvcCalls;
import org.yizhan.support.TestAccounts;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Test accounts made the way an admin makes them: through the API, signed in as
 * {@code admin}, then given a password of their own by their holder.
 */
final class Accounts {

	private final MockMvc mvc;

	Accounts(MockMvc mvc) {
		this.mvc = mvc;
	}

	record Created(long id, String username, String password) {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * A new account created by {@code by}, with its password set to
	 * {@link TestAccounts#PASSWORD}.
	 */
	Created create(String by, String byPassword, String organization, String... roles) throws Exception {
		String username = unique("t");
		String body = "{\"username\":\"" + username + "\",\"displayName\":\"测试账号\",\"organization\":\"" + organization
				+ "\",\"roles\":[" + String.join(",", java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList())
				+ "]}";
		long id = MvcCalls.createAccount(mvc, by, byPassword, username, body);
		return new Created(id, username, TestAccounts.PASSWORD);
	}

	Created createByAdmin(String organization, String... roles) throws Exception {
		return create(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD, organization, roles);
	}

	MvcResult as(Created account, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(httpBasic(account.username(), account.password()))).andReturn();
	}

	MvcResult asAdmin(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(httpBasic(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD))).andReturn();
	}

}
