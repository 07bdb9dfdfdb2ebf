package org.yizhan.ticket.web;

import org.yizhan.platform.web.MenuEntry;
import org.yizhan.platform.security.AccessRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What problem tickets add to the platform's web. A worker reports a problem from a
 * station's QR page without an account, and follows it by the number the report gave
 * (about 59 random bits, not guessable) and may reopen it with that number within seven
 * days of its resolution; abuse is handled by the reports' own limits. The console's
 * ticket list is for every account (each sees the tickets of its stations and chains), in
 * the rating module's "rating and rectification" drop-down where there is one.
 */
@Configuration(proxyBeanMethods = false)
class TicketWebConfiguration {

	static final String REPORTS = "/api/v1/problems";

	static final String STATUS = "/api/v1/problems/*";

	static final String REOPEN = "/api/v1/problems/*/reopen";

	@Bean
	AccessRules ticketReports() {
		return AccessRules.api(requests -> {
			requests.requestMatchers(HttpMethod.POST, REPORTS).permitAll();
			// The reporter reopens with the number, as they follow it: no account.
			requests.requestMatchers(HttpMethod.POST, REOPEN).permitAll();
			requests.requestMatchers(HttpMethod.GET, STATUS).permitAll();
			requests.requestMatchers(HttpMethod.HEAD, STATUS).permitAll();
		});
	}

	@Bean
	MenuEntry ticketsMenu() {
		return MenuEntry.link("nav-tickets", "ticket.nav", "/console/tickets").in("nav-rating").order(30);
	}

}
