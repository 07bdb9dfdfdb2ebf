package org.yizhan.operations;

import java.time.LocalDate;
import java.util.List;

/**
 * An operator's contract as it comes from a form or the API, checked by
 * {@link Operators#sign}.
 *
 * @param operator the operator's name (a property company, 1–60 characters)
 * @param contact the id of the operator's account that receives the station's cases
 * @param startsOn the contract's first day
 * @param endsOn its last day: at most ten years on
 * @param duties {@link OperatorDuty} names, at least one
 */
public record OperatorContractInput(String operator, Long contact, LocalDate startsOn, LocalDate endsOn,
		List<String> duties) {

}
