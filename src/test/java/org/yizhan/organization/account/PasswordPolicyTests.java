package org.yizhan.organization.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yizhan.platform.Violation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two shipped password profiles, 等保 2.0 and OWASP ASVS, and the rules they share:
 * twelve characters, no common password however dressed up, no username inside.
 */
class PasswordPolicyTests {

	private final PasswordPolicy dengbao = new PasswordPolicy("dengbao");

	private final PasswordPolicy asvs = new PasswordPolicy("asvs");

	@Test
	void dengbaoWantsTwelveCharactersFromThreeClasses() {
		assertThat(codes(dengbao, "ab1")).containsExactly("account.password.tooShort", "account.password.classes");
		assertThat(codes(dengbao, "Xh1-Lk")).containsExactly("account.password.tooShort");
		assertThat(codes(dengbao, "Xihu-Lk-20")).containsExactly("account.password.tooShort");
		assertThat(codes(dengbao, "xihulakewest")).containsExactly("account.password.classes");
		assertThat(codes(dengbao, "xihulake2046")).containsExactly("account.password.classes");
		assertThat(codes(dengbao, "Xihu-Lake-2046")).isEmpty();
		assertThat(codes(dengbao, "xihulake204!")).isEmpty();
	}

	@Test
	void asvsWantsTwelveCharactersButNoComposition() {
		assertThat(codes(asvs, "Xihu-Lk-20")).containsExactly("account.password.tooShort");
		// and a short one that is common besides says both
		assertThat(codes(asvs, "abcdEF12")).containsExactly("account.password.tooShort", "account.password.common");
		assertThat(codes(asvs, "correct horse battery")).isEmpty();
		assertThat(codes(asvs, "驿站户外劳动者服务站点好")).isEmpty();
	}

	@Test
	void bothRefuseCommonPasswordsAsGuessersReadThem() {
		for (PasswordPolicy policy : List.of(dengbao, asvs)) {
			// on the list as they are
			assertThat(codes(policy, "qwerty123456")).contains("account.password.common");
			assertThat(codes(policy, "1q2w3e4r5t6y")).contains("account.password.common");
			// the issue's examples: Password1 and P@ssw0rd, and their twelve-character
			// versions
			assertThat(codes(policy, "Password1")).contains("account.password.common");
			assertThat(codes(policy, "P@ssw0rd")).contains("account.password.common");
			assertThat(codes(policy, "Password1234!")).containsExactly("account.password.common");
			assertThat(codes(policy, "P@ssw0rd2046!")).containsExactly("account.password.common");
			assertThat(codes(policy, "!!Dragon2046##")).containsExactly("account.password.common");
			// a common word inside a longer password is not the common password
			assertThat(codes(policy, "Dragon-Xihu-2046")).isEmpty();
		}
	}

	@Test
	void neitherAcceptsTheUsernameOrItsReversalInside() {
		for (PasswordPolicy policy : List.of(dengbao, asvs)) {
			assertThat(policy.check("newPassword", "wangli", "Xihu-WangLi-2046")).extracting(Violation::code)
				.containsExactly("account.password.containsUsername");
			assertThat(policy.check("newPassword", "wangli", "Xihu-ilgnaw-2046")).extracting(Violation::code)
				.containsExactly("account.password.containsUsername");
			assertThat(policy.check("newPassword", "Wang.Li-2046!", "wang.li-2046!")).extracting(Violation::code)
				.contains("account.password.containsUsername");
			// a name of one or two letters is refused only whole
			assertThat(policy.check("newPassword", "li", "Xihu-Lake-2046")).isEmpty();
		}
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

	@Test
	void oneTimePasswordsMeetBothProfiles() {
		for (int i = 0; i < 200; i++) {
			String oneTime = AccountAdministration.oneTimePassword();
			assertThat(codes(dengbao, oneTime)).as(oneTime).isEmpty();
			assertThat(codes(asvs, oneTime)).as(oneTime).isEmpty();
		}
	}

	private static List<String> codes(PasswordPolicy policy, String password) {
		return policy.check("newPassword", "someone", password).stream().map(Violation::code).toList();
	}

}
