package org.yizhan.organization.account;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.HostAccounts;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link HostAccounts} on the account table: the same account, password rules and audit
 * entry as {@link AccountAdministration#create}, for a reviewer who decided an
 * application rather than an admin filling in the account form.
 */
@Service
class HostAccountIssuer implements HostAccounts {

	private final AccountRepository accounts;

	private final OrganizationTree organizations;

	private final PasswordEncoder encoder;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	HostAccountIssuer(AccountRepository accounts, OrganizationTree organizations, PasswordEncoder encoder, Clock clock,
			ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.organizations = organizations;
		this.encoder = encoder;
		this.clock = clock;
		this.events = events;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public IssuedAccount issue(String username, String displayName, String hostName, String organizationCode,
			long stationId) {
		Actor actor = Actor.required();
		if (!actor.holds(Role.ORG_ADMIN) && !actor.holds(Role.REVIEWER)) {
			throw new ForbiddenException("account.forbidden");
		}
		Organization organization = this.organizations.findByCode(organizationCode)
			.filter(org -> actor.sees(org.path()))
			.orElseThrow(() -> new NotFoundException("organization.notFound", organizationCode));
		if (!AccountInputValidator.USERNAME.matcher(username).matches() || this.accounts.usernameTaken(username)) {
			throw new ConflictException("username", "account.username.taken", username);
		}
		String oneTimePassword = AccountAdministration.oneTimePassword();
		Instant now = this.clock.instant();
		Account account = new Account(null, username, displayName, organization.code(), organization.path(),
				EnumSet.of(Role.HOST), true, null, 0, this.encoder.encode(oneTimePassword), now, true, null, null, null,
				new TreeSet<>(List.of(stationId)), hostName, null, now, now, 0);
		long id = this.accounts.insert(account);
		Account created = this.accounts.findById(id).orElseThrow();
		this.events.publishEvent(new Audited("account.create", "account", created.id().toString(),
				created.organizationCode(), null, created.summary()));
		return new IssuedAccount(id, username, oneTimePassword);
	}

}
