package org.yizhan.organization.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account holder changes their own password: the current one proves it is them, the
 * new one must meet the {@link PasswordPolicy} and differ from the current one. This is
 * also how an expired or reset password is replaced.
 */
@Service
public class OwnPassword {

	private final AccountRepository accounts;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	OwnPassword(AccountRepository accounts, PasswordPolicy policy, PasswordEncoder encoder, Clock clock,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.policy = policy;
		this.encoder = encoder;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public void change(Actor actor, String currentPassword, String newPassword) {
		Account account = accounts.findById(actor.accountId())
			.orElseThrow(() -> new NotFoundException("account.notFound", actor.accountId()));
		List<Violation> violations = new ArrayList<>();
		if (currentPassword == null || currentPassword.isEmpty()) {
			violations.add(Violation.of("currentPassword", "validation.required"));
		}
		else if (!encoder.matches(currentPassword, account.passwordHash())) {
			violations.add(Violation.of("currentPassword", "account.password.currentWrong"));
		}
		violations.addAll(policy.check("newPassword", account.username(), newPassword));
		if (violations.isEmpty() && newPassword.equals(currentPassword)) {
			violations.add(Violation.of("newPassword", "account.password.unchanged"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Instant now = clock.instant();
		accounts.update(account.withPassword(encoder.encode(newPassword), false, now));
		events.publishEvent(
				new Audited("account.change-password", "account", account.id().toString(), account.organizationCode(),
						"passwordChangedAt=" + account.passwordChangedAt(), "passwordChangedAt=" + now));
	}

	public PasswordPolicy policy() {
		return policy;
	}

}
