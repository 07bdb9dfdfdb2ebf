package org.yizhan.station;

import java.time.Clock;

import org.yizhan.organization.DistrictMerged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows a district merge: the stations move to the successor in the merge's own
 * transaction, so a merge is never half done.
 */
@Component
class StationDistrictMoves {

	private final StationRepository stations;

	private final Clock clock;

	StationDistrictMoves(StationRepository stations, Clock clock) {
		this.stations = stations;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(DistrictMerged merged) {
		stations.moveDistrict(merged.districtCode(), merged.successorCode(), clock.instant());
	}

}
