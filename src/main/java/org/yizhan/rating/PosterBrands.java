package org.yizhan.rating;

import java.util.Optional;

/**
 * What a module that brands stations tells the QR poster: the sign text its red band
 * carries instead of the generic 工会户外劳动者服务站点, e.g. a partner programme's "一平米温暖爱心驿站".
 * Declared here and implemented elsewhere as a bean, as {@link QrPageAction} is
 * contributed, so that this module knows nothing of programmes.
 */
public interface PosterBrands {

	/** The band's text for the station, if it carries a brand. */
	Optional<String> bandOf(long stationId);

}
