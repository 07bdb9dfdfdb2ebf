package org.yizhan.ticket;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code yizhan.rating.tickets.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TicketSettings.class)
class TicketConfiguration {

}
