package org.yizhan.organization.account.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.organization.Actor;
import org.yizhan.organization.ChainPlace;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.organization.account.Account;
import org.yizhan.organization.account.AccountAdministration;
import org.yizhan.organization.account.AccountPage;
import org.yizhan.organization.account.AccountQuery;
import org.yizhan.organization.account.BoundStation;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.privacy.Masks;
import org.yizhan.platform.privacy.PersonalDataCipher;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's account pages for admins (and auditors, who only look): the list with
 * filters, an account's page with its actions, and the create/edit form. A one-time
 * password is shown once, on the page the creation or reset leads to.
 */
@Controller
class AccountConsoleController {

	static final int PAGE_SIZE = 20;

	static final int STATION_SEARCH_SIZE = 10;

	private final AccountAdministration administration;

	private final OrganizationTree organizations;

	private final PersonalDataCipher cipher;

	private final ConsoleMessages messages;

	private final Clock clock;

	AccountConsoleController(AccountAdministration administration, OrganizationTree organizations,
			PersonalDataCipher cipher, ConsoleMessages messages, Clock clock) {
		this.administration = administration;
		this.organizations = organizations;
		this.cipher = cipher;
		this.messages = messages;
		this.clock = clock;
	}

	/** An account as its pages show it: personal data masked. */
	record AccountView(Account account, String organizationName, String mobilePhone, String idNumber, String email,
			boolean locked, List<BoundStation> stations) {
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@ModelAttribute("chainPlaces")
	ChainPlace[] chainPlaces() {
		return ChainPlace.values();
	}

	@GetMapping("/console/accounts")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
			@RequestParam(required = false) String org, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Role parsedRole = null;
		for (Role candidate : Role.values()) {
			if (candidate.name().equals(role)) {
				parsedRole = candidate;
			}
		}
		Boolean enabled = "enabled".equals(state) ? Boolean.TRUE : "disabled".equals(state) ? Boolean.FALSE : null;
		AccountPage result = administration.search(actor(),
				new AccountQuery(blankToNull(org), parsedRole, enabled, blankToNull(q)), Math.max(0, page), PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("views", result.accounts().stream().map(this::view).toList());
		model.addAttribute("filters", Map.of("q", q == null ? "" : q, "role", role == null ? "" : role, "org",
				org == null ? "" : org, "state", state == null ? "" : state));
		model.addAttribute("admin", actor().holds(Role.ORG_ADMIN));
		return "organization/console/accounts";
	}

	@GetMapping("/console/accounts/new")
	String newAccount(Model model) {
		// Refused as its submission would be, before anyone fills it in.
		if (!actor().holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("account.forbidden.notAdmin");
		}
		return form(AccountForm.empty(actor().organizationCode()), null, List.of(), model);
	}

	/**
	 * Sent to the form's own address, so a refusal leaves it in the address bar (ADR
	 * 0022); the form, which holds personal data in clear, is never parked in the session
	 * to be shown after a redirect.
	 */
	@PostMapping("/console/accounts/new")
	String create(@ModelAttribute("form") AccountForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			AccountAdministration.WithPassword created = administration.create(actor(), form.toInput(null, null, null));
			redirect.addFlashAttribute("notice", "accounts.created");
			redirect.addFlashAttribute("oneTimePassword", created.oneTimePassword());
			return "redirect:/console/accounts/" + created.account().id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			return form(form, null, ex.violations(), model);
		}
		catch (ConflictException ex) {
			response.setStatus(409);
			return form(form, null, List.of(Violation.of("username", ex.messageCode(), ex.args())), model);
		}
		catch (ForbiddenException ex) {
			return refused(ex, form, null, model, response);
		}
	}

	/** The form again, answered with 403 and the refusal's reason above it. */
	private String refused(ForbiddenException ex, AccountForm form, Account current, Model model,
			HttpServletResponse response) {
		response.setStatus(403);
		model.addAttribute("problems", List.of(messages.text(ex)));
		return form(form, current, List.of(), model);
	}

