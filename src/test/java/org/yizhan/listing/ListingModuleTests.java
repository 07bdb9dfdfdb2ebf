package org.yizhan.listing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.inspection.CampaignKind;
import org.yizhan.inspection.InspectionCompleted;
import org.yizhan.platform.YizhanTime;
import org.yizhan.rating.HoldReason;
import org.yizhan.rating.RatingStatus;
import org.yizhan.rating.RatingSubmitted;
import org.yizhan.station.Freshness;
import org.yizhan.station.FreshnessSource;
import org.yizhan.station.ListingFreshness;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.ModuleBeans;
import org.yizhan.support.TestStations;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Truthful listings start with the modules they declare, and a station's "last confirmed"
 * follows each fresh signal: a counted rating (a held one is no proof), an inspection, a
 * check-in, a door device's call and a confirmation by a person, each moving it forward
 * only.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ExtendWith(ActingAsNationalAdmin.class)
class ListingModuleTests {

	/** 成都市锦江区: no other test keeps stations there. */
	static final String JINJIANG = "510104";

	private final ApplicationContext context;

	private final StationRegistry registry;

	private final ListingFreshness freshness;

	private final FreshnessSignals signals;

	private final JdbcClient jdbc;

	ListingModuleTests(ApplicationContext context, StationRegistry registry, ListingFreshness freshness,
			FreshnessSignals signals, JdbcClient jdbc) {
		this.context = context;
		this.registry = registry;
		this.freshness = freshness;
		this.signals = signals;
		this.jdbc = jdbc;
	}

	@Test
	void startsWithTheDeclaredModulesWhoseBeansItUses() {
		assertThat(ModuleBeans.modulesWithBeans(context)).contains("listing", "station", "ticket", "notification",
				"organization", "platform");
	}

	@Test
	void aStationWithoutSignalsCountsFromItsListing() {
		Station station = station("锦江登记驿站");
		Freshness fresh = freshness.find(station.id()).orElseThrow();
		assertThat(fresh.confirmedBy()).isEqualTo(FreshnessSource.REGISTRY);
		assertThat(fresh.confirmedAt()).isCloseTo(station.statusChangedAt(), within(1, ChronoUnit.MILLIS));
		assertThat(fresh.isUnverified(Instant.now())).isFalse();
		assertThat(fresh.isUnverified(fresh.confirmedAt().plus(Freshness.STALE_AFTER).minusSeconds(1)))
			.as("a second short of 60 days")
			.isFalse();
		assertThat(fresh.isUnverified(fresh.confirmedAt().plus(Freshness.STALE_AFTER))).as("60 days on").isTrue();
	}

	@Test
	void aCountedRatingConfirmsTheStationAndAHeldOneDoesNot(Scenario scenario) {
		Station station = station("锦江评价驿站");
		Instant countedAt = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
		Instant heldAt = countedAt.plusSeconds(60);
		// Were the held rating taken as a signal, it would be the newer one, and the
		// counted one within its hour would not be passed on at all.
		// in one transaction, as the intake's writer announces a batch
		scenario.stimulate(() -> {
			events(RatingStatus.HELD, heldAt, station);
			events(RatingStatus.COUNTED, countedAt, station);
			return 2;
		})
			.andWaitForStateChange(() -> freshness.find(station.id()).orElseThrow(),
					(fresh) -> fresh.confirmedBy() == FreshnessSource.RATING)
			.andVerify((fresh) -> assertThat(fresh.confirmedAt()).isEqualTo(countedAt));
	}

	private void events(RatingStatus status, Instant at, Station station) {
		context.publishEvent(new RatingSubmitted(-1, LocalDate.now(YizhanTime.ZONE), station.id(), 5, Set.of(), status,
				(status == RatingStatus.HELD) ? Set.of(HoldReason.values()[0]) : Set.of(), at));
	}

