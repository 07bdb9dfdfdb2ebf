package org.yizhan.listing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.finder.StationFinder;
import org.yizhan.organization.Actor;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.DelistingReason;
import org.yizhan.station.ListingFreshness;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationNotFoundException;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reports from the finder and the three-device rule at its edges: two phones hold
 * nothing; three within 24 hours hold the listing at once, and the finder shows it; three
 * spread over more than 24 hours do not; a held report counts towards nothing; one phone
 * twice a day is kept once; every report joins the station's one case; only the station's
 * chain or union confirms it open again, and only reports after that count anew.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@ExtendWith(ActingAsNationalAdmin.class)
class ListingReportTests {

	/** 成都市青羊区: no other test keeps stations there. */
	static final String QINGYANG = "510105";

	private static final AtomicInteger PHONES = new AtomicInteger();

	@Autowired
	StationRegistry registry;

	@Autowired
	ListingReports reports;

	@Autowired
	ListingFreshness freshness;

	@Autowired
	StationFinder finder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void twoPhonesHoldNothing() {
		Station station = station("青羊两台手机驿站");
		assertThat(shut(station, phone()).listingHeld()).isFalse();
		assertThat(shut(station, phone()).listingHeld()).isFalse();
		assertThat(unverifiedInFinder(station)).isFalse();
	}

	@Test
	void threePhonesWithinADayHoldTheListingAtOnceAndMakeOneCase() {
		Station station = station("青羊三台手机驿站");
		ListingReportReceipt first = shut(station, phone());
		ListingReportReceipt second = shut(station, phone());
		assertThat(unverifiedInFinder(station)).isFalse();
		ListingReportReceipt third = shut(station, phone());

		assertThat(third.listingHeld()).isTrue();
		assertThat(unverifiedInFinder(station)).as("the finder, at once").isTrue();
		assertThat(freshness.find(station.id()).orElseThrow().unverifiedReason())
			.isEqualTo(ListingReports.SHUT_REPORTS);
		assertThat(List.of(second.ticketNumber(), third.ticketNumber())).as("one case for the three")
			.containsOnly(first.ticketNumber());
		assertThat(openCases(station)).isEqualTo(1);
	}

	@Test
	void threePhonesSpreadOverMoreThanADayDoNotButAFourthWithinOneDoes() {
		Station station = station("青羊跨天驿站");
		Instant start = Instant.now();
		clock.set(start);
		shut(station, phone());
		clock.set(start.plus(Duration.ofHours(12)));
		shut(station, phone());
		clock.set(start.plus(Duration.ofHours(24)).plusSeconds(1));
		assertThat(shut(station, phone()).listingHeld()).as("the first report is 24 hours and a second old").isFalse();
		clock.set(start.plus(Duration.ofHours(24)).plusSeconds(2));
		assertThat(shut(station, phone()).listingHeld()).as("three within the last 24 hours").isTrue();
	}

	@Test
	void aHeldReportCountsTowardsNothing() {
		String busy = phone();
		for (int i = 0; i < 3; i++) {
			shut(station("青羊别处驿站" + i), busy);
		}
		Station station = station("青羊可疑报告驿站");
		shut(station, busy);
		shut(station, phone());
		assertThat(shut(station, phone()).listingHeld()).as("two phones and one held").isFalse();
		assertThat(jdbc.sql("select hold_reason from listing_report where station_id = :s and held")
			.param("s", station.id().value())
			.query(String.class)
			.list()).containsExactly(ListingReports.MANY_STATIONS);
		assertThat(shut(station, phone()).listingHeld()).as("a third phone not held").isTrue();
	}

