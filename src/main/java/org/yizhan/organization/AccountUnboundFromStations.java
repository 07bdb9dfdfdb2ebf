package org.yizhan.organization;

import java.util.Set;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * An admin took stations away from an account that ran them. Published inside the
 * account's transaction so that the station registry, in that same transaction, stops
 * naming the account as those stations' station master or liaison (listen with a plain
 * {@code @EventListener}): a chain should not send tickets to someone who no longer runs
 * the station. A general station master, named without being bound, stays.
 *
 * @param accountId the account
 * @param stationIds the stations it is no longer bound to
 */
@DomainEvent
public record AccountUnboundFromStations(long accountId, Set<Long> stationIds) {

	public AccountUnboundFromStations {
		stationIds = Set.copyOf(stationIds);
	}

}
