package org.yizhan.organization.account.web;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.organization.account.AccountPrincipal;

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

	/** The navigation's view of the signed-in account; {@code null} on public pages. */
	record SignedIn(String displayName, String username, boolean managesAccounts) {
	}

	@ModelAttribute("signedIn")
	SignedIn signedIn() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
			return null;
		}
		Actor actor = principal.actor();
		return new SignedIn(principal.displayName(), principal.username(),
				actor.holds(Role.ORG_ADMIN) || actor.holds(Role.AUDITOR));
	}

}
