package org.yizhan.organization.account;

import org.yizhan.organization.Audited;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.security.BearerToken;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records every refused sign-in in the audit log: a wrong password, an unknown user, a
 * locked or disabled account, an ended contract, a revoked or expired token. Each is its
 * own transaction, as the refusal itself changes nothing that could carry it.
 *
 * <p>
 * The entry names the login that was tried (for a token, never its value) and the reason;
 * it is filed under the account's organisation when the login exists, else under the
 * national federation, so that only national auditors read attempts on names that are no
 * account.
 */
@Component
class FailedSignInAudit {

	private final AccountRepository accounts;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	FailedSignInAudit(AccountRepository accounts, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager) {
		this.accounts = accounts;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent failure) {
		boolean token = failure.getAuthentication() instanceof BearerToken;
		String login = token ? "token" : failure.getAuthentication().getName();
		String reason = failure.getException().getClass().getSimpleName();
		this.transactions.executeWithoutResult(status -> {
			String organization = token ? OrganizationTree.NATIONAL_CODE
					: this.accounts.findByUsername(login)
						.map(Account::organizationCode)
						.orElse(OrganizationTree.NATIONAL_CODE);
			this.events.publishEvent(new Audited(token ? "account.token-refused" : "account.sign-in-failed",
					token ? "token" : "account", login, organization, null, "reason=" + reason));
		});
	}

}
