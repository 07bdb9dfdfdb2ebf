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
 *
 * <p>
 * The zoom is the caller's word, so it only refines: a box over all of China "at zoom 22"
 * is answered as the box's size says (clusters on a grid of at most
 * {@value #MAX_CELLS_ACROSS} cells across the box), not with every station of the country
 * (about 200 MB at national scale).
 */
final class ViewportClusters {

	static final int INDIVIDUAL_FROM_ZOOM = 14;

	static final int MAX_INDIVIDUAL = 300;

	/**
	 * The widest box (degrees of latitude or longitude) that zoom
	 * {@value #INDIVIDUAL_FROM_ZOOM} shows on a 2,560-pixel screen, with room to spare.
	 */
	static final double MAX_STREET_SPAN_DEGREES = 0.25;

	/** The most stations answered one by one, whatever the box and zoom. */
	static final int MAX_STREET_STATIONS = 2_000;

	static final int MAX_CELLS_ACROSS = 64;

	private ViewportClusters() {
	}

	record Cluster(double lat, double lon, String crs, int count) {
	}

	/**
	 * Whether a box spanning {@code spanDegrees} (its larger side) at {@code zoom} with
	 * {@code count} stations inside is answered station by station: few stations, or a
	 * street-sized box at street zoom.
	 */
	static boolean oneByOne(int count, double zoom, double spanDegrees) {
		return count <= MAX_INDIVIDUAL || (zoom >= INDIVIDUAL_FROM_ZOOM && spanDegrees <= MAX_STREET_SPAN_DEGREES
				&& count <= MAX_STREET_STATIONS);
	}

	static List<Cluster> of(List<IndexedStation> stations, int zoom, double spanDegrees, Crs crs) {
		double cellDegrees = Math.max(360.0 / (1L << Math.min(zoom, 30)) / 4, spanDegrees / MAX_CELLS_ACROSS);
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
