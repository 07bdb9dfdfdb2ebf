package org.yizhan.grading;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.DataImports;
import org.yizhan.platform.YizhanTime;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the demo city a finished grading year, so that a first visit finds the grading
 * pages with something in them (issue 16): 杭州市's assessment of last year over the demo
 * histories (ratings, cases, visits, generated before it), a naming batch of the first
 * {@value #NAMED} proposals that change a grade, under a document number that says it is
 * a demo, and a nomination quota of {@value #QUOTA} for 西湖区 in that year. Everything goes
 * through the use cases as the demo accounts {@code hangzhou-admin} would (audited as
 * them), not as rows written beside them. Once per database, only on the demo city's and
 * only while no run exists; off with {@code yizhan.demo.history.enabled=false}, as the
 * tests run.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty(name = { "yizhan.demo.enabled", "yizhan.demo.history.enabled" }, matchIfMissing = true)
class DemoGrading implements ApplicationRunner {

	static final String IMPORT_NAME = "demo-grading";

	static final String CITY = "330100";

	static final String XIHU = "330106";

	static final int NAMED = 24;

	static final String QUOTA = "5";

	private static final Logger log = LoggerFactory.getLogger(DemoGrading.class);

	private final DataImports imports;

	private final Assessments assessments;

	private final GradingDecisions decisions;

	private final Nominations nominations;

	private final OrganizationTree organizations;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoGrading(DataImports imports, Assessments assessments, GradingDecisions decisions, Nominations nominations,
			OrganizationTree organizations, TransactionTemplate transaction, Clock clock) {
		this.imports = imports;
		this.assessments = assessments;
		this.decisions = decisions;
		this.nominations = nominations;
		this.organizations = organizations;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.transaction.executeWithoutResult(status -> this.imports
			.generateOnceForDemoCity(IMPORT_NAME, "grading_run", this.clock.instant(), this::generate)
			.ifPresent(stations -> log.info(
					"Generated the demo city's grading (演示数据): last year's assessment of {} stations and a naming batch",
					stations)));
	}

	int generate() {
		Organization city = this.organizations.findByCode(CITY).orElse(null);
		if (city == null) {
			return 0;
		}
		LocalDate today = LocalDate.now(this.clock.withZone(YizhanTime.ZONE));
		int year = today.getYear() - 1;
		Actor admin = new Actor(0, "hangzhou-admin", CITY, city.path(), Set.of(Role.ORG_ADMIN));
		return as(admin, () -> {
			GradingRun run = this.assessments.run(CITY, year);
			List<Long> changing = this.assessments.listProposals(run.id(), true, 0, NAMED)
				.proposals()
				.stream()
				.map(proposal -> proposal.evidence().stationId())
				.toList();
			if (!changing.isEmpty()) {
				LocalDate dated = LocalDate.of(today.getYear(), 1, 15);
				this.decisions.acceptBatch(run.id(), "杭工发〔" + today.getYear() + "〕3号（演示）",
						dated.isAfter(today) ? today : dated, changing);
			}
			this.nominations.setQuota(XIHU, Integer.toString(year), QUOTA);
			return run.stations();
		});
	}

	/** Runs {@code work} signed in as {@code actor}, as a request of theirs would. */
	private static <T> T as(Actor actor, Supplier<T> work) {
		Actor.Principal principal = () -> actor;
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
					actor.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
