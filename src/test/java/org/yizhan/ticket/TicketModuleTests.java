package org.yizhan.ticket;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationTokens;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.ModuleBeans;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tickets start with the modules they declare (station for the chain and the QR token,
 * organization, notification for the holders' notices, platform), and a worker's report
 * or an inspection's failed item (through {@link Rectifications}, the root API the
 * inspection module calls) opens a ticket announced as {@link ProblemReported} with its
 * source.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ExtendWith(ActingAsNationalAdmin.class)
class TicketModuleTests {

	private final ApplicationContext context;

	private final StationRegistry registry;

	private final StationTokens tokens;

	private final ProblemTickets tickets;

	private final Rectifications rectifications;

	TicketModuleTests(ApplicationContext context, StationRegistry registry, StationTokens tokens,
			ProblemTickets tickets, Rectifications rectifications) {
		this.context = context;
		this.registry = registry;
		this.tokens = tokens;
		this.tickets = tickets;
		this.rectifications = rectifications;
	}

	@Test
	void startsWithOnlyTheModulesItDeclares() {
		assertThat(ModuleBeans.modulesWithBeans(context)).containsExactlyInAnyOrder("ticket", "station", "organization",
				"notification", "platform");
	}

	@Test
	void aReportOpensATicketAndPublishesProblemReported(Scenario scenario) {
		Station draft = registry
			.create(new StationInput("工单模块测试驿站", "杭州市西湖区文三路 98 号", "330106", "西湖区环卫所", "SANITATION_DEPOT", 30.2783,
					120.1321, "wgs84", null, 4, List.of("TOILET"), "24/7", null, null, false, null, null, null, null));
		Station station = registry.list(draft.id(), 0L);
		String device = "module-test-" + UUID.randomUUID().toString().substring(0, 8);

		scenario
			.stimulate(() -> tickets
				.report(new ProblemTickets.Report(tokens.issue(station.id()), "BROKEN_FACILITY", "洗手池坏了", device)))
			.andWaitForEventOfType(ProblemReported.class)
			.matching((reported) -> reported.station().equals(station.id()))
			.toArriveAndVerify((reported, answer) -> {
				assertThat(answer.created()).isTrue();
				assertThat(reported.number()).isEqualTo(answer.ticket().number().value());
				assertThat(reported.problem()).isEqualTo(ProblemType.BROKEN_FACILITY);
			});
	}

	@Test
	void anInspectionsFailedItemOpensACaseOfItsSource(Scenario scenario) {
		Station draft = registry
			.create(new StationInput("工单模块检查驿站", "杭州市西湖区文三路 100 号", "330106", "西湖区环卫所", "SANITATION_DEPOT", 30.2784,
					120.1322, "wgs84", null, 4, List.of("TOILET"), "24/7", null, null, false, null, null, null, null));
		Station station = registry.list(draft.id(), 0L);
		// As an inspection uploaded later by a job: nobody signed in, no opener recorded.
		SecurityContextHolder.clearContext();

		scenario
			.stimulate(() -> rectifications.openFromInspection(new Rectifications.InspectionFinding(station.id(),
					"6Y-6", "在地图上可以找到", null, null, null, null, "模块测试")))
			.andWaitForEventOfType(ProblemReported.class)
			.matching((reported) -> reported.station().equals(station.id()))
			.toArriveAndVerify((reported, number) -> {
				assertThat(reported.number()).isEqualTo(number.value());
				assertThat(reported.source()).isEqualTo(TicketSource.INSPECTION);
				assertThat(reported.problem()).isEqualTo(ProblemType.FAILED_ITEM);
			});
	}

}
