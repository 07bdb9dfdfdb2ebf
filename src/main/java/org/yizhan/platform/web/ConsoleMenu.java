package org.yizhan.platform.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.yizhan.platform.security.Authorities;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The console's navigation, from every module's {@link MenuEntry} beans: the layout asks
 * for the signed-in account's menu ({@code ${@consoleMenu.forCurrentAccount()}}) and
 * draws its items. Which entries an account sees follows from its roles alone, so a
 * module adds its pages to the bar without touching the layout.
 */
@Component("consoleMenu")
public class ConsoleMenu {

	private static final String ROLE_PREFIX = "ROLE_";

	private static final Comparator<MenuEntry> IN_ORDER = Comparator.<MenuEntry>comparingInt(MenuEntry::order)
		.thenComparing(MenuEntry::messageKey);

	private final List<MenuEntry> entries;

	ConsoleMenu(ObjectProvider<MenuEntry> entries) {
		this.entries = entries.orderedStream().sorted(IN_ORDER).toList();
	}

	/**
	 * What the account signed in to this request sees; an empty menu for anyone else.
	 */
	public Menu forCurrentAccount() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return new Menu(List.of(), List.of());
		}
		return forAuthorities(authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet()));
	}

	/**
	 * What an account with these authorities sees ({@code ROLE_…} per role, and
	 * {@link Authorities#PASSWORD_CURRENT} unless its password must change).
	 */
	public Menu forAuthorities(Collection<String> authorities) {
		Set<String> roles = authorities.stream()
			.filter(authority -> authority.startsWith(ROLE_PREFIX))
			.map(authority -> authority.substring(ROLE_PREFIX.length()))
			.collect(Collectors.toSet());
		boolean passwordCurrent = authorities.contains(Authorities.PASSWORD_CURRENT);
		Map<String, MenuEntry> dropdowns = new LinkedHashMap<>();
		for (MenuEntry entry : this.entries) {
			if (entry.isDropdown() && visible(entry, roles, passwordCurrent)) {
				dropdowns.put(entry.id(), entry);
			}
		}
		Map<String, List<MenuEntry>> grouped = new LinkedHashMap<>();
		List<Item> bar = new ArrayList<>();
		List<Item> me = new ArrayList<>();
		for (MenuEntry entry : this.entries) {
			if (entry.isDropdown() || !visible(entry, roles, passwordCurrent)) {
				continue;
			}
			if (MenuEntry.ME.equals(entry.group())) {
				me.add(new Item(entry, List.of()));
			}
			else if (entry.group() != null && dropdowns.containsKey(entry.group())) {
				grouped.computeIfAbsent(entry.group(), group -> new ArrayList<>()).add(entry);
			}
			else {
				bar.add(new Item(entry, List.of()));
			}
		}
		dropdowns.forEach((id, dropdown) -> {
			List<MenuEntry> members = grouped.getOrDefault(id, List.of());
			if (!members.isEmpty()) {
				bar.add(new Item(dropdown, members.stream().map(member -> new Item(member, List.of())).toList()));
			}
		});
		bar.sort(Comparator.comparing(Item::entry, IN_ORDER));
		return new Menu(List.copyOf(bar), List.copyOf(me));
	}

	private static boolean visible(MenuEntry entry, Set<String> roles, boolean passwordCurrent) {
		if (entry.badge() != null && !passwordCurrent) {
			return false;
		}
		return entry.roles().isEmpty() || entry.roles().stream().anyMatch(roles::contains);
	}

	/**
	 * One account's menu.
	 *
	 * @param bar the bar's links and drop-downs, in order
	 * @param me the entries under the account's name
	 */
	public record Menu(List<Item> bar, List<Item> me) {
	}

	/**
	 * An entry as drawn: a link, or a drop-down with the links it shows.
	 *
	 * @param entry the entry
	 * @param children a drop-down's visible entries, in order
	 */
	public record Item(MenuEntry entry, List<Item> children) {

		public boolean dropdown() {
			return this.entry.isDropdown();
		}

	}

}
