package org.yizhan.finder.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yizhan.finder.IndexedStation;
import org.yizhan.geo.Crs;
import org.yizhan.geo.CrsPoint;

/**
 * Deep links that start riding navigation to a station in the map apps workers use, each
 * with the coordinates that app expects: Amap and Tencent read GCJ-02, Baidu reads BD-09.
 * The links are the apps' documented web URIs, which open the app when it is installed
 * and a web map otherwise.
 */
final class Navigation {

	private Navigation() {
	}

	static Map<String, String> links(IndexedStation station) {
		String name = URLEncoder.encode(station.name(), StandardCharsets.UTF_8);
		CrsPoint gcj = CrsPoint.of(station.location(), Crs.GCJ02);
		CrsPoint bd = CrsPoint.of(station.location(), Crs.BD09);
		Map<String, String> links = new LinkedHashMap<>();
		links.put("amap", "https://uri.amap.com/navigation?to=" + fixed(gcj.lon()) + "," + fixed(gcj.lat()) + "," + name
				+ "&mode=ride&coordinate=gaode&callnative=1&src=yizhan");
		links.put("baidu", "https://api.map.baidu.com/direction?destination=latlng:" + fixed(bd.lat()) + ","
				+ fixed(bd.lon()) + "|name:" + name + "&mode=riding&coord_type=bd09ll&output=html&src=yizhan");
		links.put("tencent", "https://apis.map.qq.com/uri/v1/routeplan?type=bike&to=" + name + "&tocoord="
				+ fixed(gcj.lat()) + "," + fixed(gcj.lon()) + "&referer=yizhan");
		return links;
	}

	/**
	 * Six decimals (about 0.1 m), written by hand: {@code String.format} made these links
	 * the most expensive part of a nearby answer.
	 */
	static String fixed(double degrees) {
		long micro = Math.round(Math.abs(degrees) * 1_000_000);
		String fraction = Long.toString(1_000_000 + micro % 1_000_000).substring(1);
		return (degrees < 0 && micro != 0 ? "-" : "") + (micro / 1_000_000) + "." + fraction;
	}

}
