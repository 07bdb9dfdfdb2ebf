package org.yizhan.platform;

import org.junit.jupiter.api.Test;

import org.yizhan.platform.privacy.PersonalDataCipher;
import org.yizhan.support.ModuleBeans;
import org.yizhan.support.NoAccounts;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform starts on its own: the database, web and privacy need no other module. Its
 * security needs sign-in providers and a session guard, which only organization
 * contributes; {@link NoAccounts} stands in for them.
 */
@ApplicationModuleTest
@Import(NoAccounts.class)
class PlatformModuleTests {

	private final ApplicationContext context;

	private final PersonalDataCipher cipher;

	PlatformModuleTests(ApplicationContext context, PersonalDataCipher cipher) {
		this.context = context;
		this.cipher = cipher;
	}

	@Test
	void startsWithNoOtherModule() {
		assertThat(ModuleBeans.modulesWithBeans(context)).containsExactly("platform");
	}

	@Test
	void sealsPersonalDataSoThatOnlyItOpensItAgain() {
		String first = cipher.seal("13800138000");
		String second = cipher.seal("13800138000");

		assertThat(first).doesNotContain("13800138000").isNotEqualTo(second);
		assertThat(cipher.open(first)).isEqualTo("13800138000");
		assertThat(cipher.open(second)).isEqualTo("13800138000");
	}

}
