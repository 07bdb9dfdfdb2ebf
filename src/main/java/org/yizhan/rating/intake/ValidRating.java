package org.yizhan.rating.intake;

import java.util.Set;

import org.yizhan.geo.GeoPoint;
import org.yizhan.rating.RatingTag;
import org.yizhan.rating.WorkerCategory;
import org.yizhan.station.StationId;

/**
 * A rating that passed validation, its device and fingerprint already replaced by their
 * keyed hashes.
 *
 * @param category {@code null} when not given
 * @param comment stripped, {@code null} when empty
 * @param fingerprintHash {@code null} when not given
 * @param location where the phone says it is, in WGS-84, {@code null} when not sent; it
 * lives only until the "within 300 m" answer is known, and is never stored or logged
 */
public record ValidRating(StationId station, int stars, Set<RatingTag> tags, WorkerCategory category, String comment,
		byte[] deviceHash, byte[] fingerprintHash, GeoPoint location) {

	/** Reveals neither the hashes nor the position. */
	@Override
	public String toString() {
		return "ValidRating[station=" + station + ", stars=" + stars + ", tags=" + tags + "]";
	}

}
