package org.yizhan.organization.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.privacy.PersonalDataCipher;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account holder sets the e-mail address their notifications go to, or removes it.
 * Their own address only, and only with a password sign-in (the API's {@code /me} rule):
 * a leaked access token must not be able to redirect someone's mail.
 */
@Service
public class OwnEmail {

	private final AccountRepository accounts;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	OwnEmail(AccountRepository accounts, PersonalDataCipher cipher, Clock clock, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.cipher = cipher;
		this.clock = clock;
		this.events = events;
	}

	/** The actor's address in clear, for their own page to mask; empty when none. */
	@Transactional(readOnly = true)
	public Optional<String> find(Actor actor) {
		return Optional.ofNullable(cipher.open(load(actor).emailSealed()));
	}

	/**
	 * Sets the address; blank or {@code null} removes it.
	 * @throws InvalidInputException when the address is malformed
	 */
	@Transactional
	public void change(Actor actor, String email) {
		List<Violation> violations = new ArrayList<>();
		String address = AccountInputValidator.email(email, "email", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Account account = accounts.lockInSubtree(actor.accountId(), actor.organizationPath())
			.orElseThrow(() -> new NotFoundException("account.notFound", actor.accountId()));
		String before = account.emailSealed();
		if (Objects.equals(cipher.open(before), address)) {
			return;
		}
		accounts.update(account.withEmail(cipher.seal(address), clock.instant()));
		events.publishEvent(
				new Audited("account.change-email", "account", account.id().toString(), account.organizationCode(),
						"email=" + (before == null ? "none" : "set"), "email=" + (address == null ? "none" : "set")));
	}

	private Account load(Actor actor) {
		return accounts.findById(actor.accountId())
			.orElseThrow(() -> new NotFoundException("account.notFound", actor.accountId()));
	}

}
