package org.yizhan.rating;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationTokens;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.ModuleBeans;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rating module starts with the modules whose beans it uses (station for the token
 * and the listed stations, organization, platform; ticket only lends the rating page its
 * problem types), and a rating of a listed station through {@link Ratings} is stored,
 * counted, by the group-commit writer.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ExtendWith(ActingAsNationalAdmin.class)
class RatingModuleTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApplicationContext context;

	private final StationRegistry registry;

	private final StationTokens tokens;

	private final Ratings ratings;

	private final JdbcClient jdbc;

	RatingModuleTests(ApplicationContext context, StationRegistry registry, StationTokens tokens, Ratings ratings,
			JdbcClient jdbc) {
		this.context = context;
		this.registry = registry;
		this.tokens = tokens;
		this.ratings = ratings;
		this.jdbc = jdbc;
	}

	@Test
	void startsWithOnlyTheModulesWhoseBeansItUses() {
		assertThat(ModuleBeans.modulesWithBeans(context)).containsExactlyInAnyOrder("rating", "station", "organization",
				"calendar", "platform");
	}

	@Test
	void aRatingOfAListedStationIsStoredAndCounted(Scenario scenario) {
		// far in the west of 淳安县, where no other test's station is
		double lat = 29.50 + RANDOM.nextDouble() * 0.05;
		double lon = 118.30 + RANDOM.nextDouble() * 0.05;
		Station draft = registry.create(new StationInput("评价模块测试驿站", "杭州市淳安县评价路 2 号", "330127", "测试单位", "OTHER", lat,
				lon, "wgs84", null, null, List.of(), "24/7", null, null, false, null, null, null, null));
		Station station = registry.list(draft.id(), 0L);
		byte[] device = new byte[16];
		RANDOM.nextBytes(device);
		RatingInput input = new RatingInput(tokens.issue(station.id()), 5, List.of(), "RIDER", null,
				HexFormat.of().formatHex(device), null, new RatingInput.Location(lat, lon, "wgs84"));

		scenario.stimulate(() -> ratings.submit(input, "198.51.100." + (1 + RANDOM.nextInt(250))))
			.andWaitForStateChange(() -> jdbc.sql("select status from rating where station_id = :station")
				.param("station", station.id().value())
				.query(String.class)
				.optional())
			.andVerify((status, receipt) -> {
				assertThat(status).contains("COUNTED");
				assertThat(receipt.result()).isEqualTo(RatingReceipt.Result.COUNTED);
			});
	}

}
