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
 */
public record ResponsibilityChain(AccountSummary stationMaster, AccountSummary liaison,
		AccountSummary generalStationMaster, Organization supervisingUnion, long version) {

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
