package org.yizhan.rating.web;

import java.util.List;

import org.yizhan.rating.RatingInput;

/** A rating as the page (or an app) posts it to {@code POST /api/v1/ratings}. */
record RatingRequest(String token, Integer stars, List<String> tags, String category, String comment, String deviceId,
		String fingerprint, Location location) {

	/** Where the phone says it is; never stored or logged. */
	record Location(Double lat, Double lon, String crs) {

		@Override
		public String toString() {
			return "Location[withheld]";
		}

	}

	RatingInput toInput() {
		return new RatingInput(token, stars, tags, category, comment, deviceId, fingerprint,
				(location == null) ? null : new RatingInput.Location(location.lat(), location.lon(), location.crs()));
	}

	@Override
	public String toString() {
		return "RatingRequest[stars=" + stars + ", tags=" + tags + "]";
	}

}
