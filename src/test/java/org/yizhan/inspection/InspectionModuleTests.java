package org.yizhan.inspection;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.standard.Checklists;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.ModuleBeans;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inspection module starts with the modules it declares, and an open (not mystery)
 * inspection is announced as {@link InspectionCompleted} when it is stored, with its
 * campaign's checklist version and score; a mystery visit only when its campaign's
 * results are published. The ticket module's rectification cases need its notices, hence
 * the notification module as an extra.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "notification")
@RecordApplicationEvents
class InspectionModuleTests {

	private final ApplicationContext context;

	private final InspectionCampaigns campaigns;

	private final Inspections inspections;

	private final Checklists checklists;

	private final JdbcClient jdbc;

	InspectionModuleTests(ApplicationContext context, InspectionCampaigns campaigns, Inspections inspections,
			Checklists checklists, JdbcClient jdbc) {
		this.context = context;
		this.campaigns = campaigns;
		this.inspections = inspections;
		this.checklists = checklists;
		this.jdbc = jdbc;
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void startsWithTheDeclaredModulesWhoseBeansItUses() {
		assertThat(ModuleBeans.modulesWithBeans(this.context)).containsExactlyInAnyOrder("inspection", "standard",
				"station", "ticket", "notification", "organization", "platform");
	}

	@Test
	void anOpenInspectionIsAnnouncedWhenItIsStored(Scenario scenario) {
		ActingAsNationalAdmin.signIn();
		long inspector = xihuInspector();
		long liuYou = nationalChecklist();
		Campaign campaign = spotCheck("模块测试抽查", false, liuYou, 2027L, inspector);
		long station = firstSampled(campaign);
		actAs(new Actor(inspector, "xihu-inspector", "330106", "100000/330000/330100/330106", Set.of(Role.INSPECTOR)));
		List<InspectionInput.Answer> allPass = campaign.items()
			.stream()
			.map(item -> new InspectionInput.Answer(item.code(), "PASS", null, null, null))
			.toList();

		scenario
			.stimulate(() -> this.inspections
				.submit(new InspectionInput(UUID.randomUUID().toString(), campaign.id(), station,
						OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).toString(), null, null, null, null, allPass)))
			.andWaitForEventOfType(InspectionCompleted.class)
			.matching(event -> event.campaignId() == campaign.id())
			.toArriveAndVerify(event -> {
				assertThat(event.stationId()).isEqualTo(station);
				assertThat(event.checklistId()).isEqualTo(liuYou);
				assertThat(event.score()).isEqualByComparingTo("100");
				assertThat(event.mystery()).isFalse();
				assertThat(event.failedItems()).isEmpty();
			});
	}

	@Test
	void aMysteryVisitIsAnnouncedOnlyWhenItsCampaignsResultsArePublished(ApplicationEvents events) {
		ActingAsNationalAdmin.signIn();
		long inspector = xihuInspector();
		long liuYou = nationalChecklist();
		Campaign campaign = spotCheck("模块测试暗访", true, liuYou, 11L, inspector);
		long station = firstSampled(campaign);
		actAs(new Actor(inspector, "xihu-inspector", "330106", "100000/330000/330100/330106", Set.of(Role.INSPECTOR)));
		Inspection stored = this.inspections.submit(new InspectionInput(UUID.randomUUID().toString(), campaign.id(),
				station, OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).toString(), null, null, null, null,
				campaign.items()
					.stream()
					.map(item -> new InspectionInput.Answer(item.code(), "PASS", null, null, null))
					.toList()))
			.inspection();
		assertThat(events.stream(InspectionCompleted.class).filter(e -> e.inspectionId() == stored.id())).isEmpty();

		ActingAsNationalAdmin.signIn();
		this.campaigns.publish(campaign.id());

		assertThat(events.stream(InspectionCompleted.class).filter(e -> e.inspectionId() == stored.id()))
			.singleElement()
			.satisfies(event -> assertThat(event.mystery()).isTrue());
	}

	private static void actAs(Actor actor) {
		Actor.Principal principal = () -> actor;
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(principal, null, "ROLE_INSPECTOR"));
	}

	private long xihuInspector() {
		return this.jdbc.sql("select id from account where username = 'xihu-inspector'").query(Long.class).single();
	}

	/** The national checklist (六有), owned by 100000. */
	private long nationalChecklist() {
		return this.checklists.listChecklists()
			.stream()
			.filter(c -> c.ownerCode().equals("100000"))
			.findFirst()
			.orElseThrow()
			.id();
	}

	/** A ten-day spot check of 西湖区 from today, 5 % sampled from {@code seed}. */
	private Campaign spotCheck(String name, boolean mystery, long checklist, long seed, long inspector) {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		return this.campaigns.create(new CampaignInput("330106", "SPOT_CHECK", name, mystery, checklist, null, 5, seed,
				today.toString(), today.plusDays(10).toString(), List.of(inspector), null));
	}

	private long firstSampled(Campaign campaign) {
		return this.jdbc.sql("select station_id from inspection_sample where campaign_id = ? limit 1")
			.param(campaign.id())
			.query(Long.class)
			.single();
	}

}
