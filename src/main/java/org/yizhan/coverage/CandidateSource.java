package org.yizhan.coverage;

/**
 * Where candidate sites for new stations come from.
 */
public enum CandidateSource {

	/** Places of host types (banks, petrol stations, toilets, …) from map data. */
	POI,

	/** Points an organisation uploaded. */
	UPLOADED

}
