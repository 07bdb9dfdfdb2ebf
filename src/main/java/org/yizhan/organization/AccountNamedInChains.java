package org.yizhan.organization;

import java.util.Set;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * An admin bound an account to stations and, in the same action, named it at one place of
 * those stations' responsibility chains. Published inside the account's transaction so
 * that the station registry names it in that same transaction (listen with a plain
 * {@code @EventListener}): a refusal there undoes the binding too, and nothing is half
 * done.
 *
 * @param accountId the account, already saved with its bindings
 * @param place where in each chain it is named
 * @param stationIds the stations it is bound to
 */
@DomainEvent
public record AccountNamedInChains(long accountId, ChainPlace place, Set<Long> stationIds) {

	public AccountNamedInChains {
		stationIds = Set.copyOf(stationIds);
	}

}
