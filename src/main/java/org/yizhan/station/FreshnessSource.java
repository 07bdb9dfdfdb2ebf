package org.yizhan.station;

/**
 * The fresh signal a station's "last confirmed" time comes from: each says someone was at
 * the station, or answers for it, at that time.
 */
public enum FreshnessSource {

	/** No signal yet: the station's last change of status in the registry. */
	REGISTRY,
	/** A counted rating from the station's QR code (a held one is no proof). */
	RATING,
	/** A worker's one-tap check-in on the station's QR page. */
	CHECK_IN,
	/** An inspection of the station, as soon as the station's side may know of it. */
	INSPECTION,
	/**
	 * Its host, station master or a union admin over it confirmed it open with its hours.
	 */
	CONFIRMATION,
	/**
	 * A smart station's door device called in, with an entry or its heartbeat: its
	 * self-service door works.
	 */
	DOOR,
	/**
	 * A worker, asked after a rating whether the station's hours or one of its services
	 * are still as listed, said yes.
	 */
	PROMPT

}
