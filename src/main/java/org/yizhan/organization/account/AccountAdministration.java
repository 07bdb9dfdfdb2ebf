package org.yizhan.organization.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.yizhan.organization.AccountNamedInChains;
import org.yizhan.organization.AccountUnboundFromStations;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.privacy.PersonalDataCipher;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account administration by an organisation's admins, inside their own subtree only.
 *
 * <p>
 * Every command is one transaction: check the actor's right, load the account <em>within
 * the actor's subtree</em> (a foreign id is not found, so its existence is not revealed),
 * let the rules decide, save with a version check, and publish an {@link Audited} event
 * with a before/after summary that never holds a password hash or personal data in clear.
 * An admin grants only roles they hold themselves, where the bound roles (station master,
 * liaison, host, evaluator, a programme partner's admin and reviewer), which reach
 * nothing beyond the stations, host, contract or partner they are bound to, count as held
 * by every admin; no one changes their own roles or disables themselves. Likewise an
 * admin acts on an account (edits, disables, enables, unlocks, resets its password,
 * reveals its personal data) only when they hold every role it has, bound roles aside:
 * resetting an auditor's password would otherwise let an admin without the AUDITOR role
 * sign in as the auditor, which is granting it to themselves.
 */
@Service
@Transactional
public class AccountAdministration {

	/** Roles whose reach is limited to what the account is bound to. */
	static final Set<Role> BOUND_ROLES = EnumSet.of(Role.STATION_MASTER, Role.LIAISON, Role.HOST, Role.EVALUATOR,
			Role.PARTNER_ADMIN, Role.PARTNER_REVIEWER);

	private static final String ONE_TIME_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository accounts;

	private final AccountInputValidator validator;

	private final OrganizationTree organizations;

	private final PasswordEncoder encoder;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AccountAdministration(AccountRepository accounts, AccountInputValidator validator, OrganizationTree organizations,
			PasswordEncoder encoder, PersonalDataCipher cipher, Clock clock, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.validator = validator;
		this.organizations = organizations;
		this.encoder = encoder;
		this.cipher = cipher;
		this.clock = clock;
		this.events = events;
	}

	/** An account and the one-time password it signs in with first (shown once). */
	public record WithPassword(Account account, String oneTimePassword) {
	}

	/** Personal data in full, for the admins who need it. */
	public record PersonalData(String mobile, String idNumber, String email) {
	}

	@Transactional(readOnly = true)
	public AccountPage search(Actor actor, AccountQuery query, int page, int size) {
		requireReader(actor);
		return accounts.search(actor.organizationPath(), query, page, size);
	}

	/** The stations the account is bound to, by code. */
	@Transactional(readOnly = true)
	public List<BoundStation> listBoundStations(Account account) {
		return accounts.listStations(account.stationIds());
	}

	/**
	 * Up to {@code limit} stations of the actor's subtree, not delisted, whose code
	 * starts with or whose name contains the text: what an admin picks a station master's
	 * stations from.
	 */
	@Transactional(readOnly = true)
	public List<BoundStation> searchStations(Actor actor, String text, int limit) {
		requireAdmin(actor);
		String stripped = (text != null) ? text.strip() : "";
		if (stripped.isEmpty()) {
			return List.of();
		}
		return accounts.searchStations(actor.organizationPath(), stripped, limit);
	}

	@Transactional(readOnly = true)
	public Account get(Actor actor, long id) {
		requireReader(actor);
		return accounts.findInSubtree(id, actor.organizationPath()).orElseThrow(() -> notFound(id));
	}

	public WithPassword create(Actor actor, AccountInput input) {
		requireAdmin(actor);
		List<Violation> violations = new ArrayList<>();
		String username = validator.username(input.username(), violations);
		boolean taken = violations.isEmpty() && accounts.usernameTaken(username);
		AccountDetails details;
		try {
			details = validator.validate(input, violations);
		}
		catch (InvalidInputException ex) {
			// A taken name is a conflict on its own, but among other mistakes it is
			// one more to fix: the form lists them all at once.
			if (taken) {
				violations.add(Violation.of("username", "account.username.taken", username));
				throw new InvalidInputException(violations);
			}
			throw ex;
		}
		Organization organization = checkGrant(actor, details, Set.of());
		if (taken) {
			throw new ConflictException("username", "account.username.taken", username);
		}
		String oneTimePassword = oneTimePassword();
		Instant now = clock.instant();
		Account account = new Account(null, username, details.displayName(), organization.code(), organization.path(),
				details.roles(), true, null, 0, encoder.encode(oneTimePassword), now, true,
				cipher.seal(details.mobile()), cipher.seal(details.idNumber()), cipher.seal(details.email()),
				new TreeSet<>(details.stationIds()), details.hostName(), details.contractEndsOn(), now, now, 0);
		long id = accounts.insert(account);
		Account created = accounts.findById(id).orElseThrow();
		publish("account.create", created, null, created.summary());
		nameInChains(created, details);
		return new WithPassword(created, oneTimePassword);
	}

	/**
	 * Replaces the editable fields (not the username, the password or the state).
	 * @param version the version the caller saw; a newer one means someone else changed
	 * it first
	 */
	public Account update(Actor actor, long id, long version, AccountInput input) {
		requireAdmin(actor);
		Account current = lock(actor, id);
		requireHoldsRolesOf(actor, current);
		if (current.version() != version) {
			throw new ConflictException("version", "account.staleVersion", version, current.version());
		}
		AccountDetails details = validator.validate(input, new ArrayList<>());
		if (current.id() == actor.accountId() && !details.roles().equals(current.roles())) {
			throw new ForbiddenException("account.forbidden.ownRoles");
		}
		Organization organization = checkGrant(actor, details, current.roles());
		Account changed = current.withProfile(details, organization.path(),
				sealIfChanged(current.mobileSealed(), details.mobile()),
				sealIfChanged(current.idNumberSealed(), details.idNumber()),
				sealIfChanged(current.emailSealed(), details.email()), clock.instant());
		accounts.update(changed);
		Account saved = accounts.findById(id).orElseThrow();
		publish("account.update", saved, current.summary(), saved.summary());
		Set<Long> unbound = new TreeSet<>(current.stationIds());
		unbound.removeAll(saved.stationIds());
		if (!unbound.isEmpty()) {
			events.publishEvent(new AccountUnboundFromStations(saved.id(), unbound));
		}
		nameInChains(saved, details);
		return saved;
	}

	public Account disable(Actor actor, long id) {
		requireAdmin(actor);
		Account current = lock(actor, id);
		requireHoldsRolesOf(actor, current);
		if (current.id() == actor.accountId()) {
			throw new ForbiddenException("account.forbidden.disableSelf");
		}
		return change("account.disable", current,
				current.withState(false, current.lockedUntil(), current.failedAttempts(), clock.instant()));
	}

	public Account enable(Actor actor, long id) {
		requireAdmin(actor);
		Account current = lock(actor, id);
		requireHoldsRolesOf(actor, current);
		return change("account.enable", current,
				current.withState(true, current.lockedUntil(), current.failedAttempts(), clock.instant()));
	}

	public Account unlock(Actor actor, long id) {
		requireAdmin(actor);
		Account current = lock(actor, id);
		requireHoldsRolesOf(actor, current);
		return change("account.unlock", current, current.withState(current.enabled(), null, 0, clock.instant()));
	}

	/**
	 * A new one-time password: the old one stops working at once and the account must
	 * choose its own at the next sign-in. Also lifts a lock, since the holder is about to
	 * get the password from the admin.
	 */
	public WithPassword resetPassword(Actor actor, long id) {
		requireAdmin(actor);
		Account current = lock(actor, id);
		if (current.id() == actor.accountId()) {
			throw new ForbiddenException("account.forbidden.resetSelf");
		}
		requireHoldsRolesOf(actor, current);
		String oneTimePassword = oneTimePassword();
		Instant now = clock.instant();
		Account changed = current.withPassword(encoder.encode(oneTimePassword), true, now)
			.withState(current.enabled(), null, 0, now);
		Account saved = change("account.reset-password", current, changed);
		return new WithPassword(saved, oneTimePassword);
	}

	/** The mobile and ID number in full; every look is audited. */
	public PersonalData revealPersonalData(Actor actor, long id) {
		requireAdmin(actor);
		Account account = accounts.findInSubtree(id, actor.organizationPath()).orElseThrow(() -> notFound(id));
		requireHoldsRolesOf(actor, account);
		events.publishEvent(new Audited("account.reveal-personal-data", "account", account.id().toString(),
				account.organizationCode(), null, "mobile=" + shown(account.mobileSealed()) + ", idNumber="
						+ shown(account.idNumberSealed()) + ", email=" + shown(account.emailSealed())));
		return new PersonalData(cipher.open(account.mobileSealed()), cipher.open(account.idNumberSealed()),
				cipher.open(account.emailSealed()));
	}

	private static String shown(String sealed) {
		return sealed == null ? "none" : "shown";
	}

	private Account change(String action, Account before, Account after) {
		accounts.update(after);
		Account saved = accounts.findById(before.id()).orElseThrow();
		publish(action, saved, before.summary(), saved.summary());
		return saved;
	}

	private Account lock(Actor actor, long id) {
		return accounts.lockInSubtree(id, actor.organizationPath()).orElseThrow(() -> notFound(id));
	}

	/**
	 * The organisation must lie in the actor's subtree and every role added must be one
	 * the actor may grant (the validator has checked that bound stations lie in the
	 * account's organisation).
	 */
	private Organization checkGrant(Actor actor, AccountDetails details, Set<Role> before) {
		Organization organization = organizations.findByCode(details.organizationCode()).orElseThrow();
		if (!actor.sees(organization.path())) {
			throw new ForbiddenException("account.forbidden.organization", organization.code());
		}
		for (Role role : details.roles()) {
			if (!before.contains(role) && !actor.holds(role) && !BOUND_ROLES.contains(role)) {
				throw new ForbiddenException("account.forbidden.role", role.name());
			}
		}
		return organization;
	}

	private String sealIfChanged(String sealed, String plain) {
		if (plain == null) {
			return null;
		}
		return sealed != null && Objects.equals(cipher.open(sealed), plain) ? sealed : cipher.seal(plain);
	}

	/**
	 * Binding and naming are one action: the station registry names the account in the
	 * chains within this transaction, and a refusal there (a person off the station's
	 * line) undoes the save.
	 */
	private void nameInChains(Account account, AccountDetails details) {
		if (details.chainPlace() != null && !account.stationIds().isEmpty()) {
			events.publishEvent(new AccountNamedInChains(account.id(), details.chainPlace(), account.stationIds()));
		}
	}

	private void publish(String action, Account account, String before, String after) {
		events.publishEvent(
				new Audited(action, "account", account.id().toString(), account.organizationCode(), before, after));
	}

	/**
	 * Whether {@code actor} may change {@code account}: an admin who holds every role it
	 * has (bound roles aside). Pages ask, to offer only what would be allowed.
	 */
	public boolean mayManage(Actor actor, Account account) {
		if (!actor.holds(Role.ORG_ADMIN)) {
			return false;
		}
		return account.roles().stream().allMatch(role -> actor.holds(role) || BOUND_ROLES.contains(role));
	}

	/**
	 * Acting on an account with a role the actor does not hold (bound roles aside) is
	 * refused as granting that role would be: whoever controls the account has its roles.
	 */
	private static void requireHoldsRolesOf(Actor actor, Account account) {
		for (Role role : account.roles()) {
			if (!actor.holds(role) && !BOUND_ROLES.contains(role)) {
				throw new ForbiddenException("account.forbidden.actOnRole", role.name());
			}
		}
	}

	private static void requireAdmin(Actor actor) {
		if (!actor.holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("account.forbidden.notAdmin");
		}
	}

	private static void requireReader(Actor actor) {
		if (!actor.holds(Role.ORG_ADMIN) && !actor.holds(Role.AUDITOR)) {
			throw new ForbiddenException("account.forbidden.notAdmin");
		}
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("account.notFound", id);
	}

	/** 12 characters from 57 unambiguous ones (about 70 bits); meets both policies. */
	static String oneTimePassword() {
		StringBuilder password = new StringBuilder();
		while (true) {
			password.setLength(0);
			for (int i = 0; i < 12; i++) {
				password.append(ONE_TIME_ALPHABET.charAt(RANDOM.nextInt(ONE_TIME_ALPHABET.length())));
			}
			String candidate = password.toString();
			if (candidate.chars().anyMatch(Character::isUpperCase) && candidate.chars().anyMatch(Character::isLowerCase)
					&& candidate.chars().anyMatch(Character::isDigit)) {
				return candidate;
			}
		}
	}

}
