package org.yizhan.rating;

import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;

/**
 * Takes in the ratings workers send by scanning a station's QR code: the use case behind
 * the public rating page and {@code POST /api/v1/ratings}.
 *
 * <p>
 * A rating is checked in the request (limits per client address and device, every field,
 * the signed token, the station's status, the opening hours and the optional location
 * check), then handed to the group-commit writer, which judges it with the anomaly rules
 * against the ratings already committed, stores it counted or held in one transaction
 * with the others of its batch, announces it ({@link RatingSubmitted}) in that
 * transaction, and commits; only then is the worker answered. A device rates a station at
 * most once a day: a second rating that day changes nothing and is answered "already
 * rated". Nothing is written for a refused rating.
 *
 * <p>
 * Ratings are anonymous: no account acts, so they are not written to the audit log (the
 * rating row is the record, and at thousands a second the log would drown in it). What an
 * admin later does with a held rating is audited by the review queue.
 */
public interface Ratings {

	/** The longest comment a rating may carry, in characters. */
	int MAX_COMMENT = 500;

	/** How near a phone must be to count as "at the station" (issue 5). */
	double NEAR_STATION_METERS = 300;

	/**
	 * What a scanned code leads to, for the rating page: never throws on a bad code.
	 */
	RatingCode openCode(String token);

	/**
	 * Takes a rating in; returns once it is committed (or known to be a repeat).
	 * @param clientAddress the address the request came from, for its rate limit
	 * @throws TooManyRatingsException past the limits of the address or the device
	 * @throws InvalidInputException for a bad token or value, naming each field
	 * @throws ConflictException when the station does not take ratings (suspended,
	 * delisted, not yet listed)
	 * @throws IntakeBusyException when the intake cannot take it now
	 */
	RatingReceipt submit(RatingInput input, String clientAddress);

}
