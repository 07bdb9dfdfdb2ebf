package org.yizhan.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.platform.YizhanTime;
import org.yizhan.rating.RatingStatus;
import org.yizhan.rating.RatingSubmitted;
import org.yizhan.station.Station;
import org.yizhan.station.StationLevel;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.ModuleBeans;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supervision starts with the declared modules whose beans it uses, and hears the rating
 * module: a counted {@link RatingSubmitted} of a silent station closes its case after the
 * rating's commit, without waiting for the hourly check. No bean of the module uses one
 * of platform's, so platform (the database) is included by name.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@Import(MutableClockConfiguration.class)
@ExtendWith(ActingAsNationalAdmin.class)
class SupervisionModuleTests {

	private final ApplicationContext context;

	private final MutableClock clock;

	private final SilentFixtures fixtures;

	SupervisionModuleTests(ApplicationContext context, MutableClock clock) {
		this.context = context;
		this.clock = clock;
		this.fixtures = SilentFixtures.of(context);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void startsWithTheDeclaredModulesWhoseBeansItUses() {
		// rating and ticket reach supervision as events and tables, not beans
		assertThat(ModuleBeans.modulesWithBeans(context)).containsExactlyInAnyOrder("supervision", "station",
				"organization", "notification", "platform");
	}

	@Test
	void aCountedRatingOfASilentStationClosesItsCase(Scenario scenario) {
		Station silent = fixtures.listedStation("模块测试无评价驿站", StationLevel.NONE, "2025-12-15T10:00+08:00");
		fixtures.judge("2026-03");
		clock.reset();
		assertThat(fixtures.casesOf(silent.id())).singleElement()
			.satisfies((open) -> assertThat(open.status()).isEqualTo(SilentCaseStatus.OPEN));
		Instant now = Instant.now();
		fixtures.rate(silent.id(), now.atZone(YizhanTime.ZONE).toOffsetDateTime().toString(), RatingStatus.COUNTED);

		scenario
			.publish(new RatingSubmitted(-1, LocalDate.now(YizhanTime.ZONE), silent.id(), 5, Set.of(),
					RatingStatus.COUNTED, Set.of(), now))
			.andWaitForStateChange(() -> fixtures.casesOf(silent.id()).get(0).status(),
					(status) -> status != SilentCaseStatus.OPEN)
			.andVerify((status) -> assertThat(status).isEqualTo(SilentCaseStatus.RESOLVED_BY_RATING));
	}

}
