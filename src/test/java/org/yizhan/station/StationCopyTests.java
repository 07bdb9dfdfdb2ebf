package org.yizhan.station;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule every copy of stations changes by: a station is held, replaced or dropped only
 * by a version newer than the copy knows, and a removal is remembered, whatever order the
 * readers of the station's events finish in.
 */
class StationCopyTests {

	private static final StationDetails DETAILS = StationDetailsBuilder.aStation().build();

	private final StationReplica<Station> replica = new StationReplica<>(Function.identity(), null);

	private final StationCopy listedOnly = copy(EnumSet.of(StationStatus.LISTED));

	@Test
	void anOlderCopyArrivingLateNeitherRemovesNorRevivesAStation() {
		Station listedAtVersion1 = station(StationStatus.LISTED, 1);

		// The reader of "created as a draft" (version 0) reads before the station is
		// listed and applies after the reader of "listed" (version 1).
		listedOnly.offer(listedAtVersion1);
		listedOnly.offer(station(StationStatus.DRAFT, 0));
		assertThat(replica.values()).singleElement().isSameAs(listedAtVersion1);

		// Suspended at version 2; a late copy of version 1 must not bring it back.
		listedOnly.offer(station(StationStatus.SUSPENDED, 2));
		assertThat(listedOnly.offer(listedAtVersion1)).isFalse();
		assertThat(replica.values()).isEmpty();

		// Reopened at version 3.
		assertThat(listedOnly.offer(station(StationStatus.LISTED, 3))).isTrue();
		assertThat(replica.values()).singleElement().extracting(Station::version).isEqualTo(3L);
	}

	@Test
	void versionsArrivingOutOfOrderLeaveTheNewest() {
		assertThat(listedOnly.offer(station(StationStatus.LISTED, 3))).isTrue();
		assertThat(listedOnly.offer(station(StationStatus.LISTED, 2))).isFalse();
		assertThat(listedOnly.offer(station(StationStatus.LISTED, 3))).as("the same version again").isFalse();

		assertThat(replica.values()).singleElement().extracting(Station::version).isEqualTo(3L);
		assertThat(listedOnly.versionOf(1)).isEqualTo(3);
	}

	@Test
	void aRemovalAtAnOlderVersionThanTheHeldOneIsIgnored() {
		listedOnly.offer(station(StationStatus.LISTED, 5));

		assertThat(listedOnly.offer(station(StationStatus.SUSPENDED, 4))).isFalse();
		assertThat(listedOnly.remove(1, 4)).isFalse();
		assertThat(replica.values()).hasSize(1);
	}

	@Test
	void aStationThatIsGoneIsRemovedAndNoLateReaderBringsItBack() {
		listedOnly.offer(station(StationStatus.LISTED, 5));

		assertThat(listedOnly.remove(1, Long.MAX_VALUE)).isTrue();
		assertThat(listedOnly.offer(station(StationStatus.LISTED, 6))).isFalse();
		assertThat(replica.values()).isEmpty();
		assertThat(listedOnly.knowsRemoved(1)).isTrue();
	}

	@Test
	void remembersRemovalsUntilTheyAreForgottenByAReconciliation() {
		listedOnly.offer(station(StationStatus.DELISTED, 4));
		assertThat(listedOnly.offer(station(StationStatus.LISTED, 3))).isFalse();

		listedOnly.forgetRemovals();

		assertThat(listedOnly.knowsRemoved(1)).isFalse();
		// What a reconciliation then reads is the truth of its moment, so it is applied.
		assertThat(listedOnly.offer(station(StationStatus.LISTED, 3))).isTrue();
	}

	@Test
	void aCopyOfEveryStatusFollowsAStationThroughItsLifecycleWithoutDroppingIt() {
		StationReplica<StationStatus> statuses = new StationReplica<>(Station::status, null);
		StationCopy every = new StationCopy("every status", EnumSet.allOf(StationStatus.class), statuses.holder(), null,
				null);
		statuses.attach(every);

		every.offer(station(StationStatus.DRAFT, 0));
		every.offer(station(StationStatus.LISTED, 1));
		every.offer(station(StationStatus.SUSPENDED, 2));
		every.offer(station(StationStatus.LISTED, 1));

		assertThat(statuses.values()).containsExactly(StationStatus.SUSPENDED);
		assertThat(statuses.find(StationId.of(1))).contains(StationStatus.SUSPENDED);
	}

	@Test
	void valuesComeInIdOrderAndStayTheSameListUntilTheCopyChanges() {
		listedOnly.offer(station(3, StationStatus.LISTED, 1));
		listedOnly.offer(station(1, StationStatus.LISTED, 1));
		List<Station> first = replica.values();

		assertThat(first).extracting(station -> station.id().value()).containsExactly(1L, 3L);
		assertThat(replica.values()).isSameAs(first);

		listedOnly.offer(station(2, StationStatus.LISTED, 1));
		assertThat(replica.values()).isNotSameAs(first)
			.extracting(station -> station.id().value())
			.containsExactly(1L, 2L, 3L);
	}

	private StationCopy copy(EnumSet<StationStatus> statuses) {
		StationCopy copy = new StationCopy("test", statuses, replica.holder(), null, null);
		replica.attach(copy);
		return copy;
	}

	private static Station station(StationStatus status, long version) {
		return station(1, status, version);
	}

	private static Station station(long id, StationStatus status, long version) {
		Instant now = Instant.parse("2026-11-25T02:00:00Z");
		Station.Suspension suspension = (status == StationStatus.SUSPENDED)
				? new Station.Suspension("装修", LocalDate.parse("2026-12-25")) : null;
		Station.Delisting delisting = (status == StationStatus.DELISTED)
				? new Station.Delisting(DelistingReason.CLOSED, null) : null;
		return new Station(StationId.of(id), StationCode.of("330106", (int) id), DETAILS, status, suspension, delisting,
				List.of(), now, now, now, version);
	}

}
