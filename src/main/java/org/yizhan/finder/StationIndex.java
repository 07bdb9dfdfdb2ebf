package org.yizhan.finder;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.calendar.OpenStatus;
import org.yizhan.calendar.OpeningSchedule;
import org.yizhan.geo.Haversine;
import org.yizhan.station.Amenity;
import org.yizhan.station.HostType;

/**
 * Listed stations in memory, bucketed in a grid of {@value #CELL_DEGREES}° cells (about
 * 560 m north–south), answering "k nearest within r that match" by visiting rings of
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
 * Filters run cheapest first: amenities (one AND on a bit set), a flat lower bound of the
 * distance, the opening hours (each distinct schedule evaluated once per minute), the
 * haversine, and the host type only for candidates that would make the top k.
 */
class StationIndex {

	static final double CELL_DEGREES = 0.005;

	private static final double METERS_PER_DEGREE = Math.toRadians(1) * 6_371_008.8;

	private final CellTable cells = new CellTable();

	private final Map<Long, IndexedStation> byId = new ConcurrentHashMap<>();

	/**
	 * Each distinct compiled schedule gets a small number that cells keep next to the
	 * coordinates, so that each schedule is evaluated once per minute instead of once per
	 * candidate (a handful of schedules, such as {@code 24/7}, is shared by most
	 * stations). Numbers are never reused; guarded by {@link #writeLock}.
	 */
	private final Map<OpeningSchedule, Integer> scheduleNumbers = new IdentityHashMap<>();

	/**
	 * The schedules by number, published (volatile) before any cell that uses a new
	 * number.
	 */
	private volatile OpeningSchedule[] schedules = new OpeningSchedule[0];

	/**
	 * Whether each schedule is open in the minute most recently asked about, shared by
	 * every query of that minute (nearly all queries ask about now). Exact: opening hours
	 * have minute resolution, and {@link OpeningSchedule#statusAt} reads only the date,
	 * hour and minute.
	 */
	private volatile OpenInMinute openInMinute;

	private volatile RadiusInHaversine radiusInHaversine;

	private final Object writeLock = new Object();

	/** Adds a station or replaces the one with its id. */
	void put(IndexedStation station) {
		synchronized (writeLock) {
			IndexedStation previous = byId.get(station.id());
			long cell = cellOf(station.lat(), station.lon());
			cells.put(cell, Cell.with(cells.get(cell), station, scheduleNumber(station.schedule())));
			byId.put(station.id(), station);
			if (previous != null) {
				long previousCell = cellOf(previous.lat(), previous.lon());
				if (previousCell != cell) {
					Cell members = cells.get(previousCell);
					if (members != null) {
						cells.put(previousCell, members.without(station.id()));
					}
				}
			}
		}
	}

	private int scheduleNumber(OpeningSchedule schedule) {
		Integer number = scheduleNumbers.get(schedule);
		if (number == null) {
			number = scheduleNumbers.size();
			OpeningSchedule[] grown = Arrays.copyOf(schedules, number + 1);
			grown[number] = schedule;
			schedules = grown;
			scheduleNumbers.put(schedule, number);
		}
		return number;
	}

