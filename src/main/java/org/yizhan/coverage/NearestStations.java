package org.yizhan.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.geo.GeoPoint;

/**
 * The listed stations bucketed on a grid's projection, for the nearest one to many sites:
 * 40,000 applications against thousands of stations would be a hundred million distances
 * one by one. Rings of buckets are searched outwards until no nearer station can be in
 * the next ring, up to {@link CoverageAnalysis#NEIGHBOUR_SEARCH_METERS}; the distance
 * itself is great-circle.
 */
final class NearestStations {

	private static final double BUCKET_METERS = 1000;

	private final AreaGrid grid;

	private final ListedStations.Snapshot stations;

	private final Map<Long, List<Integer>> buckets = new HashMap<>();

	NearestStations(AreaGrid grid, ListedStations.Snapshot stations) {
		this.grid = grid;
		this.stations = stations;
		for (int s = 0; s < stations.size(); s++) {
			this.buckets
				.computeIfAbsent(key(bucket(grid.x(stations.lons()[s])), bucket(grid.y(stations.lats()[s]))),
						k -> new ArrayList<>())
				.add(s);
		}
	}

	/** The index of the nearest station within the search distance, or -1. */
	int nearest(double lat, double lon, double[] meters) {
		long bx = bucket(this.grid.x(lon));
		long by = bucket(this.grid.y(lat));
		int rings = (int) Math.ceil(CoverageAnalysis.NEIGHBOUR_SEARCH_METERS / BUCKET_METERS);
		int nearest = -1;
		double best = Double.POSITIVE_INFINITY;
		for (int ring = 0; ring <= rings; ring++) {
			// a station in ring k is at least (k - 1) buckets away
			if (nearest >= 0 && best <= (ring - 1) * BUCKET_METERS) {
				break;
			}
			for (long i = bx - ring; i <= bx + ring; i++) {
				for (long j = by - ring; j <= by + ring; j++) {
					if (Math.max(Math.abs(i - bx), Math.abs(j - by)) != ring) {
						continue;
					}
					for (int s : this.buckets.getOrDefault(key(i, j), List.of())) {
						double d = GeoPoint.distanceMeters(lat, lon, this.stations.lats()[s], this.stations.lons()[s]);
						if (d < best) {
							best = d;
							nearest = s;
						}
					}
				}
			}
		}
		if (nearest < 0 || best > CoverageAnalysis.NEIGHBOUR_SEARCH_METERS) {
			return -1;
		}
		meters[0] = best;
		return nearest;
	}

	private static long bucket(double metres) {
		return (long) Math.floor(metres / BUCKET_METERS);
	}

	private static long key(long i, long j) {
		return (i << 32) ^ (j & 0xffffffffL);
	}

}
