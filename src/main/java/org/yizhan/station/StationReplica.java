package org.yizhan.station;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link StationCopy} kept as one immutable value per station, made by the consuming
 * module's projection from the station as read: the copy for modules that need no
 * structure of their own. Reads never lock; the copy changes by the rule of
 * {@link StationCopies} (after commit, by version, reconciled).
 *
 * @param <T> the consumer's value for one station
 */
public final class StationReplica<T> {

	private record Held<T>(long version, T value) {
	}

	/** The values in id order, valid while no change has been applied since. */
	private record Values<T>(long changes, List<T> list) {
	}

	private final Map<Long, Held<T>> held = new ConcurrentHashMap<>();

	private final Function<Station, ? extends T> projection;

	/** Reads one station again for every copy ({@link StationCopies#refresh}). */
	private final Consumer<StationId> refresh;

	private final AtomicLong changes = new AtomicLong();

	private volatile Values<T> values = new Values<>(0, List.of());

	private StationCopy copy;

	StationReplica(Function<Station, ? extends T> projection, Consumer<StationId> refresh) {
		this.projection = projection;
		this.refresh = refresh;
	}

	void attach(StationCopy copy) {
		this.copy = copy;
	}

	/**
	 * The station's value; for a station this copy has not heard of (created through
	 * another instance since the last reconciliation), read once from the database. Empty
	 * when there is no such station or its status is not one this copy keeps.
	 */
	public Optional<T> find(StationId id) {
		Held<T> found = held.get(id.value());
		if (found != null) {
			return Optional.of(found.value());
		}
		if (copy.knowsRemoved(id.value())) {
			return Optional.empty();
		}
		return refresh(id);
	}

	/**
	 * Reads the station again now and applies it by version: for a consumer that has
	 * learned its copy is behind (the rating writer found a station no longer listed).
	 */
	public Optional<T> refresh(StationId id) {
		refresh.accept(id);
		return Optional.ofNullable(held.get(id.value())).map(Held::value);
	}

	/**
	 * Every held value in station id order, as one immutable list that stays the same
	 * object until the copy changes (so a consumer may keep what it derives from it).
	 */
	public List<T> values() {
		long now = changes.get();
		Values<T> known = values;
		if (known.changes() == now) {
			return known.list();
		}
		List<Map.Entry<Long, Held<T>>> entries = new ArrayList<>(held.entrySet());
		entries.sort(Map.Entry.comparingByKey());
		List<T> list = entries.stream().map(entry -> entry.getValue().value()).toList();
		// Counted before the read: a change applied meanwhile makes this list stale on
		// arrival, and the next call reads again.
		values = new Values<>(now, list);
		return list;
	}

	/** How many stations the copy holds. */
	public int size() {
		return held.size();
	}

	/** The copy behind this replica: its name, statuses and reconciliation. */
	public StationCopy copy() {
		return copy;
	}

	StationCopy.Holder holder() {
		return new StationCopy.Holder() {

			@Override
			public long versionOf(long stationId) {
				Held<T> found = held.get(stationId);
				return (found != null) ? found.version() : -1;
			}

			@Override
			public void forEachHeld(StationCopy.HeldVersion action) {
				held.forEach((id, found) -> action.accept(id, found.version()));
			}

			@Override
			public void put(Station station) {
				held.put(station.id().value(), new Held<>(station.version(), projection.apply(station)));
				changes.incrementAndGet();
			}

			@Override
			public void remove(long stationId) {
				held.remove(stationId);
				changes.incrementAndGet();
			}

		};
	}

}
