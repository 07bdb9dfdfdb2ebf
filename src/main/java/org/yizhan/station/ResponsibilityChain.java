package org.yizhan.station;

import java.util.Optional;

import org.yizhan.organization.AccountSummary;
import org.yizhan.organization.Organization;

/**
 * Who answers for a station, level by level (Qingdao's four-level responsibility): the
 * station master who runs it, the liaison, the general station master over several
 * stations, and the union that supervises. Problems escalate up this chain.
 *
 * @param stationMaster 站长, or {@code null} while none is named
 * @param liaison 联络员, or {@code null}
 * @param generalStationMaster 总站长, or {@code null}
 * @param supervisingUnion the supervising union; the station's district union until
 * another is named
 * @param version the chain's version, {@code 0} while it was never set
 * @param operator the operator under a contract in force today, or {@code null}: not part
 * of the chain's own record (a contract names it), so it does not change the version
 */
public record ResponsibilityChain(AccountSummary stationMaster, AccountSummary liaison,
		AccountSummary generalStationMaster, Organization supervisingUnion, long version, StationOperator operator) {

	/** A chain of a station that no operator runs. */
	public ResponsibilityChain(AccountSummary stationMaster, AccountSummary liaison,
			AccountSummary generalStationMaster, Organization supervisingUnion, long version) {
		this(stationMaster, liaison, generalStationMaster, supervisingUnion, version, null);
	}

	public Optional<StationOperator> findOperator() {
		return Optional.ofNullable(this.operator);
	}

	public Optional<AccountSummary> findStationMaster() {
		return Optional.ofNullable(this.stationMaster);
	}

	public Optional<AccountSummary> findLiaison() {
		return Optional.ofNullable(this.liaison);
	}

	public Optional<AccountSummary> findGeneralStationMaster() {
		return Optional.ofNullable(this.generalStationMaster);
	}

}
