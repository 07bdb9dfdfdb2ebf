package org.yizhan.organization.account;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.yizhan.platform.Violation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two shipped password profiles: 等保 2.0 and OWASP ASVS.
 */
class PasswordPolicyTests {

	private final PasswordPolicy dengbao = new PasswordPolicy("dengbao");

	private final PasswordPolicy asvs = new PasswordPolicy("asvs");

	@Test
	void dengbaoWantsEightCharactersFromThreeClasses() {
		assertThat(codes(dengbao, "ab1")).containsExactly("account.password.tooShort", "account.password.classes");
		assertThat(codes(dengbao, "Ab1")).containsExactly("account.password.tooShort");
		assertThat(codes(dengbao, "abcdefgh")).containsExactly("account.password.classes");
		assertThat(codes(dengbao, "abcdef12")).containsExactly("account.password.classes");
		assertThat(codes(dengbao, "abcdEF12")).isEmpty();
		assertThat(codes(dengbao, "abcdef1!")).isEmpty();
	}

	@Test
	void asvsWantsTwelveCharactersAndNoCommonPasswordButNoComposition() {
		assertThat(codes(asvs, "abcdEF12")).containsExactly("account.password.tooShort");
		assertThat(codes(asvs, "correct horse battery")).isEmpty();
		assertThat(codes(asvs, "qwerty123456")).containsExactly("account.password.common");
		assertThat(codes(asvs, "1q2w3e4r5t6y")).containsExactly("account.password.common");
		assertThat(codes(asvs, "驿站户外劳动者服务站点好")).isEmpty();
	}

	@Test
	void neitherAcceptsTheUsername() {
		assertThat(codes(dengbao, "Wang.Li-2046")).isEmpty();
		assertThat(dengbao.check("newPassword", "Wang.Li-2046", "wang.li-2046")).extracting(Violation::code)
			.contains("account.password.sameAsUsername");
		assertThat(asvs.check("newPassword", "wangli-xihu-2046", "wangli-xihu-2046")).extracting(Violation::code)
			.containsExactly("account.password.sameAsUsername");
	}

	@Test
	void onlyDengbaoRotates() {
		Instant changed = Instant.parse("2026-01-01T00:00:00Z");
		assertThat(dengbao.isExpired(changed, changed.plus(Duration.ofDays(90)).minusSeconds(1))).isFalse();
		assertThat(dengbao.isExpired(changed, changed.plus(Duration.ofDays(90)))).isTrue();
		assertThat(asvs.isExpired(changed, changed.plus(Duration.ofDays(3650)))).isFalse();
	}

	@Test
	void theViolationsNameTheField() {
		assertThat(dengbao.check("newPassword", "u", "")).extracting(Violation::field).containsExactly("newPassword");
	}

	private static java.util.List<String> codes(PasswordPolicy policy, String password) {
		return policy.check("newPassword", "someone", password).stream().map(Violation::code).toList();
	}

}
