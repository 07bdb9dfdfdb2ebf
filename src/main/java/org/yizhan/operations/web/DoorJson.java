package org.yizhan.operations.web;

import java.time.Instant;

import org.yizhan.operations.DoorDevice;

/** The API's shape of a door device; never its secret, except once at registration. */
record DoorJson(long id, long stationId, String stationCode, String name, int heartbeatSeconds, String status,
		Instant lastSeenAt, Instant silentSince, String caseNumber) {

	static DoorJson of(DoorDevice d) {
		return new DoorJson(d.id(), d.stationId(), d.stationCode(), d.name(), d.heartbeatSeconds(), d.status(),
				d.lastSeenAt(), d.silentSince(), d.caseNumber());
	}

	/** A device just registered, with its secret: shown this once. */
	record Registered(DoorJson device, String secret) {
	}

}
