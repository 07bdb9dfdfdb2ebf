package org.yizhan.finder;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
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

	static final double CELL_DEGREES = 0.005;

	private static final double METERS_PER_DEGREE = Math.toRadians(1) * 6_371_008.8;

	private final Map<Long, Cell> cells = new ConcurrentHashMap<>();

	private final Map<Long, IndexedStation> byId = new ConcurrentHashMap<>();

	/**
	 * The version at which recently removed stations left, so that a slower reader
	 * holding an older copy cannot bring them back; cleared by each reconciliation, which
	 * needs none.
	 */
	private final Map<Long, Long> removedAt = new ConcurrentHashMap<>();

	private final Object writeLock = new Object();

	/** Adds a station or replaces the one with its id. */
	void put(IndexedStation station) {
		synchronized (writeLock) {
			IndexedStation previous = byId.get(station.id());
			long cell = cellOf(station.lat(), station.lon());
			cells.compute(cell, (key, members) -> Cell.with(members, station));
			byId.put(station.id(), station);
			if (previous != null) {
				long previousCell = cellOf(previous.lat(), previous.lon());
				if (previousCell != cell) {
					cells.computeIfPresent(previousCell, (key, members) -> members.without(station.id()));
				}
			}
		}
	}

	/**
	 * Adds or replaces a station unless the index already knows a newer version of it,
	 * present or removed: change events are applied asynchronously and may arrive out of
	 * order.
	 * @return whether the index changed
	 */
	boolean apply(IndexedStation station) {
		synchronized (writeLock) {
			IndexedStation current = byId.get(station.id());
			Long removed = removedAt.get(station.id());
			if ((current != null && current.version() > station.version())
					|| (removed != null && removed >= station.version())) {
				return false;
			}
			removedAt.remove(station.id());
			put(station);
			return true;
		}
	}

	/**
	 * Removes a station seen unlisted at {@code version}, unless the index holds a newer
	 * version of it.
	 */
	void retire(long id, long version) {
		synchronized (writeLock) {
			IndexedStation current = byId.get(id);
			if (current != null && current.version() > version) {
				return;
			}
			removedAt.merge(id, version, Math::max);
			remove(id);
		}
	}

	void forgetRemovals() {
		removedAt.clear();
	}

	void remove(long id) {
		synchronized (writeLock) {
			IndexedStation previous = byId.remove(id);
			if (previous != null) {
				cells.computeIfPresent(cellOf(previous.lat(), previous.lon()), (key, members) -> members.without(id));
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
		double eastWestScale = METERS_PER_DEGREE * Math.cos(Math.toRadians(farthestLat));
		double narrowestCell = CELL_DEGREES * eastWestScale;
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
				double northSouthGap = gap(lat, row) * METERS_PER_DEGREE;
				for (long column = centerColumn - ring; column <= centerColumn + ring; column += Math.max(1, step)) {
					Cell members = cells.get(key(row, column));
					if (members == null) {
						continue;
					}
					double eastWestGap = gap(lon, column) * narrowestCell / CELL_DEGREES;
					double nearest = Math.sqrt(northSouthGap * northSouthGap + eastWestGap * eastWestGap) * 0.999;
					if (nearest > radius || (best.isFull() && nearest > best.worstDistance())) {
						continue;
					}
					scan(members, lat, lon, eastWestScale, amenityMask, anyHostType, query, calendar, best);
				}
			}
		}
		return best.sorted();
	}

	/**
	 * Scans a cell outwards from the origin's latitude in both directions (members are
	 * sorted by latitude), stopping each way as soon as the latitude gap alone, a lower
	 * bound of the distance, exceeds the radius or the k-th distance found so far.
	 */
	private static void scan(Cell cell, double lat, double lon, double eastWestScale, long amenityMask,
			boolean anyHostType, NearbyQuery query, HolidayCalendar calendar, TopK best) {
		double[] lats = cell.lats;
		int split = Arrays.binarySearch(lats, lat);
		int up = split >= 0 ? split : -split - 1;
		int down = up - 1;
		while (up < lats.length || down >= 0) {
			double bound = best.isFull() ? Math.min(best.worstDistance(), query.radiusMeters()) : query.radiusMeters();
			boolean goUp = up < lats.length && (lats[up] - lat) * METERS_PER_DEGREE * 0.999 <= bound;
			boolean goDown = down >= 0 && (lat - lats[down]) * METERS_PER_DEGREE * 0.999 <= bound;
			if (!goUp && !goDown) {
				return;
			}
			if (goUp) {
				consider(cell, up++, lat, lon, eastWestScale, amenityMask, anyHostType, query, calendar, best);
			}
			else {
				up = lats.length;
			}
			if (goDown) {
				consider(cell, down--, lat, lon, eastWestScale, amenityMask, anyHostType, query, calendar, best);
			}
			else {
				down = -1;
			}
		}
	}

	/**
	 * @param eastWestScale metres per degree of longitude at the latitude in reach
	 * farthest from the equator, so the flat distance below never exceeds the
	 * great-circle one
	 */
	private static void consider(Cell cell, int i, double lat, double lon, double eastWestScale, long amenityMask,
			boolean anyHostType, NearbyQuery query, HolidayCalendar calendar, TopK best) {
		if ((cell.amenityBits[i] & amenityMask) != amenityMask) {
			return;
		}
		// A flat lower bound of the distance rules out most stations without
		// trigonometry.
		double northSouth = (cell.lats[i] - lat) * METERS_PER_DEGREE;
		double eastWest = (cell.lons[i] - lon) * eastWestScale;
		double bound = best.isFull() ? Math.min(best.worstDistance(), query.radiusMeters()) : query.radiusMeters();
		if ((northSouth * northSouth + eastWest * eastWest) * 0.998 > bound * bound) {
			return;
		}
		double distance = GeoPoint.distanceMeters(lat, lon, cell.lats[i], cell.lons[i]);
		IndexedStation station = cell.stations[i];
		if (distance > query.radiusMeters() || !best.wouldAccept(distance, station.id())) {
			return;
		}
		if (!anyHostType && !query.hostTypes().contains(station.hostType())) {
			return;
		}
		if (query.openAt() != null && station.schedule().statusAt(query.openAt(), calendar) != OpenStatus.OPEN) {
			return;
		}
		best.offer(station, distance);
	}

	/**
	 * Degrees from {@code value} to the nearest edge of cell {@code index}, 0 inside it.
	 */
	private static double gap(double value, long index) {
		double low = index * CELL_DEGREES;
		double high = low + CELL_DEGREES;
		return value < low ? low - value : value > high ? value - high : 0;
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
				Cell members = cells.get(key(row, column));
				if (members != null) {
					for (IndexedStation station : members.stations) {
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

	/**
	 * The stations of one grid cell, with their positions and amenity bits copied into
	 * flat arrays for the scan. Immutable: a change builds a new cell.
	 */
	static final class Cell {

		final IndexedStation[] stations;

		final double[] lats;

		final double[] lons;

		final long[] amenityBits;

		private Cell(IndexedStation[] members) {
			IndexedStation[] stations = members.clone();
			// Sorted by latitude (then id, for a stable order) so a scan can stop early.
			Arrays.sort(stations,
					Comparator.comparingDouble(IndexedStation::lat).thenComparingLong(IndexedStation::id));
			this.stations = stations;
			this.lats = new double[stations.length];
			this.lons = new double[stations.length];
			this.amenityBits = new long[stations.length];
			for (int i = 0; i < stations.length; i++) {
				lats[i] = stations[i].lat();
				lons[i] = stations[i].lon();
				amenityBits[i] = stations[i].amenityBits();
			}
		}

		static Cell with(Cell cell, IndexedStation station) {
			IndexedStation[] current = cell == null ? new IndexedStation[0] : cell.stations;
			for (int i = 0; i < current.length; i++) {
				if (current[i].id() == station.id()) {
					IndexedStation[] replaced = current.clone();
					replaced[i] = station;
					return new Cell(replaced);
				}
			}
			IndexedStation[] grown = Arrays.copyOf(current, current.length + 1);
			grown[current.length] = station;
			return new Cell(grown);
		}

		/** This cell without the station, or {@code null} when it was the last one. */
		Cell without(long id) {
			int at = -1;
			for (int i = 0; i < stations.length; i++) {
				if (stations[i].id() == id) {
					at = i;
					break;
				}
			}
			if (at < 0) {
				return this;
			}
			if (stations.length == 1) {
				return null;
			}
			IndexedStation[] shrunk = new IndexedStation[stations.length - 1];
			System.arraycopy(stations, 0, shrunk, 0, at);
			System.arraycopy(stations, at + 1, shrunk, at, stations.length - at - 1);
			return new Cell(shrunk);
		}

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
