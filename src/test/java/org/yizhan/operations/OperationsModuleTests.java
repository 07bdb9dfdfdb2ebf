package org.yizhan.operations;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationTokens;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.ModuleBeans;
import org.yizhan.support.TestStations;

import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations module starts with the modules it declares, and counts visits through
 * its API alone: a phone's check-in counts once, a second one inside the period is
 * answered with the first, and the station master's tally of the same day is merged by
 * the larger, not added.
 */
// the finder, whose contracts this module implements, needs the calendar; the ticket
// module, which opens
// a silent door's case, needs the notification centre
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = { "calendar", "notification" })
@ExtendWith(ActingAsNationalAdmin.class)
class OperationsModuleTests {

	/** 广州市荔湾区: no other test counts visits there. */
	static final String LIWAN = "440103";

	private final ApplicationContext context;

	private final StationRegistry registry;

	private final StationTokens tokens;

	private final Visits visits;

	OperationsModuleTests(ApplicationContext context, StationRegistry registry, StationTokens tokens, Visits visits) {
		this.context = context;
		this.registry = registry;
		this.tokens = tokens;
		this.visits = visits;
	}

	@Test
	void startsWithTheDeclaredModulesWhoseBeansItUses() {
		assertThat(ModuleBeans.modulesWithBeans(context)).contains("operations", "station", "organization", "platform");
	}

	@Test
	void aPhoneCountsOnceAndTheTallyIsMergedByTheLarger() {
		Station station = TestStations.listed(registry, "荔湾运营测试驿站", "广州市荔湾区测试路 1 号", LIWAN, 23.1259, 113.2443);
		String token = tokens.issue(station.id());

		CheckIn first = visits.checkIn(token, "module-test-phone-0001");
		CheckIn again = visits.checkIn(token, "module-test-phone-0001");
		CheckIn other = visits.checkIn(token, "module-test-phone-0002");

		assertThat(first.counted()).isTrue();
		assertThat(first.stationCode()).isEqualTo(station.code().toString());
		assertThat(again.counted()).isFalse();
		assertThat(again.checkedInAt()).isEqualTo(first.checkedInAt());
		assertThat(again.nextFrom()).isEqualTo(first.checkedInAt().plus(visits.period()));
		assertThat(other.counted()).isTrue();

		LocalDate today = first.checkedInAt().atZone(YizhanTime.ZONE).toLocalDate();
		int hour = first.checkedInAt().atZone(YizhanTime.ZONE).getHour();
		StationVisits counted = visits.listForStation(station.id(), today, today, today);
		assertThat(counted.days()).singleElement().satisfies(day -> {
			assertThat(day.checkIns()).isEqualTo(2);
			assertThat(day.tally()).isNull();
			assertThat(day.visits()).isEqualTo(2);
		});
		assertThat(counted.hours().get(hour)).isEqualTo(2);

		visits.recordTally(station.id(), today, 5);
		assertThat(visits.listForStation(station.id(), today, today, null).days()).singleElement()
			.satisfies(day -> assertThat(day.visits()).isEqualTo(5));
		visits.recordTally(station.id(), today, 1);
		assertThat(visits.listForStation(station.id(), today, today, null).days()).singleElement()
			.satisfies(day -> assertThat(day.visits()).as("the check-ins, larger than the tally").isEqualTo(2));
	}

}
