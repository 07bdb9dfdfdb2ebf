package org.yizhan.platform.web;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One entry of the console's navigation, contributed as a bean by the module whose page
 * it opens: a link, or a drop-down ({@link #dropdown}) that other entries name as their
 * {@link #group}. {@link ConsoleMenu} shows the signed-in account the entries of its
 * roles, ordered by {@link #order}.
 *
 * <p>
 * An entry is shown only to the roles that may use its page (what the server lets them
 * open, not more): {@link #visibleTo} names them; an entry that names none is for every
 * signed-in account. A drop-down is shown when at least one of its entries is; an entry
 * whose group nobody declares stands in the bar itself.
 *
 * @param id the element's id, which browser tests look for ({@code nav-coverage})
 * @param messageKey the label's message key
 * @param href the page, relative to the application; {@code null} for a drop-down
 * @param group the drop-down the entry sits in: a drop-down's id, {@link #ME}, or
 * {@code null} for the bar
 * @param order where the entry goes among its group's, lowest first
 * @param roles the names of the roles that see it (the organisation module's
 * {@code Role}); empty for everyone signed in
 * @param icon a Bootstrap icon class ({@code bi-bell-fill}), or {@code null}
 * @param badge a console fragment loaded into the entry (a count of unread notices), or
 * {@code null}; such an entry waits for a current password, since until then every
 * console address answers with the password page
 */
public record MenuEntry(String id, String messageKey, String href, String group, int order, Set<String> roles,
		String icon, String badge) {

	/** The drop-down under the signed-in account's name: its own profile. */
	public static final String ME = "me-menu";

	public MenuEntry {
		Objects.requireNonNull(messageKey, "messageKey");
		roles = Set.copyOf(roles);
	}

	/** A link to a page, in the bar, for everyone signed in until told otherwise. */
	public static MenuEntry link(String id, String messageKey, String href) {
		return new MenuEntry(id, messageKey, Objects.requireNonNull(href, "href"), null, 0, Set.of(), null, null);
	}

	/** A drop-down in the bar, which entries join by naming its id as their group. */
	public static MenuEntry dropdown(String id, String messageKey) {
		return new MenuEntry(Objects.requireNonNull(id, "id"), messageKey, null, null, 0, Set.of(), null, null);
	}

	public boolean isDropdown() {
		return this.href == null;
	}

	/** The same entry inside a drop-down. */
	public MenuEntry in(String group) {
		return new MenuEntry(this.id, this.messageKey, this.href, group, this.order, this.roles, this.icon, this.badge);
	}

	public MenuEntry order(int order) {
		return new MenuEntry(this.id, this.messageKey, this.href, this.group, order, this.roles, this.icon, this.badge);
	}

	/** Shown only to accounts holding one of these roles. */
	public MenuEntry visibleTo(Enum<?>... roles) {
		Set<String> names = Arrays.stream(roles).map(Enum::name).collect(Collectors.toUnmodifiableSet());
		return new MenuEntry(this.id, this.messageKey, this.href, this.group, this.order, names, this.icon, this.badge);
	}

	/** Shown only to accounts holding one of these roles. */
	public MenuEntry visibleTo(Set<? extends Enum<?>> roles) {
		return visibleTo(roles.toArray(Enum<?>[]::new));
	}

	public MenuEntry icon(String icon) {
		return new MenuEntry(this.id, this.messageKey, this.href, this.group, this.order, this.roles, icon, this.badge);
	}

	public MenuEntry badge(String fragment) {
		return new MenuEntry(this.id, this.messageKey, this.href, this.group, this.order, this.roles, this.icon,
				fragment);
	}

}
