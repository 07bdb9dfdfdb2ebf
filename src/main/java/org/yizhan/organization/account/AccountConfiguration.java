package org.yizhan.organization.account;

import org.yizhan.platform.privacy.SealedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares the account columns that hold sealed personal data, so that a key rotation
 * re-seals them.
 */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

	@Bean
	SealedColumn accountMobile() {
		return new SealedColumn("account", "id", "mobile_sealed");
	}

	@Bean
	SealedColumn accountIdNumber() {
		return new SealedColumn("account", "id", "id_number_sealed");
	}

	@Bean
	SealedColumn accountEmail() {
		return new SealedColumn("account", "id", "email_sealed");
	}

}
