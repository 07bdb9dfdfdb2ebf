package org.yizhan.operations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A contract under which an operator (a property company) runs a station for the days it
 * covers: while it is in force the station's cases go to the operator's contact first,
 * then up the responsibility chain. Contracts of one station never overlap.
 *
 * @param id the contract
 * @param stationId its station
 * @param operator the operator's name
 * @param contactId the operator's account receiving the cases
 * @param contactName that account's name as people see it
 * @param startsOn the first day
 * @param endsOn the last day
 * @param duties what the operator answers for
 * @param signedAt when it was recorded
 * @param signedBy who recorded it
 */
public record OperatorContract(long id, long stationId, String operator, long contactId, String contactName,
		LocalDate startsOn, LocalDate endsOn, Set<OperatorDuty> duties, Instant signedAt, String signedBy) {

	public OperatorContract {
		duties = Set.copyOf(duties);
	}

	/** Whether the contract covers the day. */
	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(this.startsOn) && !day.isAfter(this.endsOn);
	}

}
