package org.yizhan.rating;

/** What a scanned QR code leads to: a station, or a refusal and why. */
public sealed interface RatingCode permits RatingCode.Valid, RatingCode.Refused {

	/** A genuine code of a station, whatever the station's status. */
	record Valid(RatingStation station) implements RatingCode {

	}

	/** A code that leads nowhere. */
	record Refused(Reason reason) implements RatingCode {

	}

	/** Why a code is refused. */
	enum Reason {

		/** Not one of our codes: damaged, mistyped or made up. */
		MALFORMED,
		/** Shaped like ours but not signed by us: altered or forged. */
		FORGED,
		/** Ours, but replaced by a newer poster longer ago than the grace period. */
		EXPIRED,
		/**
		 * Signed by us for a station that does not exist (never issued by this system).
		 */
		UNKNOWN_STATION

	}

}