	@Test
	void anInspectionConfirmsTheStationButAnOlderOneMovesNothingBack(Scenario scenario) {
		Station station = station("锦江检查驿站");
		Instant inspectedAt = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
		scenario.publish(() -> inspection(station, inspectedAt))
			.andWaitForStateChange(() -> freshness.find(station.id()).orElseThrow(),
					(fresh) -> fresh.confirmedBy() == FreshnessSource.INSPECTION)
			.andVerify((fresh) -> assertThat(fresh.confirmedAt()).isEqualTo(inspectedAt));

		// a mystery visit published later, inspected before: "last confirmed" stays
		freshness.recordSignal(station.id(), FreshnessSource.INSPECTION, inspectedAt.minusSeconds(3600));
		assertThat(freshness.find(station.id()).orElseThrow().confirmedAt()).isEqualTo(inspectedAt);
	}

	@Test
	void aCheckInConfirmsTheStationWhenTheCheckInsAreFolded() {
		Station station = station("锦江签到驿站");
		Instant checkedInAt = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
		// a check-in as the operations module stores it: its guard row, with its time
		jdbc.sql("insert into visit_guard (station_id, device_hash, checked_in_at) values (:s, :d, :at)")
			.param("s", station.id().value())
			.param("d", new byte[16])
			.param("at", Timestamp.from(checkedInAt))
			.update();

		assertThat(signals.foldCheckIns()).isPositive();
		Freshness fresh = freshness.find(station.id()).orElseThrow();
		assertThat(fresh.confirmedBy()).isEqualTo(FreshnessSource.CHECK_IN);
		assertThat(fresh.confirmedAt()).isEqualTo(checkedInAt);
	}

	@Test
	void aDoorDeviceOnlineConfirmsTheStationWithItsLastCallAndASilentOneDoesNot() {
		Station station = station("锦江门禁驿站");
		Instant calledAt = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
		// devices as the operations module keeps them: each with its last call
		door(station, "大门", "ONLINE", calledAt);
		door(station, "侧门", "SILENT", calledAt.plusSeconds(20));

		assertThat(signals.foldDoorCalls()).isPositive();
		Freshness fresh = freshness.find(station.id()).orElseThrow();
		assertThat(fresh.confirmedBy()).isEqualTo(FreshnessSource.DOOR);
		assertThat(fresh.confirmedAt()).as("the online device's call, not the silent one's").isEqualTo(calledAt);
	}

	private void door(Station station, String name, String status, Instant lastSeen) {
		jdbc.sql("""
				insert into door_device (station_id, name, secret_sealed, heartbeat_seconds, status, last_seen_at,
				    silent_since, created_at, created_by)
				values (:s, :name, 'sealed', 60, :status, :seen, :silent, :seen, 'test')
				""")
			.param("s", station.id().value())
			.param("name", name)
			.param("status", status)
			.param("seen", Timestamp.from(lastSeen))
			.param("silent", "SILENT".equals(status) ? Timestamp.from(lastSeen) : null)
			.update();
	}

	@Test
	void itsUnionConfirmsTheStationOpenWithOneAuditedClick() {
		Station station = station("锦江确认驿站");
		Freshness confirmed = freshness.confirm(station.id());
		assertThat(confirmed.confirmedBy()).isEqualTo(FreshnessSource.CONFIRMATION);
		assertThat(confirmed.personConfirmedAt()).isEqualTo(confirmed.confirmedAt());
		assertThat(jdbc
			.sql("select count(*) from audit_entry where action = 'station.confirmListing' and target_id = :code")
			.param("code", station.code().toString())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private Station station(String name) {
		return TestStations.listed(registry, name, "成都市锦江区测试路 1 号", JINJIANG, 30.6570, 104.0830);
	}

	private static InspectionCompleted inspection(Station station, Instant at) {
		return new InspectionCompleted(-1, station.id().value(), JINJIANG, -1, JINJIANG, CampaignKind.values()[0], -1,
				-1, 1, BigDecimal.valueOf(92), true, false, at, List.of());
	}

}
