package org.yizhan.organization.account.web;

import org.yizhan.organization.account.AccountPrincipal;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every console page who is signed in, for the navigation bar: the name shown.
 * Which entries the bar holds is {@code platform.web.ConsoleMenu}'s business.
 */
@ControllerAdvice(annotations = Controller.class)
class SignedInModel {

	/** The navigation's view of the signed-in account; {@code null} on public pages. */
	record SignedIn(String displayName, String username) {
	}

	@ModelAttribute("signedIn")
	SignedIn signedIn() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
			return null;
		}
		return new SignedIn(principal.displayName(), principal.username());
	}

}
