package org.yizhan.partner;

import java.time.Instant;

/**
 * A station of a programme: what a partner may know of it (no host contacts, no personal
 * data), and who runs it now.
 *
 * @param status the registry's status ({@code LISTED}, {@code SUSPENDED}, ...)
 */
public record ProgrammeStation(long stationId, String code, String name, String districtCode, String status,
		RunBy runBy, Instant joinedAt) {
}
