package org.yizhan.partner;

import org.yizhan.platform.privacy.SealedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The partner module's sealed column: re-sealed with the rest after a key rotation. */
@Configuration(proxyBeanMethods = false)
class PartnerConfiguration {

	/** A partner's webhook signing secret, read back to sign each delivery. */
	@Bean
	SealedColumn partnerWebhookSecret() {
		return new SealedColumn("partner", "id", "webhook_secret_sealed");
	}

}
