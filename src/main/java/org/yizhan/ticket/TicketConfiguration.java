package org.yizhan.ticket;

import org.yizhan.platform.privacy.SealedColumn;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code yizhan.rating.tickets.*}, and names the column of personal data tickets
 * keep, so that a key rotation re-seals it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TicketSettings.class)
class TicketConfiguration {

	/** A hotline caller's phone, on a case staff opened for them. */
	@Bean
	SealedColumn ticketCallerPhone() {
		return new SealedColumn("problem_ticket", "id", "caller_phone_sealed");
	}

}
