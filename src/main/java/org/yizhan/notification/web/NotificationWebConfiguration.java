package org.yizhan.notification.web;

import org.yizhan.platform.security.AccessRules;
import org.yizhan.platform.web.MenuEntry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What the notification centre adds to the platform's web. One's own inbox: unlike the
 * rest of {@code /api/v1/me}, an access token may read it (READ) and mark it read
 * (WRITE), so an integration can pass notices on; it holds no credential and changes
 * nothing but its own read marks. These rules come before the organisation module's rule
 * for the rest of {@code /api/v1/me}. The console's inbox is in the bar for every
 * account, with its count of unread notices.
 */
@Configuration(proxyBeanMethods = false)
class NotificationWebConfiguration {

	static final String[] OWN_NOTIFICATIONS = { "/api/v1/me/notifications", "/api/v1/me/notifications/**" };

	@Bean
	AccessRules ownNotifications() {
		return AccessRules.api(requests -> {
			requests.requestMatchers(HttpMethod.GET, OWN_NOTIFICATIONS).access(AccessRules.read());
			requests.requestMatchers(HttpMethod.HEAD, OWN_NOTIFICATIONS).access(AccessRules.read());
			requests.requestMatchers(OWN_NOTIFICATIONS).access(AccessRules.write());
		});
	}

	@Bean
	MenuEntry notificationsMenu() {
		return MenuEntry.link("nav-notifications", "notification.nav", "/console/notifications")
			.order(900)
			.icon("bi-bell-fill")
			.badge("/console/notifications/bell");
	}

}
