package org.yizhan.operations;

import java.time.Instant;

/**
 * What a door entry came to: counted as a visit, or the same ID card already counted at
 * the station within the period (recorded, not counted again).
 *
 * @param counted whether it added a visit
 * @param enteredAt the entry's time (the request's signed timestamp)
 */
public record DoorEntryReceipt(boolean counted, Instant enteredAt) {

}
