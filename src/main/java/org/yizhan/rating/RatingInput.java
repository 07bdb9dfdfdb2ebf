package org.yizhan.rating;

import java.util.List;

/**
 * A rating as a phone sends it, before validation: the scanned token and free values the
 * client may have got wrong. {@link Ratings#submit} refuses it with one violation per
 * field, named as in the JSON API ({@code tags[1]}, {@code location.crs}).
 *
 * @param token the token of the station's QR code
 * @param stars 1–5
 * @param tags names of {@link RatingTag}s, may be empty
 * @param category the name of a {@link WorkerCategory}, optional
 * @param comment free text of at most {@value Ratings#MAX_COMMENT} characters, optional
 * @param deviceId the long-lived random id the phone keeps (cookie {@code yz_device})
 * @param fingerprint a hash of the browser's stable traits, optional
 * @param location where the phone says it is, only to check "within 300 m"; optional
 */
public record RatingInput(String token, Integer stars, List<String> tags, String category, String comment,
		String deviceId, String fingerprint, Location location) {

	/**
	 * A position in a named coordinate system ({@code wgs84} when none is named, which is
	 * what browsers' geolocation gives).
	 */
	public record Location(Double lat, Double lon, String crs) {

		/** Reveals nothing: a position must never reach a log. */
		@Override
		public String toString() {
			return "Location[withheld]";
		}

	}

}
