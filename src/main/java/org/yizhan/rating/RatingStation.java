package org.yizhan.rating;

import java.time.LocalDate;

import org.yizhan.station.StationId;
import org.yizhan.station.StationStatus;

/**
 * A station as its QR code's page shows it: what the poster on its wall already says, and
 * whether it takes ratings now.
 *
 * @param expectedReopening when a suspended station expects to reopen, else {@code null}
 */
public record RatingStation(StationId id, String code, String name, String address, StationStatus status,
		LocalDate expectedReopening) {

	/** Only a listed station takes ratings: the others are closed or not open yet. */
	public boolean takesRatings() {
		return status == StationStatus.LISTED;
	}

}
