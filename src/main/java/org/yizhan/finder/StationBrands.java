package org.yizhan.finder;

import java.util.Optional;

/**
 * What a module that brands stations tells the finder's station page: the brand a station
 * carries, e.g. a partner programme's "一平米温暖爱心驿站". Declared here and implemented
 * elsewhere as a bean, as {@link StationActivities} is, so that the finder knows nothing
 * of programmes. Asked by the station's page only, never by the in-memory searches.
 */
public interface StationBrands {

	/** The station's brand, if it carries one. */
	Optional<StationBrand> brandOf(long stationId);

	/**
	 * A brand as a worker reads it.
	 *
	 * @param name the brand, shown beside the station's name
	 * @param signText the text of the station's unified sign
	 */
	record StationBrand(String name, String signText) {
	}

}
