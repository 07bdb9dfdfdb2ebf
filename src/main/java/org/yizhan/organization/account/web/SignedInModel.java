package org.yizhan.organization.account.web;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.organization.account.AccountPrincipal;
import org.yizhan.platform.security.Authorities;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every console page who is signed in, for the navigation bar: the name shown and
 * whether the accounts page is theirs to see.
 */
@ControllerAdvice(annotations = Controller.class)
class SignedInModel {

	/**
	 * The navigation's view of the signed-in account; {@code null} on public pages.
	 * {@code passwordCurrent} is false while a one-time password must be replaced: every
	 * other console address then redirects to the password page, so the navigation must
	 * not load parts of the console into the page (the bell did, and htmx swapped the
	 * whole password page into it).
	 */
	record SignedIn(String displayName, String username, boolean managesAccounts, boolean passwordCurrent) {
	}

	@ModelAttribute("signedIn")
	SignedIn signedIn() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
			return null;
		}
		Actor actor = principal.actor();
		boolean passwordCurrent = authentication.getAuthorities()
			.stream()
			.anyMatch(granted -> Authorities.PASSWORD_CURRENT.equals(granted.getAuthority()));
		return new SignedIn(principal.displayName(), principal.username(),
				actor.holds(Role.ORG_ADMIN) || actor.holds(Role.AUDITOR), passwordCurrent);
	}

}
