package org.yizhan.platform.web;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.geo.Crs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The background map of every page: a Leaflet tile URL template and, crucially, the
 * coordinate system its tiles are drawn in. Amap's tiles are in GCJ-02, so a station
 * stored in WGS-84 has to be shifted by a few hundred metres before it is drawn on them;
 * pages ask the server for coordinates in {@link #crs()} and send pins back in it.
 *
 * <p>
 * {@code yizhan.map.preset} picks {@code osm} (WGS-84; the default, and the demo's) or
 * {@code amap} (GCJ-02; the {@code prod} profile's, a deployment in China);
 * {@code yizhan.map.tile-url}, {@code tile-crs}, {@code attribution} and
 * {@code subdomains} override the preset for any other provider; {@code approval-number}
 * (审图号, e.g. {@code 审图号：GS(2024)1234号}) is shown after the credits on every map;
 * {@code center-lat}, {@code center-lon} and {@code zoom} set where an empty map opens.
 */
@Component
public class MapTiles {

	private static final Logger LOG = LoggerFactory.getLogger(MapTiles.class);

	private final String urlTemplate;

	private final Crs crs;

	private final String attribution;

	private final String subdomains;

	private final double centerLat;

	private final double centerLon;

	private final int zoom;

	MapTiles(@Value("${yizhan.map.preset:osm}") String preset, @Value("${yizhan.map.tile-url:}") String tileUrl,
			@Value("${yizhan.map.tile-crs:}") String tileCrs, @Value("${yizhan.map.attribution:}") String attribution,
			@Value("${yizhan.map.subdomains:}") String subdomains,
			@Value("${yizhan.map.center-lat:30.2741}") double centerLat,
			@Value("${yizhan.map.center-lon:120.1551}") double centerLon, @Value("${yizhan.map.zoom:11}") int zoom,
			@Value("${yizhan.map.approval-number:}") String approvalNumber) {
		Preset base = switch (preset.strip().toLowerCase(Locale.ROOT)) {
			case "amap" -> Preset.AMAP;
			case "osm" -> Preset.OSM;
			default -> throw new IllegalArgumentException("yizhan.map.preset must be osm or amap, not " + preset);
		};
		this.urlTemplate = StringUtils.hasText(tileUrl) ? tileUrl : base.url;
		// Baidu's tiles are not only shifted (BD-09) but cut in a projection of their
		// own, which
		// Leaflet cannot draw without a custom CRS; only WGS-84 and GCJ-02 tile sets are
		// supported.
		this.crs = StringUtils.hasText(tileCrs)
				? Crs.fromCode(tileCrs)
					.filter(crs -> crs != Crs.BD09)
					.orElseThrow(() -> new IllegalArgumentException("yizhan.map.tile-crs must be wgs84 or gcj02"))
				: base.crs;
		String credits = StringUtils.hasText(attribution) ? attribution : base.attribution;
		// A map published in China carries its approval number (审图号) from the tile
		// provider or the surveying authority; it belongs beside the credits on every
		// map.
		this.attribution = StringUtils.hasText(approvalNumber) ? credits + " | " + approvalNumber.strip() : credits;
		if (this.crs == Crs.GCJ02 && !StringUtils.hasText(approvalNumber)) {
			// GCJ-02 tiles are a Chinese provider's, published in China: say what is
			// missing rather than refuse to start a deployment still waiting for its
			// number.
			LOG.warn("Map tiles in GCJ-02 ({}) without yizhan.map.approval-number: maps published in China must "
					+ "carry their approval number (审图号); set it to the one of these tiles", urlTemplate);
		}
		this.subdomains = StringUtils.hasText(subdomains) ? subdomains : base.subdomains;
		this.centerLat = centerLat;
		this.centerLon = centerLon;
		this.zoom = zoom;
	}

	private enum Preset {

		OSM("https://tile.openstreetmap.org/{z}/{x}/{y}.png", Crs.WGS84, "© OpenStreetMap contributors", "abc"),
		AMAP("https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}",
				Crs.GCJ02, "© 高德地图 AutoNavi", "1234");

		final String url;

		final Crs crs;

		final String attribution;

		final String subdomains;

		Preset(String url, Crs crs, String attribution, String subdomains) {
			this.url = url;
			this.crs = crs;
			this.attribution = attribution;
			this.subdomains = subdomains;
		}

	}

	public String urlTemplate() {
		return urlTemplate;
	}

	public Crs crs() {
		return crs;
	}

	public String attribution() {
		return attribution;
	}

	public String subdomains() {
		return subdomains;
	}

	/**
	 * Where a map with nothing on it opens, in {@link #crs()} (default: the demo city,
	 * Hangzhou).
	 */
	public double centerLat() {
		return centerLat;
	}

	public double centerLon() {
		return centerLon;
	}

	public int zoom() {
		return zoom;
	}

}
