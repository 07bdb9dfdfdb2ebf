package org.yizhan.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.privacy.Masks;
import org.yizhan.platform.privacy.PersonalDataCipher;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hosts (承建单位 / 爱心商家 / 共建单位): one per unified social credit code. A host comes into
 * being with its first application, or when a union admin registers it (a bank the union
 * signed an agreement with before any branch applied); a second one with the same code is
 * refused (409). Staff read a host when it belongs to their subtree (the union that first
 * met it) or has a site there, and then see only the sites in their subtree.
 */
@Service
@Transactional
public class HostRegistry {

	private final ApplicationRepository repository;

	private final ApplicationValidator validator;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	HostRegistry(ApplicationRepository repository, ApplicationValidator validator, PersonalDataCipher cipher,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.validator = validator;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Registers a host at the caller's union, with a first contact.
	 * @throws ForbiddenException unless the caller is a union admin
	 * @throws InvalidInputException naming each wrong field
	 * @throws ConflictException when a host with the credit code exists
	 */
	public Host register(ApplicationInput.HostInput host, ApplicationInput.ContactInput given) {
		Actor actor = Actor.required();
		if (!actor.holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("onboarding.forbidden.registerHost");
		}
		List<Violation> violations = new ArrayList<>();
		ApplicationValidator.CheckedHost checked = this.validator.host(host, "host", true, violations);
		ApplicationValidator.CheckedContact contact = this.validator.contact(given, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		long id = this.repository
			.insertHost(checked.creditCode(), checked.name(), checked.kind(), actor.organizationCode(), now)
			.orElseThrow(() -> new ConflictException("host.creditCode", "onboarding.host.exists",
					checked.creditCode().value()));
		this.repository.insertContact(id, contact.name(), this.cipher.seal(contact.phone()),
				this.cipher.seal(contact.email()), now);
		this.events.publishEvent(new Audited("host.register", "host", checked.creditCode().value(),
				actor.organizationCode(), null, "name=" + checked.name() + "; kind=" + checked.kind()));
		return get(id);
	}

	/**
	 * A host the caller sees, its contacts masked and its sites in the caller's subtree.
	 * @throws ForbiddenException for a role that does not work with hosts
	 * @throws NotFoundException outside the caller's subtree
	 */
	@Transactional(readOnly = true)
	public Host get(long id) {
		Actor actor = Applications.reader();
		return this.repository
			.findHostVisible(id, actor.organizationPath(),
					row -> new Host.Contact(row[0], Masks.phone(this.cipher.open(row[1])),
							Masks.email(this.cipher.open(row[2]))))
			.orElseThrow(() -> new NotFoundException("onboarding.host.notFound", id));
	}

}
