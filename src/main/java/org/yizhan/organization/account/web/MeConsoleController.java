package org.yizhan.organization.account.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.organization.account.AccessTokens;
import org.yizhan.organization.account.OwnEmail;
import org.yizhan.organization.account.OwnPassword;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.privacy.Masks;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in account's own pages: change the password (also where an expired or reset
 * password leads), set the notification e-mail address and manage personal access tokens.
 */
@Controller
class MeConsoleController {

	private final OwnPassword ownPassword;

	private final AccessTokens tokens;

	private final ConsoleMessages messages;

	private final Clock clock;

	private final OwnEmail ownEmail;

	MeConsoleController(OwnPassword ownPassword, AccessTokens tokens, ConsoleMessages messages, Clock clock,
			OwnEmail ownEmail) {
		this.ownPassword = ownPassword;
		this.tokens = tokens;
		this.messages = messages;
		this.clock = clock;
		this.ownEmail = ownEmail;
	}

	@GetMapping("/console/me/email")
	String emailPage(Model model) {
		model.addAttribute("current", ownEmail.find(AccountApiController.actor()).map(Masks::email).orElse(null));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", messages.byField(List.of()));
		}
		return "organization/console/email";
	}

	@PostMapping("/console/me/email")
	String changeEmail(@RequestParam(required = false) String email, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			ownEmail.change(AccountApiController.actor(), email);
			redirect.addFlashAttribute("notice", (email == null || email.isBlank()) ? "email.removed" : "email.saved");
			return "redirect:/console/me/email";
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("errors", messages.byField(ex.violations()));
			model.addAttribute("typed", email);
			return emailPage(model);
		}
	}

	@GetMapping("/console/me/password")
	String passwordPage(Model model) {
		model.addAttribute("errors", messages.byField(List.of()));
		model.addAttribute("policy", ownPassword.policy().profile().name().toLowerCase(Locale.ROOT));
		return "organization/console/password";
	}

	@PostMapping("/console/me/password")
	String changePassword(@RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String repeatPassword,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			if (newPassword != null && !newPassword.equals(repeatPassword)) {
				throw new InvalidInputException(Violation.of("repeatPassword", "account.password.mismatch"));
			}
			ownPassword.change(AccountApiController.actor(), currentPassword, newPassword);
			redirect.addFlashAttribute("notice", "accounts.passwordChanged");
			return "redirect:/console/stations";
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("errors", messages.byField(ex.violations()));
			model.addAttribute("policy", ownPassword.policy().profile().name().toLowerCase(Locale.ROOT));
			return "organization/console/password";
		}
	}

	@GetMapping("/console/me/tokens")
	String tokensPage(Model model) {
		model.addAttribute("tokens", tokens.list(AccountApiController.actor()));
		model.addAttribute("now", clock.instant());
		model.addAttribute("defaultExpiry", LocalDate.now(clock.withZone(YizhanTime.ZONE)).plusDays(90));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", messages.byField(List.of()));
		}
		return "organization/console/tokens";
	}

	@PostMapping("/console/me/tokens")
	String createToken(@RequestParam(required = false) String name, @RequestParam(required = false) List<String> scopes,
			@RequestParam(required = false) String expiresOn, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			AccessTokens.Created created = tokens.create(AccountApiController.actor(), name, scopes, expiresOn);
			redirect.addFlashAttribute("notice", "tokens.created");
			redirect.addFlashAttribute("tokenValue", created.value());
			return "redirect:/console/me/tokens";
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("errors", messages.byField(ex.violations()));
			return tokensPage(model);
		}
	}

	@PostMapping("/console/me/tokens/{id}/revoke")
	String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
		try {
			tokens.revoke(AccountApiController.actor(), id);
			redirect.addFlashAttribute("notice", "tokens.revoked");
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("problems", List.of(messages.text(ex)));
		}
		return "redirect:/console/me/tokens";
	}

}
