package org.yizhan.station;

import java.util.Optional;

import org.yizhan.platform.Explanation;

/**
 * A condition another module sets on listing a station (putting a draft on the public
 * map), declared here so that the registry stays the one owner of the lifecycle: the
 * registry asks every requirement inside the listing transaction, with the station
 * locked, and refuses the listing with 409 and the first refusal's explanation. The
 * standards module implements it with the checklist in force for the station's district
 * (ADR 0011). A requirement decides only whether: it changes nothing of the station and
 * calls no command of the registry (it may keep a record of its own, which commits or
 * rolls back with the listing).
 */
public interface ListingRequirement {

	/**
	 * Why {@code station}, a draft about to be listed, may not be listed; empty when this
	 * requirement does not stand in the way.
	 */
	Optional<Explanation> refusalToList(Station station);

}