	/** Removes a station; nothing when it is not indexed. */
	void remove(long id) {
		synchronized (writeLock) {
			IndexedStation previous = byId.remove(id);
			if (previous != null) {
				long cell = cellOf(previous.lat(), previous.lon());
				Cell members = cells.get(cell);
				if (members != null) {
					cells.put(cell, members.without(id));
				}
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
		double radius = query.radiusMeters();
		// The narrowest a cell can get within reach: east-west cells shrink with the
		// cosine of the latitude, so measure them at the latitude farthest from the
		// equator in range.
		double farthestLat = Math.min(89.9, Math.abs(lat) + radius / METERS_PER_DEGREE + CELL_DEGREES);
		double eastWestScale = METERS_PER_DEGREE * Math.cos(Math.toRadians(farthestLat));
		double narrowestCell = CELL_DEGREES * eastWestScale;
		Search search = new Search(query, query.openAt() == null ? null : openIn(query.openAt(), calendar),
				withinRadius(radius), eastWestScale);
		int maxRing = (int) Math.ceil(radius / narrowestCell) + 1;
		long centerRow = (long) Math.floor(lat / CELL_DEGREES);
		long centerColumn = (long) Math.floor(lon / CELL_DEGREES);
		for (int ring = 0; ring <= maxRing; ring++) {
			// A cell in ring r is at least r - 1 whole cells away; the 0.999 absorbs the
			// few micrometres by which a great circle undercuts a parallel over a few
			// kilometres.
			double nearestPossible = (ring - 1) * narrowestCell * 0.999;
			if (nearestPossible > search.reach) {
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
					if (nearest > search.reach) {
						continue;
					}
					search.scan(members);
				}
			}
		}
		return search.best.sorted();
	}

	/**
	 * The largest haversine within a radius, for the radius most recently asked about
	 * (nearly every query asks for the same few): about ten arcsines to work out.
	 */
	private double withinRadius(double radiusMeters) {
		RadiusInHaversine known = radiusInHaversine;
		if (known != null && known.meters == radiusMeters) {
			return known.maxHaversine;
		}
		RadiusInHaversine fresh = new RadiusInHaversine(radiusMeters, Haversine.maxWithin(radiusMeters));
		radiusInHaversine = fresh;
		return fresh.maxHaversine;
	}

	private record RadiusInHaversine(double meters, double maxHaversine) {
	}

	private OpenInMinute openIn(LocalDateTime at, HolidayCalendar calendar) {
		long minute = OpenInMinute.minuteOf(at);
		OpeningSchedule[] current = schedules;
		OpenInMinute known = openInMinute;
		if (known != null && known.minute == minute && known.calendar == calendar && known.schedules == current) {
			return known;
		}
		OpenInMinute fresh = new OpenInMinute(minute, at.truncatedTo(ChronoUnit.MINUTES), calendar, current);
		openInMinute = fresh;
		return fresh;
	}

	/**
	 * Whether each schedule (by number) is open in one minute, worked out the first time
	 * a candidate needs it. Queries of the same minute share it and fill it in without
	 * locking: every writer of a slot writes the same answer, a byte is written
	 * atomically, and a reader that does not yet see another's answer works it out again.
	 */
	static final class OpenInMinute {

		private static final byte UNKNOWN = 0;

		private static final byte OPEN = 1;

		private static final byte NOT_OPEN = 2;

		/** Minutes since 1970-01-01T00:00 local time. */
		final long minute;

		private final LocalDateTime at;

		private final HolidayCalendar calendar;

		private final OpeningSchedule[] schedules;

		/** Per schedule number: {@link #UNKNOWN} until evaluated, then open or not. */
		private final byte[] open;

		OpenInMinute(long minute, LocalDateTime at, HolidayCalendar calendar, OpeningSchedule[] schedules) {
			this.minute = minute;
			this.at = at;
			this.calendar = calendar;
			this.schedules = schedules;
			this.open = new byte[schedules.length];
		}

		static long minuteOf(LocalDateTime at) {
			return at.toLocalDate().toEpochDay() * 1440 + at.getHour() * 60 + at.getMinute();
		}

		/** Schedules numbered below this one are memoised. */
		int size() {
			return open.length;
		}

		boolean isOpen(int schedule) {
			byte known = open[schedule];
			if (known == UNKNOWN) {
				known = schedules[schedule].statusAt(at, calendar) == OpenStatus.OPEN ? OPEN : NOT_OPEN;
				open[schedule] = known;
			}
			return known == OPEN;
		}

	}

	/**
	 * One query's state: its filters, the best k so far, and which schedules are open in
	 * the query's minute. Candidates are ranked by the haversine of their distance (see
	 * {@link TopK}), which needs no arcsine.
	 */
	private final class Search {

		final TopK best;

		/**
		 * How far a station may be and still enter the answer: the radius until k are
		 * found, then at most a bound of the k-th station's distance. Every lower bound
		 * of a distance is checked against it.
		 */
		double reach;

		private final double lat;

		private final double lon;

		private final Haversine fromOrigin;

		private final double radius;

		/**
		 * {@code Haversine.meters(h) <= radius} exactly when {@code h <= maxHaversine}.
		 */
		private final double maxHaversine;

		/**
		 * Metres per degree of longitude at the latitude in reach farthest from the
		 * equator, so the flat distance below never exceeds the great-circle one.
		 */
		private final double eastWestScale;

		private final long amenityMask;

		private final Set<HostType> hostTypes;

		/** {@code null} when the query does not ask for open stations only. */
		private final OpenInMinute open;

		Search(NearbyQuery query, OpenInMinute open, double maxHaversine, double eastWestScale) {
			this.best = new TopK(query.limit());
			this.lat = query.origin().lat();
			this.lon = query.origin().lon();
			this.fromOrigin = Haversine.from(lat, lon);
			this.radius = query.radiusMeters();
			this.reach = radius;
			this.maxHaversine = maxHaversine;
			this.eastWestScale = eastWestScale;
			this.amenityMask = IndexedStation.bits(query.amenities());
			this.hostTypes = query.hostTypes();
			this.open = open;
		}

		/**
		 * Scans a cell outwards from the origin's latitude in both directions (members
		 * are sorted by latitude), stopping each way as soon as the latitude gap alone, a
		 * lower bound of the distance, exceeds the radius or the k-th distance found so
		 * far.
		 */
		void scan(Cell cell) {
			long[] members = cell.members;
			int n = members.length / Cell.STRIDE;
			// The first member at or north of the origin's latitude.
			int low = 0;
			int high = n - 1;
			while (low <= high) {
				int middle = (low + high) >>> 1;
				if (Cell.lat(members, middle) < lat) {
					low = middle + 1;
				}
				else {
					high = middle - 1;
				}
			}
			int up = low;
			int down = up - 1;
			while (up < n || down >= 0) {
				double bound = reach;
				boolean goUp = up < n && (Cell.lat(members, up) - lat) * METERS_PER_DEGREE * 0.999 <= bound;
				boolean goDown = down >= 0 && (lat - Cell.lat(members, down)) * METERS_PER_DEGREE * 0.999 <= bound;
				if (!goUp && !goDown) {
					return;
				}
				if (goUp) {
					consider(cell, members, up++);
				}
				else {
					up = n;
				}
				if (goDown) {
					consider(cell, members, down--);
				}
				else {
					down = -1;
				}
			}
		}

		/**
		 * The cheap checks first, on the cell's flat arrays: amenity bits, a flat lower
		 * bound of the distance (no trigonometry), the schedule's memoised state; the
		 * haversine and the station object itself only for stations still in the race,
		 * and the arcsine only for the answers.
		 */
		private void consider(Cell cell, long[] members, int i) {
			long attributes = members[i * Cell.STRIDE + 2];
			if ((attributes & amenityMask) != amenityMask) {
				return;
			}
			double stationLat = Cell.lat(members, i);
			double stationLon = Double.longBitsToDouble(members[i * Cell.STRIDE + 1]);
			double northSouth = (stationLat - lat) * METERS_PER_DEGREE;
			double eastWest = (stationLon - lon) * eastWestScale;
			if ((northSouth * northSouth + eastWest * eastWest) * 0.998 > reach * reach) {
				return;
			}
			if (open != null && !isOpen(Cell.schedule(attributes))) {
				return;
			}
			double haversine = fromOrigin.to(stationLat, stationLon);
			if (haversine > maxHaversine || haversine > best.ceiling()) {
				return;
			}
			if (!hostTypes.isEmpty() && !hostTypes.contains(cell.stations[i].hostType())) {
				return;
			}
			if (best.offer(cell.stations[i], members[i * Cell.STRIDE + 3], haversine)) {
				reach = Math.min(radius, Haversine.metersAtMost(best.ceiling()));
			}
		}

		private boolean isOpen(int schedule) {
			if (schedule < open.size()) {
				return open.isOpen(schedule);
			}
			// A schedule first indexed while this query ran: too new for the memo, but
			// published with the cell that uses it.
			return StationIndex.this.schedules[schedule].statusAt(open.at, open.calendar) == OpenStatus.OPEN;
		}

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
	 * The stations of one grid cell, with what the scan reads copied into one flat array,
	 * because each array is a cache miss when a query first touches the cell: per member
	 * its latitude and longitude (as raw bits), attributes (amenity bits and schedule
	 * number in one long) and id, side by side; a station object is touched only when it
	 * enters the top k. Immutable: a change builds a new cell.
	 */
	static final class Cell {

		static {
			// Amenity bits share a long with the schedule number.
			if (Amenity.values().length > 32) {
				throw new IllegalStateException("more than 32 amenities do not fit a cell's attributes");
			}
		}

		/** Longs per member in {@link #members}. */
		static final int STRIDE = 4;

		final IndexedStation[] stations;

		/**
		 * Member i at {@code STRIDE * i}: latitude and longitude bits, attributes
		 * (amenity bits in the low 32 bits, the schedule number in the high 32), id;
		 * sorted by latitude.
		 */
		final long[] members;

		private Cell(IndexedStation[] members, int[] memberSchedules) {
			Integer[] order = new Integer[members.length];
			for (int i = 0; i < order.length; i++) {
				order[i] = i;
			}
			// Sorted by latitude (then id, for a stable order) so a scan can stop early.
			Arrays.sort(order, Comparator.comparingDouble((Integer i) -> members[i].lat())
				.thenComparingLong(i -> members[i].id()));
			int n = members.length;
			this.stations = new IndexedStation[n];
			this.members = new long[STRIDE * n];
			for (int i = 0; i < n; i++) {
				IndexedStation station = members[order[i]];
				stations[i] = station;
				this.members[STRIDE * i] = Double.doubleToRawLongBits(station.lat());
				this.members[STRIDE * i + 1] = Double.doubleToRawLongBits(station.lon());
				this.members[STRIDE * i + 2] = (station.amenityBits() & 0xFFFF_FFFFL)
						| ((long) memberSchedules[order[i]] << 32);
				this.members[STRIDE * i + 3] = station.id();
			}
		}

		static double lat(long[] members, int i) {
			return Double.longBitsToDouble(members[STRIDE * i]);
		}

		static int schedule(long attributes) {
			return (int) (attributes >>> 32);
		}

		private int[] schedules() {
			int[] schedules = new int[stations.length];
			for (int i = 0; i < schedules.length; i++) {
				schedules[i] = schedule(members[STRIDE * i + 2]);
			}
			return schedules;
		}

		static Cell with(Cell cell, IndexedStation station, int schedule) {
			IndexedStation[] current = cell == null ? new IndexedStation[0] : cell.stations;
			int[] currentSchedules = cell == null ? new int[0] : cell.schedules();
			for (int i = 0; i < current.length; i++) {
				if (current[i].id() == station.id()) {
					IndexedStation[] replaced = current.clone();
					int[] replacedSchedules = currentSchedules.clone();
					replaced[i] = station;
					replacedSchedules[i] = schedule;
					return new Cell(replaced, replacedSchedules);
				}
			}
			IndexedStation[] grown = Arrays.copyOf(current, current.length + 1);
			int[] grownSchedules = Arrays.copyOf(currentSchedules, current.length + 1);
			grown[current.length] = station;
			grownSchedules[current.length] = schedule;
			return new Cell(grown, grownSchedules);
		}

		/** This cell without the station, or {@code null} when it was the last one. */
		Cell without(long id) {
			int at = -1;
			for (int i = 0; i < stations.length; i++) {
				if (members[STRIDE * i + 3] == id) {
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
			int[] shrunkSchedules = new int[stations.length - 1];
			System.arraycopy(stations, 0, shrunk, 0, at);
			System.arraycopy(stations, at + 1, shrunk, at, stations.length - at - 1);
			int[] schedules = schedules();
			System.arraycopy(schedules, 0, shrunkSchedules, 0, at);
			System.arraycopy(schedules, at + 1, shrunkSchedules, at, stations.length - at - 1);
			return new Cell(shrunk, shrunkSchedules);
		}

	}

	/**
	 * The occupied cells by key: an open-addressing hash table of primitive keys that
	 * readers use without locking or boxing. (A {@code ConcurrentHashMap<Long, Cell>}
	 * cost a third of a query: a boxed key per cell visited, and {@link Long#hashCode()}
	 * folds row and column with XOR, so neighbouring cells collided into tree bins.)
	 *
	 * <p>
	 * Writers are serialised by the index. A new key's cell is stored before the key
	 * (release), and readers load the key before the cell (acquire), so a reader that
	 * finds a key finds its cell. Keys are never removed: an emptied cell keeps its key
	 * with a {@code null} cell, and a resize, which copies only occupied cells into a new
	 * table published through a volatile field, drops them.
	 */
	static final class CellTable {

		private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(long[].class);

		private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(Cell[].class);

		/** No cell's key: rows and columns of real coordinates never reach it. */
		private static final long FREE = Long.MIN_VALUE;

		private volatile Slots slots = new Slots(1024);

		private int occupied;

		private static final class Slots {

			final long[] keys;

			final Cell[] cells;

			final int mask;

			int used;

			Slots(int capacity) {
				this.keys = new long[capacity];
				Arrays.fill(keys, FREE);
				this.cells = new Cell[capacity];
				this.mask = capacity - 1;
			}

		}

		Cell get(long key) {
			Slots table = slots;
			int i = slot(key, table.mask);
			while (true) {
				long found = (long) KEYS.getAcquire(table.keys, i);
				if (found == key) {
					return (Cell) CELLS.getAcquire(table.cells, i);
				}
				if (found == FREE) {
					return null;
				}
				i = (i + 1) & table.mask;
			}
		}

		/** Stores the cell of a key, {@code null} to empty it. */
		void put(long key, Cell cell) {
			Slots table = slots;
			int i = slot(key, table.mask);
			while (table.keys[i] != key && table.keys[i] != FREE) {
				i = (i + 1) & table.mask;
			}
			Cell before = table.cells[i];
			if (table.keys[i] == key) {
				CELLS.setRelease(table.cells, i, cell);
			}
			else if (cell != null) {
				if ((table.used + 1) * 2 > table.keys.length) {
					resize(key, cell);
					occupied++;
					return;
				}
				CELLS.setRelease(table.cells, i, cell);
				KEYS.setRelease(table.keys, i, key);
				table.used++;
			}
			occupied += (before == null ? 0 : -1) + (cell == null ? 0 : 1);
		}

		private void resize(long key, Cell cell) {
			Slots old = slots;
			Slots grown = new Slots(Math.max(1024, Integer.highestOneBit(Math.max(occupied + 1, 1) * 4)));
			for (int i = 0; i < old.keys.length; i++) {
				if (old.cells[i] != null) {
					insert(grown, old.keys[i], old.cells[i]);
				}
			}
			insert(grown, key, cell);
			slots = grown;
		}

		private static void insert(Slots table, long key, Cell cell) {
			int i = slot(key, table.mask);
			while (table.keys[i] != FREE) {
				i = (i + 1) & table.mask;
			}
			table.keys[i] = key;
			table.cells[i] = cell;
			table.used++;
		}

		/** Cells that hold stations. */
		int size() {
			return occupied;
		}

		private static int slot(long key, int mask) {
			long mixed = key * 0x9E37_79B9_7F4A_7C15L;
			return (int) (mixed ^ (mixed >>> 32)) & mask;
		}

	}

	/**
	 * The best k so far, ranked by haversine and then id, and the answer in metres and
	 * then id (so equal distances always come out in the same order). Small k: insertion
	 * into a sorted array beats a heap. Ids are kept beside the stations so that
	 * comparing never dereferences a station.
	 *
	 * <p>
	 * Metres are non-decreasing in the haversine, so the k lowest haversines are the k
	 * nearest stations, except where rounding gives two different haversines the same
	 * metres: then the id decides, and a station just past the k-th haversine may belong
	 * in the answer instead of the k-th. So every candidate that is not among the k
	 * lowest but might share the k-th's metres ({@link Haversine#sameMetersCeiling}) is
	 * kept aside as tied, and the answer takes the arcsine of the k and of the tied that
	 * are still under the ceiling, and orders them by metres and id.
	 */
	static final class TopK {

		private final int k;

		private final IndexedStation[] stations;

		private final long[] ids;

		private final double[] haversines;

		private int size;

		/** Candidates with a haversine above it cannot enter the answer. */
		private double ceiling = Double.POSITIVE_INFINITY;

		/** Left out of the k lowest, maybe tied with the k-th in metres; rarely any. */
		private IndexedStation[] tiedStations = NONE;

		private long[] tiedIds;

		private double[] tiedHaversines;

		private int tied;

		private static final IndexedStation[] NONE = new IndexedStation[0];

		TopK(int k) {
			this.k = k;
			this.stations = new IndexedStation[k];
			this.ids = new long[k];
			this.haversines = new double[k];
		}

		/** No candidate with a higher haversine can enter the answer. */
		double ceiling() {
			return ceiling;
		}

		/**
		 * Takes a candidate whose haversine is at most the {@link #ceiling()}.
		 * @return whether the ceiling changed
		 */
		boolean offer(IndexedStation station, long id, double haversine) {
			for (int i = 0; i < size; i++) {
				if (ids[i] == id) {
					return false;
				}
			}
			IndexedStation evicted = null;
			long evictedId = 0;
			double evictedHaversine = 0;
			if (size == k) {
				if (!before(haversine, id, haversines[k - 1], ids[k - 1])) {
					// Under the ceiling, so within rounding of the k-th.
					keepTied(station, id, haversine);
					return false;
				}
				evicted = stations[k - 1];
				evictedId = ids[k - 1];
				evictedHaversine = haversines[k - 1];
			}
			int at = size < k ? size++ : k - 1;
			while (at > 0 && before(haversine, id, haversines[at - 1], ids[at - 1])) {
				stations[at] = stations[at - 1];
				ids[at] = ids[at - 1];
				haversines[at] = haversines[at - 1];
				at--;
			}
			stations[at] = station;
			ids[at] = id;
			haversines[at] = haversine;
			if (size < k) {
				return false;
			}
			ceiling = Haversine.sameMetersCeiling(haversines[k - 1]);
			if (evicted != null && evictedHaversine <= ceiling) {
				keepTied(evicted, evictedId, evictedHaversine);
			}
			return true;
		}

		private void keepTied(IndexedStation station, long id, double haversine) {
			if (tied == tiedStations.length) {
				int grown = Math.max(4, 2 * tied);
				tiedStations = Arrays.copyOf(tiedStations, grown);
				tiedIds = tied == 0 ? new long[grown] : Arrays.copyOf(tiedIds, grown);
				tiedHaversines = tied == 0 ? new double[grown] : Arrays.copyOf(tiedHaversines, grown);
			}
			tiedStations[tied] = station;
			tiedIds[tied] = id;
			tiedHaversines[tied] = haversine;
			tied++;
		}

		private static boolean before(double haversine, long id, double otherHaversine, long otherId) {
			return haversine < otherHaversine || (haversine == otherHaversine && id < otherId);
		}

		/** The answer, once, at the end: it turns the haversines into metres in place. */
		List<NearbyStation> sorted() {
			int n = size;
			for (int i = 0; i < tied; i++) {
				n += tiedHaversines[i] <= ceiling ? 1 : 0;
			}
			IndexedStation[] found = stations;
			long[] foundIds = ids;
			double[] meters = haversines;
			if (n > size) {
				found = Arrays.copyOf(stations, n);
				foundIds = Arrays.copyOf(ids, n);
				meters = Arrays.copyOf(haversines, n);
				for (int i = 0, j = size; i < tied; i++) {
					if (tiedHaversines[i] <= ceiling) {
						found[j] = tiedStations[i];
						foundIds[j] = tiedIds[i];
						meters[j++] = tiedHaversines[i];
					}
				}
			}
			for (int i = 0; i < n; i++) {
				meters[i] = Haversine.meters(meters[i]);
			}
			// By metres and id; nearly always in order already, as the haversines were.
			for (int i = 1; i < n; i++) {
				for (int j = i; j > 0 && before(meters[j], foundIds[j], meters[j - 1], foundIds[j - 1]); j--) {
					swap(found, foundIds, meters, j, j - 1);
				}
			}
			List<NearbyStation> result = new ArrayList<>(Math.min(k, n));
			for (int i = 0; i < n && result.size() < k; i++) {
				if (n == size || !seen(foundIds, i)) {
					result.add(new NearbyStation(found[i], meters[i]));
				}
			}
			return result;
		}

		/**
		 * Whether the id at {@code i} came earlier: a station met twice while it moved
		 * between cells may be both among the k and tied.
		 */
		private static boolean seen(long[] foundIds, int i) {
			for (int j = 0; j < i; j++) {
				if (foundIds[j] == foundIds[i]) {
					return true;
				}
			}
			return false;
		}

		private static void swap(IndexedStation[] found, long[] ids, double[] meters, int i, int j) {
			IndexedStation station = found[i];
			found[i] = found[j];
			found[j] = station;
			long id = ids[i];
			ids[i] = ids[j];
			ids[j] = id;
			double distance = meters[i];
			meters[i] = meters[j];
			meters[j] = distance;
		}

	}

}
