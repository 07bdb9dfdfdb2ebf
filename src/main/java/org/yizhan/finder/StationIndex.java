package org.yizhan.finder;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.calendar.OpenStatus;
import org.yizhan.geo.GeoPoint;

/**
 * Listed stations in memory, bucketed in a grid of {@value #CELL_DEGREES}° cells (about
 * 1.1 km north–south), answering "k nearest within r that match" by visiting rings of
 * cells outwards from the origin's cell and stopping as soon as no unvisited cell can
 * hold anything nearer than the k-th station found.
 *
 * <p>
 * Readers never lock: each cell is an immutable array that a writer replaces whole, so a
 * query sees every cell either before or after a change. Writers are serialised. A
 * station moving to another cell is added to the new cell before it leaves the old one,
 * so a concurrent query may meet it twice (it is counted once) but never misses it.
 *
 * <p>
 * Filters run cheapest first: amenities (one AND on a bit set), host type, distance, and
 * only then the opening hours, for candidates that would make the top k.
 */
class StationIndex {

	static final double CELL_DEGREES = 0.01;

	private static final double METERS_PER_DEGREE = Math.toRadians(1) * 6_371_008.8;

	private static final IndexedStation[] EMPTY = new IndexedStation[0];

	private final Map<Long, IndexedStation[]> cells = new ConcurrentHashMap<>();

	private final Map<Long, IndexedStation> byId = new ConcurrentHashMap<>();

	private final Object writeLock = new Object();

	/** Adds a station or replaces the one with its id. */
	void put(IndexedStation station) {
		synchronized (writeLock) {
			IndexedStation previous = byId.get(station.id());
			long cell = cellOf(station.lat(), station.lon());
			cells.compute(cell, (key, members) -> with(members, station));
			byId.put(station.id(), station);
			if (previous != null) {
				long previousCell = cellOf(previous.lat(), previous.lon());
				if (previousCell != cell) {
					cells.computeIfPresent(previousCell, (key, members) -> without(members, station.id()));
				}
			}
		}
	}

	void remove(long id) {
		synchronized (writeLock) {
			IndexedStation previous = byId.remove(id);
			if (previous != null) {
				cells.computeIfPresent(cellOf(previous.lat(), previous.lon()), (key, members) -> without(members, id));
			}
		}
	}

	IndexedStation get(long id) {
		return byId.get(id);
	}

	int size() {
		return byId.size();
	}

	Collection<IndexedStation> all() {
		return byId.values();
	}

	List<NearbyStation> nearby(NearbyQuery query, HolidayCalendar calendar) {
		double lat = query.origin().lat();
		double lon = query.origin().lon();
		long amenityMask = IndexedStation.bits(query.amenities());
		boolean anyHostType = query.hostTypes().isEmpty();
		TopK best = new TopK(query.limit());
		double radius = query.radiusMeters();
		// The narrowest a cell can get within reach: east-west cells shrink with the
		// cosine of
		// the latitude, so measure them at the latitude farthest from the equator in
		// range.
		double farthestLat = Math.min(89.9, Math.abs(lat) + radius / METERS_PER_DEGREE + CELL_DEGREES);
		double narrowestCell = CELL_DEGREES * METERS_PER_DEGREE * Math.cos(Math.toRadians(farthestLat));
		int maxRing = (int) Math.ceil(radius / narrowestCell) + 1;
		long centerRow = (long) Math.floor(lat / CELL_DEGREES);
		long centerColumn = (long) Math.floor(lon / CELL_DEGREES);
		for (int ring = 0; ring <= maxRing; ring++) {
			// A cell in ring r is at least r - 1 whole cells away; the 0.999 absorbs the
			// few
			// micrometres by which a great circle undercuts a parallel over a few
			// kilometres.
			double nearestPossible = (ring - 1) * narrowestCell * 0.999;
			if (nearestPossible > radius || (best.isFull() && nearestPossible > best.worstDistance())) {
				break;
			}
			for (long row = centerRow - ring; row <= centerRow + ring; row++) {
				boolean edgeRow = row == centerRow - ring || row == centerRow + ring;
				long step = edgeRow ? 1 : 2L * ring;
				for (long column = centerColumn - ring; column <= centerColumn + ring; column += Math.max(1, step)) {
					IndexedStation[] members = cells.get(key(row, column));
					if (members != null) {
						scan(members, lat, lon, amenityMask, anyHostType, query, calendar, best);
					}
				}
			}
		}
		return best.sorted();
	}

