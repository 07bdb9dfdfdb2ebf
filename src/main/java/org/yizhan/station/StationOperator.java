package org.yizhan.station;

import org.yizhan.organization.AccountSummary;

/**
 * The operator running a station under a contract in force, and the person who answers
 * for it: the first holder of the station's cases.
 *
 * @param contractId the contract
 * @param name the operator (a property company)
 * @param contact the operator's account that receives the cases
 */
public record StationOperator(long contractId, String name, AccountSummary contact) {

}
