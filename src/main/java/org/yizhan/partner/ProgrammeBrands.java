package org.yizhan.partner;

import java.util.Optional;

import org.yizhan.finder.StationBrands;
import org.yizhan.rating.PosterBrands;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The brand of a station's programme on the finder's station page, and its sign text on
 * the band of the station's QR poster. A station handed over to its union keeps its
 * programme's brand: the sign on its door does not change with who runs it.
 */
@Component
class ProgrammeBrands implements StationBrands, PosterBrands {

	private final JdbcClient jdbc;

	ProgrammeBrands(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<StationBrand> brandOf(long stationId) {
		return this.jdbc.sql("""
				select b.brand_name, b.sign_text from programme_station ps
				join programme_brand b on b.programme_id = ps.programme_id where ps.station_id = :station
				""")
			.param("station", stationId)
			.query((rs, n) -> new StationBrand(rs.getString("brand_name"), rs.getString("sign_text")))
			.optional();
	}

	@Override
	public Optional<String> bandOf(long stationId) {
		return brandOf(stationId).map(StationBrand::signText);
	}

}
