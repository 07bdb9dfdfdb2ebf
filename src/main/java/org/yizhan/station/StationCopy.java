package org.yizhan.station;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * One module's in-memory copy of stations, kept current by {@link StationCopies}, and the
 * one rule by which every such copy changes.
 *
 * <p>
 * A copy holds the stations whose status is one of its {@link #statuses()}, each at the
 * version it was read at. Whatever reaches it (a read after one of this instance's
 * station events, the start-up build, a reconciliation, a read-through) is a station as
 * it was at some version, and is applied by version: a station is held, replaced or
 * dropped only by a newer version than the copy knows, so readers that finish out of
 * order cannot move it backwards. A removal is remembered with its version, so a late
 * reader holding an older copy can neither remove a station held at a newer version nor
 * bring back one that left; remembered removals are forgotten at each reconciliation,
 * which needs none (it compares every version with the database).
 *
 * <p>
 * The consuming module keeps the stations in its own shape behind a {@link Holder}: a map
 * of immutable values ({@link StationReplica}) or a structure of its own (the finder's
 * grid); the copy calls it under its lock, one change at a time.
 */
public final class StationCopy {

	/**
	 * Where a copy keeps its stations, in the consuming module's shape. Called by the
	 * copy only, one change at a time; it holds no rule of its own.
	 */
	public interface Holder {

		/** The version of the station held, or {@code -1} when none is held. */
		long versionOf(long stationId);

		/** Hands the id and version of every held station to {@code action}. */
		void forEachHeld(HeldVersion action);

		/** Holds this station, replacing any earlier copy of it. */
		void put(Station station);

		/** Drops the station if it is held. */
		void remove(long stationId);

	}

	/** Receives a held station's id and version. */
	@FunctionalInterface
	public interface HeldVersion {

		void accept(long stationId, long version);

	}

	private final String name;

	private final Set<StationStatus> statuses;

	private final Holder holder;

	/** Reads one station again for every copy ({@link StationCopies#refresh}). */
	private final Consumer<StationId> refresh;

	/** Reconciles this copy alone against the database. */
	private final ToIntFunction<StationCopy> reconcile;

	/** The version at which each recently removed station left; guarded by this. */
	private final Map<Long, Long> removedAt = new HashMap<>();

	StationCopy(String name, Set<StationStatus> statuses, Holder holder, Consumer<StationId> refresh,
			ToIntFunction<StationCopy> reconcile) {
		if (statuses.isEmpty()) {
			throw new IllegalArgumentException("a copy of stations keeps at least one status");
		}
		this.name = name;
		this.statuses = Set.copyOf(EnumSet.copyOf(statuses));
		this.holder = holder;
		this.refresh = refresh;
		this.reconcile = reconcile;
	}

	/** The copy's name, for logs. */
	public String name() {
		return name;
	}

	/** The statuses of the stations this copy holds. */
	public Set<StationStatus> statuses() {
		return statuses;
	}

	/**
	 * Reads the station as it is now and applies it by version (to every copy): for a
	 * consumer that has learned that its copy is behind.
	 */
	public void refresh(StationId id) {
		refresh.accept(id);
	}

	/**
	 * Compares this copy with the database's versions now and repairs any drift.
	 * @return how many stations it added, replaced or removed
	 */
	public int reconcile() {
		return reconcile.applyAsInt(this);
	}

	/**
	 * Applies a station as read at its version: held when its status is one this copy
	 * keeps, else removed at that version.
	 * @return whether the copy changed
	 */
	synchronized boolean offer(Station station) {
		long id = station.id().value();
		if (!statuses.contains(station.status())) {
			return remove(id, station.version());
		}
		Long removed = removedAt.get(id);
		if (holder.versionOf(id) >= station.version() || (removed != null && removed >= station.version())) {
			return false;
		}
		removedAt.remove(id);
		holder.put(station);
		return true;
	}

	/**
	 * Removes a station seen outside this copy's statuses at {@code version} (or gone:
	 * {@link Long#MAX_VALUE}), unless the copy holds a newer version of it.
	 * @return whether the copy changed
	 */
	synchronized boolean remove(long id, long version) {
		long held = holder.versionOf(id);
		if (held > version) {
			return false;
		}
		removedAt.merge(id, version, Math::max);
		if (held < 0) {
			return false;
		}
		holder.remove(id);
		return true;
	}

	/**
	 * Whether the copy knows the station left it, so that a read-through is not needed.
	 */
	synchronized boolean knowsRemoved(long id) {
		return removedAt.containsKey(id);
	}

	synchronized void forgetRemovals() {
		removedAt.clear();
	}

	long versionOf(long id) {
		return holder.versionOf(id);
	}

	void forEachHeld(HeldVersion action) {
		holder.forEachHeld(action);
	}

	@Override
	public String toString() {
		return "StationCopy[" + name + " " + statuses + "]";
	}

}
