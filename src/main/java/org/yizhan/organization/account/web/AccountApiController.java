package org.yizhan.organization.account.web;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.organization.account.Account;
import org.yizhan.organization.account.AccountAdministration;
import org.yizhan.organization.account.AccountInput;
import org.yizhan.organization.account.AccountPage;
import org.yizhan.organization.account.AccountQuery;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.privacy.PersonalDataCipher;
import org.yizhan.platform.web.ApiController;
import org.yizhan.platform.web.RequestValues;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Account administration over JSON, for the admins of a subtree: every id is looked up
 * inside the caller's subtree, so a foreign account answers 404 like a missing one.
 */
@ApiController("/api/v1/accounts")
class AccountApiController {

	static final int MAX_PAGE_SIZE = 100;

	private final AccountAdministration administration;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	AccountApiController(AccountAdministration administration, PersonalDataCipher cipher, Clock clock) {
		this.administration = administration;
		this.cipher = cipher;
		this.clock = clock;
	}

	/**
	 * The body of create, replace and patch; {@code version} may come as If-Match;
	 * {@code chainPlace} names the account in its stations' responsibility chains in the
	 * same action ({@code STATION_MASTER}, {@code LIAISON},
	 * {@code GENERAL_STATION_MASTER}).
	 */
	record AccountRequest(String username, String displayName, String organization, List<String> roles,
			String mobilePhone, String idNumber, List<Long> stations, String hostName, String contractEndsOn,
			String email, Long version, String chainPlace) {

		AccountInput toInput() {
			return new AccountInput(username, displayName, organization, roles, mobilePhone, idNumber, stations,
					hostName, contractEndsOn, email, List.of(), chainPlace);
		}

		/** This request's fields over the account's current ones. */
		AccountInput over(Account current, PersonalDataCipher cipher) {
			return new AccountInput(null, displayName != null ? displayName : current.displayName(),
					organization != null ? organization : current.organizationCode(),
					roles != null ? roles : current.roles().stream().map(Role::name).toList(),
					mobilePhone != null ? mobilePhone : cipher.open(current.mobileSealed()),
					idNumber != null ? idNumber : cipher.open(current.idNumberSealed()),
					stations != null ? stations : List.copyOf(current.stationIds()),
					hostName != null ? hostName : current.hostName(),
					contractEndsOn != null ? contractEndsOn
							: current.contractEndsOn() == null ? null : current.contractEndsOn().toString(),
					email != null ? email : cipher.open(current.emailSealed()), List.of(), chainPlace);
		}

	}

	record Page(List<AccountJson> items, int page, int size, long total, long pages) {
	}

	@GetMapping
	Page list(@RequestParam(required = false) String org, @RequestParam(required = false) String role,
			@RequestParam(required = false) Boolean enabled, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		List<Violation> violations = new ArrayList<>();
		Role parsedRole = role == null || role.isBlank() ? null
				: RequestValues.enumValue(Role.class, role, "role", violations);
		if (page < 0) {
			violations.add(Violation.of("page", "validation.range", 0, Integer.MAX_VALUE));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			violations.add(Violation.of("size", "validation.size", MAX_PAGE_SIZE));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		AccountPage result = administration.search(actor(),
				new AccountQuery(blankToNull(org), parsedRole, enabled, blankToNull(q)), page, size);
		return new Page(result.accounts().stream().map(this::json).toList(), result.page(), result.size(),
				result.total(), result.pages());
	}

	@GetMapping("/{id}")
	ResponseEntity<AccountJson> get(@PathVariable long id) {
		Account account = administration.get(actor(), id);
		return ResponseEntity.ok().eTag("\"" + account.version() + "\"").body(json(account));
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> create(@RequestBody AccountRequest request) {
		AccountAdministration.WithPassword created = administration.create(actor(), request.toInput());
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.account().id()))
			.eTag("\"" + created.account().version() + "\"")
			.body(withPassword(created));
	}

	@PutMapping("/{id}")
	ResponseEntity<AccountJson> replace(@PathVariable long id, @RequestBody AccountRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Account saved = administration.update(actor(), id, version(request, ifMatch), request.toInput());
		return ResponseEntity.ok().eTag("\"" + saved.version() + "\"").body(json(saved));
	}

	@PatchMapping("/{id}")
	ResponseEntity<AccountJson> patch(@PathVariable long id, @RequestBody AccountRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		Actor actor = actor();
		long version = version(request, ifMatch);
		Account current = administration.get(actor, id);
		Account saved = administration.update(actor, id, version, request.over(current, cipher));
		return ResponseEntity.ok().eTag("\"" + saved.version() + "\"").body(json(saved));
	}

	@PostMapping("/{id}/disable")
	AccountJson disable(@PathVariable long id) {
		return json(administration.disable(actor(), id));
	}

	@PostMapping("/{id}/enable")
	AccountJson enable(@PathVariable long id) {
		return json(administration.enable(actor(), id));
	}

	@PostMapping("/{id}/unlock")
	AccountJson unlock(@PathVariable long id) {
		return json(administration.unlock(actor(), id));
	}

	@PostMapping("/{id}/reset-password")
	Map<String, Object> resetPassword(@PathVariable long id) {
		return withPassword(administration.resetPassword(actor(), id));
	}

	@GetMapping("/{id}/personal-data")
	ResponseEntity<AccountAdministration.PersonalData> personalData(@PathVariable long id) {
		return ResponseEntity.status(HttpStatus.OK)
			.header("Cache-Control", "no-store")
			.body(administration.revealPersonalData(actor(), id));
	}

	private Map<String, Object> withPassword(AccountAdministration.WithPassword result) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("account", json(result.account()));
		body.put("oneTimePassword", result.oneTimePassword());
		return body;
	}

	private AccountJson json(Account account) {
		return AccountJson.of(account, cipher, clock.instant());
	}

	static long version(AccountRequest request, String ifMatch) {
		if (ifMatch != null && !ifMatch.isBlank()) {
			try {
				return Long.parseLong(ifMatch.strip().replace("W/", "").replace("\"", ""));
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException(Violation.of("version", "validation.type"));
			}
		}
		if (request.version() == null) {
			throw new InvalidInputException(Violation.of("version", "validation.required"));
		}
		return request.version();
	}

	static Actor actor() {
		return Actor.current().orElseThrow(() -> new IllegalStateException("No account signed in"));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
