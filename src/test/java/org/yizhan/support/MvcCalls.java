package org.yizhan.support;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Calls of the API through MockMvc, for the tests that need no real server: who calls
 * ({@link #asAdmin()}), the expected status checked with the answer's body in the
 * message, and the body read as UTF-8 text or JSON. Tests that need the real server (its
 * filters, cookies, several processes) use {@link HttpCaller}.
 */
public final class MvcCalls {

	private MvcCalls() {
	}

	/** Signed in with Basic as the national union's admin of the test configuration. */
	public static RequestPostProcessor asAdmin() {
		return httpBasic(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
	}

	/**
	 * Performs the request and checks that it is answered with {@code expectedStatus};
	 * the failure shows the body.
	 */
	public static MvcResult expect(MockMvc mvc, RequestBuilder request, int expectedStatus) throws Exception {
		MvcResult result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(expectedStatus);
		return result;
	}

	/** The body as UTF-8 text (MockMvc would read it as ISO-8859-1 without a charset). */
	public static String body(MvcResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static DocumentContext json(MvcResult result) {
		return JsonPath.parse(body(result));
	}

	/**
	 * Creates an account through the API as {@code by}, then signs in as it with the
	 * one-time password and sets {@link TestAccounts#PASSWORD}, as a new holder must.
	 * @param body the account's JSON, naming {@code username}
	 * @return the new account's id
	 */
	public static long createAccount(MockMvc mvc, String by, String byPassword, String username, String body)
			throws Exception {
		MvcResult created = mvc
			.perform(post("/api/v1/accounts").with(httpBasic(by, byPassword))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn();
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		DocumentContext json = json(created);
		String oneTime = json.read("$.oneTimePassword");
		MvcResult changed = mvc
			.perform(post("/api/v1/me/password").with(httpBasic(username, oneTime))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"" + TestAccounts.PASSWORD + "\"}"))
			.andReturn();
		assertThat(changed.getResponse().getStatus()).as(changed.getResponse().getContentAsString()).isEqualTo(204);
		return json.read("$.account.id", Long.class);
	}

}
