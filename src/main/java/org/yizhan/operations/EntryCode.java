package org.yizhan.operations;

import java.time.Instant;

/**
 * An entry code issued to a worker's phone for one door of a station.
 *
 * @param deviceId the door
 * @param doorName what the station calls it
 * @param code the code, to be shown as a QR code ({@link EntryCodes})
 * @param expiresAt when it stops opening the door
 */
public record EntryCode(long deviceId, String doorName, String code, Instant expiresAt) {

}
