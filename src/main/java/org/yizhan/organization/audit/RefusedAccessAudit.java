package org.yizhan.organization.audit;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.security.AccessRefused;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records every action refused to a signed-in caller (403) in the audit log: trying to
 * grant a role one does not hold, to change one's own roles, to act on a station one may
 * only read. Each is its own transaction: the refused use case rolled back its own, and
 * the attempt is worth keeping precisely because it did not happen.
 *
 * <p>
 * The entry is filed under the caller's own organisation (the target was refused, so it
 * is not looked up) with the request and the reason.
 */
@Component
class RefusedAccessAudit {

	private static final int MAX_TARGET = 60;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	RefusedAccessAudit(ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@EventListener
	void on(AccessRefused refused) {
		String organization = Actor.current().map(Actor::organizationCode).orElse(OrganizationTree.NATIONAL_CODE);
		String request = refused.method() + " " + refused.path();
		String target = (request.length() > MAX_TARGET) ? request.substring(0, MAX_TARGET) : request;
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new Audited("access.refused",
				"request", target, organization, null, "reason=" + refused.reason() + "; request=" + request)));
	}

}
