package org.yizhan.listing;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.station.Freshness;
import org.yizhan.station.ListingFreshness;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestStations;
import org.yizhan.ticket.TicketFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A station unconfirmed for 30 days asks its station master and liaison to confirm it, at
 * 60 days its union's admins are told; each once, however often the job runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@ExtendWith(ActingAsNationalAdmin.class)
class FreshnessRemindersTests {

	/** 成都市金牛区: no other test keeps stations or accounts there. */
	static final String JINNIU = "510106";

	@Autowired
	ApplicationContext context;

	@Autowired
	StationRegistry registry;

	@Autowired
	ListingFreshness freshness;

	@Autowired
	FreshnessReminders reminders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theChainIsAskedAtThirtyDaysAndTheUnionToldAtSixtyEachOnce() throws Exception {
		Station station = TestStations.listed(registry, "金牛提醒驿站", "成都市金牛区测试路 2 号", JINNIU, 30.6900, 104.0500);
		TicketFixtures fixtures = TicketFixtures.of(context);
		TicketFixtures.Person master = fixtures.account(JINNIU, List.of("STATION_MASTER"), station);
		TicketFixtures.Person liaison = fixtures.account(JINNIU, List.of("LIAISON"), station);
		TicketFixtures.Person admin = fixtures.account(JINNIU, List.of("ORG_ADMIN"));
		fixtures.chain(station, master, liaison, null, JINNIU);
		Freshness fresh = freshness.find(station.id()).orElseThrow();

		clock.set(fresh.confirmedAt().plus(Duration.ofDays(29)));
		reminders.run();
		assertThat(notices(FreshnessReminders.KIND_REMIND, master, liaison, admin)).as("29 days").isZero();

		clock.set(fresh.confirmedAt().plus(Freshness.REMIND_AFTER).plusSeconds(3600));
		reminders.run();
		assertThat(notices(FreshnessReminders.KIND_REMIND, master, liaison)).isEqualTo(2);
		assertThat(notices(FreshnessReminders.KIND_STALE, admin)).isZero();
		reminders.run();
		assertThat(notices(FreshnessReminders.KIND_REMIND, master, liaison)).as("a second run").isEqualTo(2);

		clock.set(fresh.confirmedAt().plus(Freshness.STALE_AFTER).plusSeconds(3600));
		reminders.run();
		reminders.run();
		assertThat(notices(FreshnessReminders.KIND_STALE, admin)).isEqualTo(1);
		assertThat(notices(FreshnessReminders.KIND_STALE, master, liaison)).isZero();
	}

	private int notices(String kind, TicketFixtures.Person... people) {
		return jdbc.sql("select count(*) from notification where kind = :kind and account_id in (:ids)")
			.param("kind", kind)
			.param("ids", java.util.Arrays.stream(people).map(TicketFixtures.Person::id).toList())
			.query(Integer.class)
			.single();
	}

}