	private static void scan(IndexedStation[] members, double lat, double lon, long amenityMask, boolean anyHostType,
			NearbyQuery query, HolidayCalendar calendar, TopK best) {
		LocalDateTime openAt = query.openAt();
		for (IndexedStation station : members) {
			if ((station.amenityBits() & amenityMask) != amenityMask) {
				continue;
			}
			if (!anyHostType && !query.hostTypes().contains(station.hostType())) {
				continue;
			}
			double distance = GeoPoint.distanceMeters(lat, lon, station.lat(), station.lon());
			if (distance > query.radiusMeters() || !best.wouldAccept(distance, station.id())) {
				continue;
			}
			if (openAt != null && station.schedule().statusAt(openAt, calendar) != OpenStatus.OPEN) {
				continue;
			}
			best.offer(station, distance);
		}
	}

	/** Every station inside the box (south-west to north-east corner, WGS-84). */
	List<IndexedStation> inBox(double south, double west, double north, double east) {
		List<IndexedStation> inside = new ArrayList<>();
		long cellCount = (long) (Math.floor(north / CELL_DEGREES) - Math.floor(south / CELL_DEGREES) + 1)
				* (long) (Math.floor(east / CELL_DEGREES) - Math.floor(west / CELL_DEGREES) + 1);
		if (cellCount > cells.size()) {
			// A box wider than the occupied cells: walking the stations is cheaper than
			// the grid.
			for (IndexedStation station : byId.values()) {
				if (contains(station, south, west, north, east)) {
					inside.add(station);
				}
			}
			return inside;
		}
		for (long row = (long) Math.floor(south / CELL_DEGREES); row <= (long) Math
			.floor(north / CELL_DEGREES); row++) {
			for (long column = (long) Math.floor(west / CELL_DEGREES); column <= (long) Math
				.floor(east / CELL_DEGREES); column++) {
				IndexedStation[] members = cells.get(key(row, column));
				if (members != null) {
					for (IndexedStation station : members) {
						if (contains(station, south, west, north, east)) {
							inside.add(station);
						}
					}
				}
			}
		}
		return inside;
	}

	private static boolean contains(IndexedStation station, double south, double west, double north, double east) {
		return station.lat() >= south && station.lat() <= north && station.lon() >= west && station.lon() <= east;
	}

	static long cellOf(double lat, double lon) {
		return key((long) Math.floor(lat / CELL_DEGREES), (long) Math.floor(lon / CELL_DEGREES));
	}

	private static long key(long row, long column) {
		return (row << 32) ^ (column & 0xFFFF_FFFFL);
	}

	private static IndexedStation[] with(IndexedStation[] members, IndexedStation station) {
		IndexedStation[] current = members == null ? EMPTY : members;
		for (int i = 0; i < current.length; i++) {
			if (current[i].id() == station.id()) {
				IndexedStation[] replaced = current.clone();
				replaced[i] = station;
				return replaced;
			}
		}
		IndexedStation[] grown = Arrays.copyOf(current, current.length + 1);
		grown[current.length] = station;
		return grown;
	}

	private static IndexedStation[] without(IndexedStation[] members, long id) {
		int at = -1;
		for (int i = 0; i < members.length; i++) {
			if (members[i].id() == id) {
				at = i;
				break;
			}
		}
		if (at < 0) {
			return members;
		}
		if (members.length == 1) {
			return null;
		}
		IndexedStation[] shrunk = new IndexedStation[members.length - 1];
		System.arraycopy(members, 0, shrunk, 0, at);
		System.arraycopy(members, at + 1, shrunk, at, members.length - at - 1);
		return shrunk;
	}

	/**
	 * The best k so far, ordered by distance and then id (so equal distances always come
	 * out in the same order). Small k: insertion into a sorted array beats a heap.
	 */
	static final class TopK {

		private final IndexedStation[] stations;

		private final double[] distances;

		private int size;

		TopK(int k) {
			this.stations = new IndexedStation[k];
			this.distances = new double[k];
		}

		boolean isFull() {
			return size == stations.length;
		}

		double worstDistance() {
			return distances[size - 1];
		}

		boolean wouldAccept(double distance, long id) {
			return !isFull() || before(distance, id, distances[size - 1], stations[size - 1].id());
		}

		void offer(IndexedStation station, double distance) {
			for (int i = 0; i < size; i++) {
				if (stations[i].id() == station.id()) {
					return;
				}
			}
			int at = size < stations.length ? size : size - 1;
			while (at > 0 && before(distance, station.id(), distances[at - 1], stations[at - 1].id())) {
				if (at < stations.length) {
					stations[at] = stations[at - 1];
					distances[at] = distances[at - 1];
				}
				at--;
			}
			stations[at] = station;
			distances[at] = distance;
			if (size < stations.length) {
				size++;
			}
		}

		private static boolean before(double distance, long id, double otherDistance, long otherId) {
			return distance < otherDistance || (distance == otherDistance && id < otherId);
		}

		List<NearbyStation> sorted() {
			List<NearbyStation> result = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				result.add(new NearbyStation(stations[i], distances[i]));
			}
			return result;
		}

	}

}
