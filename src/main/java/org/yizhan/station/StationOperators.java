package org.yizhan.station;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Who runs a station for its host under a contract (a property company, 托管), as a module
 * that keeps such contracts answers it: declared here so that the responsibility chain
 * can put the operator below the station master without the registry knowing contracts
 * (as {@link ListingRequirement} lets another module veto a listing). Without an
 * implementation no station has an operator.
 */
public interface StationOperators {

	/**
	 * The operator whose contract is in force at the station on the day, if any.
	 */
	Optional<StationOperator> findInForce(StationId station, LocalDate day);

}
