package org.yizhan.onboarding;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.yizhan.geo.GeoPoint;
import org.yizhan.support.ModuleBeans;
import org.yizhan.support.TestImages;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Onboarding starts with the modules it declares (station for the catalogues and the
 * photos, organization for the union tree, calendar for the hours, platform), and a
 * submitted application is announced as {@link ApplicationSubmitted}.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class OnboardingModuleTests {

	private final ApplicationContext context;

	private final Applications applications;

	private final JdbcClient jdbc;

	OnboardingModuleTests(ApplicationContext context, Applications applications, JdbcClient jdbc) {
		this.context = context;
		this.applications = applications;
		this.jdbc = jdbc;
	}

	@Test
	void startsWithOnlyTheModulesItDeclares() {
		assertThat(ModuleBeans.modulesWithBeans(context)).containsExactlyInAnyOrder("onboarding", "station", "coverage",
				"standard", "organization", "calendar", "platform");
	}

	@Test
	void aSubmittedApplicationIsAnnounced(Scenario scenario) {
		// A demo station's own position: inside 西湖区 whether or not its boundary is on
		// file.
		GeoPoint site = jdbc.sql(
				"select lat, lon from station where district_code = '330106' and status = 'LISTED' order by id limit 1")
			.query((rs, n) -> GeoPoint.of(rs.getDouble(1), rs.getDouble(2)))
			.single();
		Map<String, Object> application = ApplicationFixtures.application(ApplicationFixtures.randomCreditCode(),
				"模块测试商户", "330106", site);

		scenario
			.stimulate(() -> applications.submit(OnboardingAccessRows.input(application),
					List.of(TestImages.jpeg(32, 24)), "http://module-test"))
			.andWaitForEventOfType(ApplicationSubmitted.class)
			.matching(submitted -> submitted.districtCode().equals("330106"))
			.toArriveAndVerify((submitted, receipt) -> {
				assertThat(receipt.status().status()).isEqualTo(ApplicationStatus.SUBMITTED);
				assertThat(submitted.duplicate()).as("a listed station stands on the very spot").isTrue();
				assertThat(jdbc.sql("select token from application where id = ?")
					.param(submitted.applicationId())
					.query(String.class)
					.single()).isEqualTo(receipt.token().value());
			});
	}

}
