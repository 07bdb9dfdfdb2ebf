package org.yizhan.finder.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.finder.IndexedStation;
import org.yizhan.geo.Crs;
import org.yizhan.geo.CrsPoint;
import org.yizhan.geo.GeoPoint;

/**
 * Server-side clustering for zoomed-out maps: stations are grouped by a grid a quarter of
 * a map tile wide at the requested zoom, and each group is drawn as one marker with a
 * count at the mean position of its members. A phone then receives dozens of clusters
 * instead of thousands of stations.
 */
final class ViewportClusters {

	static final int INDIVIDUAL_FROM_ZOOM = 14;

	static final int MAX_INDIVIDUAL = 300;

	private ViewportClusters() {
	}

	record Cluster(double lat, double lon, String crs, int count) {
	}

	static List<Cluster> of(List<IndexedStation> stations, int zoom, Crs crs) {
		double cellDegrees = 360.0 / (1L << zoom) / 4;
		Map<Long, double[]> sums = new HashMap<>();
		for (IndexedStation station : stations) {
			long key = (((long) Math.floor(station.lat() / cellDegrees)) << 32)
					^ (((long) Math.floor(station.lon() / cellDegrees)) & 0xFFFF_FFFFL);
			double[] sum = sums.computeIfAbsent(key, k -> new double[3]);
			sum[0] += station.lat();
			sum[1] += station.lon();
			sum[2]++;
		}
		List<Cluster> clusters = new ArrayList<>(sums.size());
		for (double[] sum : sums.values()) {
			CrsPoint centre = CrsPoint.of(GeoPoint.of(sum[0] / sum[2], sum[1] / sum[2]), crs);
			clusters.add(new Cluster(Math.round(centre.lat() * 1e6) / 1e6, Math.round(centre.lon() * 1e6) / 1e6,
					crs.code(), (int) sum[2]));
		}
		clusters.sort((a, b) -> Integer.compare(b.count(), a.count()));
		return clusters;
	}

}
