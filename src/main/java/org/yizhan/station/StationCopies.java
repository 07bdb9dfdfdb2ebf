package org.yizhan.station;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every module's in-memory copy of stations equal to the database: the one way a
 * module holds stations in memory (the finder's index, the rating intake's stations,
 * coverage's listed stations).
 *
 * <p>
 * One rule for every copy: after commit, by version, reconciled. A copy is built once the
 * application is ready (after every start-up loader). A station event of this instance
 * ({@link StationListed}, {@link StationChanged}, {@link StationSuspended},
 * {@link StationDelisted}, {@link StationDowngraded}) is heard after its change commits,
 * at once, in the committing thread (a transactional listener, so Spring Modulith keeps
 * its publication with the change); the station is read as it is then, in a transaction
 * of its own, and offered to every copy, which applies it by version
 * ({@link StationCopy}). Every {@code yizhan.station.copies.reconcile-interval} (30 s)
 * each copy is compared with the database's versions and statuses, and every station that
 * differs is read again and offered the same way: that repairs a change whose event was
 * missed and is how changes made through another instance arrive, since events are
 * delivered only inside the instance that made them. So a change made here is seen by
 * this instance's copies as soon as it commits, and one made elsewhere within one
 * interval.
 */
@Component
public class StationCopies {

	private static final Logger log = LoggerFactory.getLogger(StationCopies.class);

	private final StationRepository stations;

	/** Reads in a transaction of their own: the event listeners run after a commit. */
	private final TransactionTemplate reads;

	private final List<StationCopy> copies = new CopyOnWriteArrayList<>();

	private volatile boolean built;

	StationCopies(StationRepository stations, PlatformTransactionManager transactions) {
		this.stations = stations;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.reads.setReadOnly(true);
	}

	/**
	 * Registers a copy kept in the consumer's own structure. Registered before the
	 * application is ready (from a constructor), it is filled with the others; later, at
	 * once.
	 */
	public StationCopy follow(String name, Set<StationStatus> statuses, StationCopy.Holder holder) {
		StationCopy copy = new StationCopy(name, statuses, holder, this::refresh, one -> reconcile(List.of(one)));
		copies.add(copy);
		if (built) {
			fill(List.of(copy));
		}
		return copy;
	}

	/**
	 * Registers a copy kept as a map of the consumer's immutable values, one per station,
	 * made by {@code projection}.
	 */
	public <T> StationReplica<T> replicate(String name, Set<StationStatus> statuses,
			Function<Station, ? extends T> projection) {
		StationReplica<T> replica = new StationReplica<>(projection, this::refresh);
		replica.attach(follow(name, statuses, replica.holder()));
		return replica;
	}

	/** Stops keeping a copy current (for a copy made by a test). */
	void stopFollowing(StationCopy copy) {
		copies.remove(copy);
	}

	/** After the demo city and every other start-up loader have run. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void build() {
		fill(copies);
		built = true;
	}

	private void fill(List<StationCopy> filled) {
		long started = System.nanoTime();
		Set<StationStatus> statuses = EnumSet.noneOf(StationStatus.class);
		filled.forEach(copy -> statuses.addAll(copy.statuses()));
		reads.executeWithoutResult(status -> {
			for (StationStatus kept : statuses) {
				stations.forEachIn(kept, 1000, station -> {
					for (StationCopy copy : filled) {
						if (copy.statuses().contains(kept)) {
							copy.offer(station);
						}
					}
				});
			}
		});
		List<String> sizes = new ArrayList<>();
		for (StationCopy copy : filled) {
			int[] held = new int[1];
			copy.forEachHeld((id, version) -> held[0]++);
			sizes.add(copy.name() + " " + held[0]);
		}
		log.info("Station copies built in {} ms: {}", (System.nanoTime() - started) / 1_000_000,
				String.join(", ", sizes));
	}

	@TransactionalEventListener
	void on(StationListed event) {
		refresh(event.stationId());
	}

	@TransactionalEventListener
	void on(StationChanged event) {
		refresh(event.stationId());
	}

	@TransactionalEventListener
	void on(StationSuspended event) {
		refresh(event.stationId());
	}

	@TransactionalEventListener
	void on(StationDelisted event) {
		refresh(event.stationId());
	}

	@TransactionalEventListener
	void on(StationDowngraded event) {
		refresh(event.stationId());
	}

	/**
	 * Reads the station as it is now and offers it to every copy. Readers of different
	 * events run in different threads, so the reader of an earlier change may read before
	 * and apply after the reader of a later one: the version decides.
	 */
	public void refresh(StationId id) {
		Optional<Station> found = read(id);
		for (StationCopy copy : copies) {
			offer(copy, id, found);
		}
	}

	private static boolean offer(StationCopy copy, StationId id, Optional<Station> found) {
		return found.map(copy::offer).orElseGet(() -> copy.remove(id.value(), Long.MAX_VALUE));
	}

	Optional<Station> read(StationId id) {
		return reads.execute(status -> stations.findById(id));
	}

	/**
	 * Compares every copy with the database and repairs drift.
	 * @return how many stations the copies added, replaced or removed
	 */
	@Scheduled(
			fixedDelayString = "${yizhan.station.copies.reconcile-interval:${yizhan.finder.reconcile-interval:${yizhan.rating.intake.station-cache-ttl:30s}}}",
			initialDelayString = "${yizhan.station.copies.reconcile-interval:${yizhan.finder.reconcile-interval:${yizhan.rating.intake.station-cache-ttl:30s}}}")
	public int reconcile() {
		return reconcile(copies);
	}

	/**
	 * One read of every station's version and status for all the given copies; then each
	 * station a copy holds at another version, holds though it should not, or lacks, is
	 * read again and offered by version (a station that changed again meanwhile is read
	 * as it is now, so the comparison's moment does no harm).
	 */
	int reconcile(List<StationCopy> reconciled) {
		if (!built || reconciled.isEmpty()) {
			return 0;
		}
		reconciled.forEach(StationCopy::forgetRemovals);
		Map<Long, StoredVersion> stored = reads.execute(status -> stations.listVersions());
		Map<Long, List<StationCopy>> drifted = new LinkedHashMap<>();
		for (StationCopy copy : reconciled) {
			copy.forEachHeld((id, version) -> {
				StoredVersion now = stored.get(id);
				if (now == null || now.version() != version || !copy.statuses().contains(now.status())) {
					drifted.computeIfAbsent(id, key -> new ArrayList<>()).add(copy);
				}
			});
			stored.forEach((id, now) -> {
				if (copy.statuses().contains(now.status()) && copy.versionOf(id) != now.version()) {
					List<StationCopy> of = drifted.computeIfAbsent(id, key -> new ArrayList<>());
					if (!of.contains(copy)) {
						of.add(copy);
					}
				}
			});
		}
		int repaired = 0;
		for (Map.Entry<Long, List<StationCopy>> entry : drifted.entrySet()) {
			StationId id = StationId.of(entry.getKey());
			Optional<Station> found = read(id);
			for (StationCopy copy : entry.getValue()) {
				repaired += offer(copy, id, found) ? 1 : 0;
			}
		}
		if (repaired > 0) {
			log.info("Station copies reconciled: {} repairs over {} stations", repaired, drifted.size());
		}
		return repaired;
	}

}