	/**
	 * The form's station search: stations of the admin's subtree by code or name, which a
	 * click adds to the form's list of codes (htmx, console.js).
	 */
	@GetMapping("/console/accounts/stations")
	String searchStations(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("found", administration.searchStations(actor(), q, STATION_SEARCH_SIZE));
		model.addAttribute("q", q == null ? "" : q.strip());
		return "organization/console/account-form :: station-results";
	}

	@GetMapping("/console/accounts/{id}")
	String show(@PathVariable long id, Model model) {
		Account account = administration.get(actor(), id);
		model.addAttribute("view", view(account));
		// Actions are offered only where they would be allowed: an admin holding every
		// role of the account.
		model.addAttribute("admin", administration.mayManage(actor(), account));
		model.addAttribute("self", actor().accountId() == id);
		return "organization/console/account";
	}

	@GetMapping("/console/accounts/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Account account = administration.get(actor(), id);
		return form(AccountForm.of(account, administration.listBoundStations(account)), account, List.of(), model);
	}

	/** Sent to the edit form's own address, as {@link #create} (ADR 0022). */
	@PostMapping("/console/accounts/{id}/edit")
	String update(@PathVariable long id, @ModelAttribute("form") AccountForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Account current = administration.get(actor(), id);
		try {
			if (form.getVersion() == null) {
				throw new InvalidInputException(Violation.of("version", "validation.required"));
			}
			administration.update(actor(), id, form.getVersion(), form.toInput(cipher.open(current.mobileSealed()),
					cipher.open(current.idNumberSealed()), cipher.open(current.emailSealed())));
			redirect.addFlashAttribute("notice", "accounts.saved");
			return "redirect:/console/accounts/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			return form(form, current, ex.violations(), model);
		}
		catch (ConflictException | OptimisticLockingFailureException ex) {
			response.setStatus(409);
			model.addAttribute("problems", List.of(messages.text("accounts.conflict")));
			return form(form, current, List.of(), model);
		}
		catch (ForbiddenException ex) {
			return refused(ex, form, current, model, response);
		}
	}

	@PostMapping("/console/accounts/{id}/disable")
	String disable(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "accounts.disabled", () -> administration.disable(actor(), id));
	}

	@PostMapping("/console/accounts/{id}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "accounts.enabled", () -> administration.enable(actor(), id));
	}

	@PostMapping("/console/accounts/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "accounts.unlocked", () -> administration.unlock(actor(), id));
	}

	@PostMapping("/console/accounts/{id}/reset-password")
	String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "accounts.passwordReset", () -> {
			AccountAdministration.WithPassword reset = administration.resetPassword(actor(), id);
			redirect.addFlashAttribute("oneTimePassword", reset.oneTimePassword());
			return reset;
		});
	}

	/** Shows the personal data in full on this answer only; the look is audited. */
	@PostMapping("/console/accounts/{id}/personal-data")
	String revealPersonalData(@PathVariable long id, Model model, HttpServletResponse response) {
		AccountAdministration.PersonalData data = administration.revealPersonalData(actor(), id);
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("revealed", data);
		return show(id, model);
	}

	private String act(long id, RedirectAttributes redirect, String notice, Supplier<?> command) {
		try {
			command.get();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (ForbiddenException ex) {
			redirect.addFlashAttribute("problems", List.of(messages.text(ex)));
		}
		return "redirect:/console/accounts/" + id;
	}

	private String form(AccountForm form, Account account, List<Violation> violations, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("account", account);
		model.addAttribute("view", account == null ? null : view(account));
		model.addAttribute("errors", messages.byField(violations));
		return "organization/console/account-form";
	}

	private AccountView view(Account account) {
		return new AccountView(account,
				organizations.findByCode(account.organizationCode())
					.map(o -> o.name())
					.orElse(account.organizationCode()),
				Masks.phone(cipher.open(account.mobileSealed())), Masks.idNumber(cipher.open(account.idNumberSealed())),
				Masks.email(cipher.open(account.emailSealed())), account.isLockedAt(clock.instant()),
				administration.listBoundStations(account));
	}

	private static Actor actor() {
		return AccountApiController.actor();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
