package org.yizhan.platform.web;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yizhan.platform.security.Authorities;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleMenuTests {

	enum Role {

		ADMIN, MASTER

	}

	private static final MenuEntry STATIONS = MenuEntry.link("nav-stations", "nav.stations", "/console/stations")
		.order(100);

	private static final MenuEntry NEW_STATION = MenuEntry.link("nav-new", "nav.new", "/console/stations/new")
		.order(110)
		.visibleTo(Role.ADMIN);

	private static final MenuEntry RATING = MenuEntry.dropdown("nav-rating", "rating.nav").order(300);

	private static final MenuEntry FIGURES = MenuEntry.link("nav-figures", "figures.nav", "/console/figures")
		.in("nav-rating")
		.order(10)
		.visibleTo(Role.ADMIN);

	private static final MenuEntry TICKETS = MenuEntry.link("nav-tickets", "ticket.nav", "/console/tickets")
		.in("nav-rating")
		.order(20);

	private static final MenuEntry INBOX = MenuEntry.link("nav-inbox", "inbox.nav", "/console/notifications")
		.order(900)
		.badge("/console/notifications/bell");

	private static final MenuEntry PASSWORD = MenuEntry.link("nav-password", "nav.password", "/console/me/password")
		.in(MenuEntry.ME);

	@Test
	void anEntryIsShownOnlyToTheRolesItNamesAndInOrder() {
		ConsoleMenu menu = menu(INBOX, NEW_STATION, STATIONS, PASSWORD);
		assertThat(ids(menu.forAuthorities(Set.of("ROLE_ADMIN", Authorities.PASSWORD_CURRENT)).bar()))
			.containsExactly("nav-stations", "nav-new", "nav-inbox");
		assertThat(ids(menu.forAuthorities(Set.of("ROLE_MASTER", Authorities.PASSWORD_CURRENT)).bar()))
			.containsExactly("nav-stations", "nav-inbox");
		assertThat(ids(menu.forAuthorities(Set.of("ROLE_MASTER")).me())).containsExactly("nav-password");
	}

	@Test
	void aDropdownHoldsItsVisibleEntriesAndIsLeftOutWhenItHasNone() {
		ConsoleMenu menu = menu(TICKETS, RATING, FIGURES, STATIONS);
		ConsoleMenu.Menu admin = menu.forAuthorities(Set.of("ROLE_ADMIN"));
		assertThat(ids(admin.bar())).containsExactly("nav-stations", "nav-rating");
		assertThat(ids(admin.bar().get(1).children())).containsExactly("nav-figures", "nav-tickets");
		assertThat(ids(menu(FIGURES, RATING, STATIONS).forAuthorities(Set.of("ROLE_MASTER")).bar()))
			.containsExactly("nav-stations");
	}

	@Test
	void anEntryWhoseDropdownNobodyDeclaresStandsInTheBar() {
		assertThat(ids(menu(TICKETS, STATIONS).forAuthorities(Set.of("ROLE_MASTER")).bar()))
			.containsExactly("nav-tickets", "nav-stations");
	}

	@Test
	void anEntryWithABadgeWaitsForACurrentPassword() {
		ConsoleMenu menu = menu(INBOX, STATIONS);
		assertThat(ids(menu.forAuthorities(Set.of("ROLE_ADMIN")).bar())).containsExactly("nav-stations");
	}

	private static ConsoleMenu menu(MenuEntry... entries) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		for (int i = 0; i < entries.length; i++) {
			beans.registerSingleton("entry" + i, entries[i]);
		}
		return new ConsoleMenu(beans.getBeanProvider(MenuEntry.class));
	}

	private static List<String> ids(List<ConsoleMenu.Item> items) {
		return items.stream().map(item -> item.entry().id()).toList();
	}

}
