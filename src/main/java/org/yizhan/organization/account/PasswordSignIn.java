package org.yizhan.organization.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.yizhan.organization.Audited;
import org.yizhan.platform.security.SignedInGuard;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs in with username and password (console form and API Basic alike), and keeps
 * console sessions honest on every request.
 *
 * <p>
 * No answer tells which accounts exist: an unknown username costs the same password hash
 * (against a dummy hash) and gets the same refusal as a wrong password, and after
 * {@link PasswordPolicy#MAX_FAILED_ATTEMPTS} tries it reads "locked" just like a real
 * account does (counted in memory, per instance, for names that are no account). A locked
 * account is refused before its password is looked at, so guessing goes nowhere while it
 * is locked. Only a correct password learns that an account is disabled or its contract
 * has ended.
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

	private final Cache<String, Integer> unknownNameFailures = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(PasswordPolicy.LOCKOUT)
		.build();

	PasswordSignIn(AccountRepository accounts, PasswordEncoder encoder, PasswordPolicy policy, Clock clock,
			TransactionTemplate transaction, ApplicationEventPublisher events) {
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
		Instant now = clock.instant();
		Optional<Account> found = username.isEmpty() || username.length() > 64 ? Optional.empty()
				: accounts.findByUsername(username);
		if (found.isEmpty()) {
			encoder.matches(password, dummyHash);
			String key = username.toLowerCase(Locale.ROOT);
			int failures = unknownNameFailures.asMap().merge(key, 1, Integer::sum);
			throw failures >= PasswordPolicy.MAX_FAILED_ATTEMPTS ? locked() : badCredentials();
		}
		Account account = found.get();
		boolean matches = encoder.matches(password, account.passwordHash());
		if (account.isLockedAt(now)) {
			throw locked();
		}
		if (!matches) {
			boolean nowLocked = transaction.execute(status -> {
				boolean lockedNow = accounts.recordFailure(account.id(), now, now.plus(PasswordPolicy.LOCKOUT),
						PasswordPolicy.MAX_FAILED_ATTEMPTS);
				if (lockedNow) {
					events.publishEvent(new Audited("account.lock", "account", account.id().toString(),
							account.organizationCode(), "failedAttempts=" + (account.failedAttempts()),
							"lockedFor=" + PasswordPolicy.LOCKOUT));
				}
				return lockedNow;
			});
			throw nowLocked ? locked() : badCredentials();
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

	private static LockedException locked() {
		return new LockedException("account.login.locked");
	}

}