	@Test
	void onePhoneTwiceADayIsKeptOnce() {
		Station station = station("青羊重复报告驿站");
		String phone = phone();
		ListingReportReceipt first = shut(station, phone);
		ListingReportReceipt again = reports.report(id(station),
				new ListingReport("WRONG_HOURS", "又来一次", phone, null, null));
		assertThat(again.repeated()).isTrue();
		assertThat(again.ticketNumber()).isEqualTo(first.ticketNumber());
		assertThat(jdbc.sql("select count(*) from listing_report where station_id = :s")
			.param("s", station.id().value())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aReportNeedsAKnownStationOnTheMapAKindAndAPhone() {
		assertThatThrownBy(() -> shut("999999999", phone())).isInstanceOf(StationNotFoundException.class);
		Station draft = registry.create(new StationInput("青羊草稿驿站", "成都市青羊区测试路 9 号", QINGYANG, "测试单位", "OTHER", 30.6740,
				104.0610, "wgs84", null, null, java.util.List.of(), "24/7", null, null, false, null, null, null, null));
		assertThatThrownBy(() -> shut(id(draft), phone())).isInstanceOf(StationNotFoundException.class);
		Station delisted = station("青羊摘牌驿站");
		registry.delist(delisted.id(), null, DelistingReason.values()[0], null);
		assertThatThrownBy(() -> shut(id(delisted), phone())).isInstanceOf(ConflictException.class);

		Station station = station("青羊坏输入驿站");
		assertThatThrownBy(() -> reports.report(id(station), new ListingReport(null, null, null, 30.0, null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.violations()).extracting((violation) -> violation.field())
						.containsExactlyInAnyOrder("kind", "deviceId", "lon"));
		assertThat(jdbc.sql("select count(*) from listing_report where station_id = :s")
			.param("s", station.id().value())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aPhoneAtTheStationIsRememberedOnlyAsNear() {
		Station station = station("青羊位置驿站");
		reports.report(id(station), new ListingReport("SHUT", null, phone(), 30.6741, 104.0611));
		reports.report(id(station), new ListingReport("SHUT", null, phone(), 30.7000, 104.0611));
		assertThat(jdbc.sql("select near_station from listing_report where station_id = :s order by id")
			.param("s", station.id().value())
			.query(Boolean.class)
			.list()).containsExactly(true, false);
	}

	@Test
	void onlyTheStationsChainOrUnionConfirmsItOpenAndOnlyLaterReportsCountAgain() {
		Station station = station("青羊确认驿站");
		shut(station, phone());
		shut(station, phone());
		shut(station, phone());
		assertThat(unverifiedInFinder(station)).isTrue();

		actAs(Role.STATION_MASTER);
		assertThatThrownBy(() -> freshness.confirm(station.id())).as("a master of another station")
			.isInstanceOf(StationNotFoundException.class);
		actAs(Role.REVIEWER);
		assertThatThrownBy(() -> freshness.confirm(station.id())).as("union staff who do not run stations")
			.isInstanceOf(ForbiddenException.class);
		assertThat(unverifiedInFinder(station)).isTrue();

		ActingAsNationalAdmin.signIn();
		freshness.confirm(station.id());
		assertThat(unverifiedInFinder(station)).as("the badge goes at once").isFalse();
		assertThat(shut(station, phone()).listingHeld()).as("the three before the confirmation are spent").isFalse();
	}

	private boolean unverifiedInFinder(Station station) {
		return finder.isUnverified(finder.findById(station.id().value()).orElseThrow());
	}

	private int openCases(Station station) {
		return jdbc.sql("select count(*) from problem_ticket where station_id = :s and status = 'OPEN'")
			.param("s", station.id().value())
			.query(Integer.class)
			.single();
	}

	private ListingReportReceipt shut(Station station, String phone) {
		return shut(id(station), phone);
	}

	private ListingReportReceipt shut(String station, String phone) {
		return reports.report(station, new ListingReport("SHUT", "门关着", phone, null, null));
	}

	private static String id(Station station) {
		return Long.toString(station.id().value());
	}

	private static String phone() {
		return "listing-test-phone-" + String.format("%06d", PHONES.incrementAndGet()) + "-"
				+ Long.toHexString(System.nanoTime());
	}

	private Station station(String name) {
		return TestStations.listed(registry, name, "成都市青羊区测试路 1 号", QINGYANG, 30.6740, 104.0610);
	}

	private static void actAs(Role role) {
		Actor actor = new Actor(987_654, "listing-" + role.name().toLowerCase(), OrganizationTree.NATIONAL_CODE,
				OrganizationTree.NATIONAL_CODE, Set.of(role));
		Actor.Principal principal = () -> actor;
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(principal, null, "ROLE_" + role.name()));
	}

}
