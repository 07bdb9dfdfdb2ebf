package org.yizhan.operations;

import java.time.Instant;

/**
 * A smart station's door device as staff see it; never its secret.
 *
 * @param id the device's id, sent in the {@code X-Door-Device} header
 * @param stationId its station
 * @param stationCode the station's code
 * @param stationName the station's name
 * @param name what staff call it ("东门")
 * @param heartbeatSeconds how often it calls in at the latest
 * @param status {@code ONLINE}, {@code SILENT} or {@code RETIRED}
 * @param lastSeenAt when it last called in (or was registered)
 * @param silentSince when it was found silent, {@code null} while online
 * @param caseNumber the case opened for its last outage, if any
 */
public record DoorDevice(long id, long stationId, String stationCode, String stationName, String name,
		int heartbeatSeconds, String status, Instant lastSeenAt, Instant silentSince, String caseNumber) {

	public boolean silent() {
		return "SILENT".equals(this.status);
	}

}
