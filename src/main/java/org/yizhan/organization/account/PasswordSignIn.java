package org.yizhan.organization.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.yizhan.organization.Audited;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.security.SignInPaused;
import org.yizhan.platform.security.SignedInGuard;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs in with username and password (console form and API Basic alike), and keeps
 * console sessions honest on every request.
 *
 * <p>
 * No answer tells which accounts exist: an unknown username costs the same password hash
 * (against a dummy hash) and gets the same refusal as a wrong password, and its failures
 * pause it just as a real account's do ({@link SignInBackOff}, in the database). A paused
 * account or address is refused before its password counts, so guessing goes nowhere
 * while it is paused, and the refusal ({@link SignInPaused}) says until when. Only a
 * correct password learns that an account is disabled or its contract has ended.
 */
@Component
class PasswordSignIn implements AuthenticationProvider, SignedInGuard {

	private static final String BAD_CREDENTIALS = "account.login.failed";

	private final AccountRepository accounts;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final String dummyHash;

	private final SignInBackOff backOff;

	PasswordSignIn(AccountRepository accounts, PasswordEncoder encoder, PasswordPolicy policy, Clock clock,
			TransactionTemplate transaction, ApplicationEventPublisher events, SignInBackOff backOff) {
		this.backOff = backOff;
		this.accounts = accounts;
		this.encoder = encoder;
		this.policy = policy;
		this.clock = clock;
		this.transaction = transaction;
		this.events = events;
		this.dummyHash = encoder.encode("no account has this password " + System.nanoTime());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	@Override
	public Authentication authenticate(Authentication request) {
		String username = request.getName() == null ? "" : request.getName().strip();
		String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
		String address = (request.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
		Instant now = clock.instant();
		// A paused address is refused before anything is looked up or hashed.
		Instant addressPaused = (address != null) ? backOff.pausedUntil(SignInBackOff.address(address), now) : null;
		if (addressPaused != null) {
			throw new SignInPaused(addressPaused);
		}
		Optional<Account> found = username.isEmpty() || username.length() > 64 ? Optional.empty()
				: accounts.findByUsername(username);
		if (found.isEmpty()) {
			encoder.matches(password, dummyHash);
			String name = username.length() > 64 ? username.substring(0, 64) : username;
			Instant namePaused = backOff.pausedUntil(SignInBackOff.name(name), now);
			if (namePaused != null) {
				throw new SignInPaused(namePaused);
			}
			Instant until = transaction
				.execute(status -> later(backOff.unknownNameFailed(name, now), addressFailed(address, now)));
			throw (until != null) ? new SignInPaused(until) : badCredentials();
		}
		Account account = found.get();
		boolean matches = encoder.matches(password, account.passwordHash());
		if (account.isLockedAt(now)) {
			throw new SignInPaused(account.lockedUntil());
		}
		if (!matches) {
			Instant until = transaction.execute(status -> {
				int failures = accounts.recordFailure(account.id(), now, backOff.forgottenBefore(now));
				Duration pause = backOff.accountRules().pauseAfter(failures);
				Instant accountPaused = null;
				if (!pause.isZero()) {
					accountPaused = now.plus(pause);
					accounts.pause(account.id(), accountPaused);
					events.publishEvent(new Audited("account.lock", "account", account.id().toString(),
							account.organizationCode(), "failedAttempts=" + failures,
							"lockedUntil=" + accountPaused + ", lockedFor=" + pause));
				}
				return later(accountPaused, addressFailed(address, now));
			});
			throw (until != null) ? new SignInPaused(until) : badCredentials();
		}
		if (!account.enabled()) {
			throw new DisabledException("account.login.disabled");
		}
		if (account.contractEndedAt(now)) {
			throw new AccountExpiredException("account.login.contractEnded");
		}
		accounts.recordSuccess(account.id());
		if (encoder.upgradeEncoding(account.passwordHash())) {
			accounts.rehash(account.id(), encoder.encode(password));
		}
		return signedIn(account, now);
	}

	/**
	 * Counts the failure of an address, in the caller's transaction, and audits the pause
	 * it starts (under the national federation: an address belongs to no organisation).
	 */
	private Instant addressFailed(String address, Instant now) {
		if (address == null) {
			return null;
		}
		Instant until = backOff.addressFailed(address, now);
		if (until != null) {
			events.publishEvent(new Audited("sign-in.address-paused", "address", address,
					OrganizationTree.NATIONAL_CODE, null, "pausedUntil=" + until));
		}
		return until;
	}

	private static Instant later(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

	/**
	 * A console session re-read: {@code null} when its account was disabled, locked,
	 * removed or its contract ended; otherwise the sign-in with today's roles and
	 * password state.
	 */
	@Override
	public Authentication refresh(Authentication signedIn) {
		if (!(signedIn.getPrincipal() instanceof AccountPrincipal principal)) {
			return null;
		}
		Instant now = clock.instant();
		return accounts.findById(principal.accountId())
			.filter(account -> account.enabled() && !account.isLockedAt(now) && !account.contractEndedAt(now))
			.map(account -> signedIn(account, now))
			.orElse(null);
	}

	private UsernamePasswordAuthenticationToken signedIn(Account account, Instant now) {
		boolean current = !account.mustChangePassword() && !policy.isExpired(account.passwordChangedAt(), now);
		return UsernamePasswordAuthenticationToken.authenticated(new AccountPrincipal(account), null,
				AccountPrincipal.authorities(account.roles(), current, null));
	}

	private static BadCredentialsException badCredentials() {
		return new BadCredentialsException(BAD_CREDENTIALS);
	}

}
