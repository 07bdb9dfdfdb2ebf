package org.yizhan.funding;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
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
 * Gives the demo city money to look at on a first visit (issue 16): 西湖区's upkeep rule of
 * Taiyuan's 200 yuan per station and month with a yearly budget, and the last two months
 * that are over (one when the year began a month ago) run, prepared by {@code xihu-admin}
 * and approved by {@code hangzhou-admin} (and {@code admin} where a batch needs two), so
 * the ledger, the batches and the supervision page hold paid months. The demo stations
 * are dated as listed half a year back, so these months find them listed. Everything goes
 * through the use cases (maker-checker, budget, audit) as those accounts. Once per
 * database, only on the demo city's and only while no rule exists; off with
 * {@code yizhan.demo.history.enabled=false}, as the tests run.
 */
@Component
@Order(41)
@ConditionalOnBooleanProperty(name = { "yizhan.demo.enabled", "yizhan.demo.history.enabled" }, matchIfMissing = true)
class DemoFunding implements ApplicationRunner {

	static final String IMPORT_NAME = "demo-funding";

	static final String XIHU = "330106";

	static final String CITY = "330100";

	private static final Logger log = LoggerFactory.getLogger(DemoFunding.class);

	private final DataImports imports;

	private final SubsidyRules rules;

	private final PaymentRuns runs;

	private final OrganizationTree organizations;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoFunding(DataImports imports, SubsidyRules rules, PaymentRuns runs, OrganizationTree organizations,
			TransactionTemplate transaction, Clock clock) {
		this.imports = imports;
		this.rules = rules;
		this.runs = runs;
		this.organizations = organizations;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.transaction.executeWithoutResult(status -> this.imports
			.generateOnceForDemoCity(IMPORT_NAME, "funding_rule", this.clock.instant(), this::generate)
			.ifPresent(
					lines -> log.info("Generated the demo city's funding (演示数据): {} payments of 西湖区's upkeep", lines)));
	}

	int generate() {
		Organization xihu = this.organizations.findByCode(XIHU).orElse(null);
		Organization city = this.organizations.findByCode(CITY).orElse(null);
		if (xihu == null || city == null) {
			return 0;
		}
		Actor maker = new Actor(0, "xihu-admin", XIHU, xihu.path(), Set.of(Role.ORG_ADMIN));
		Actor checker = new Actor(0, "hangzhou-admin", CITY, city.path(), Set.of(Role.ORG_ADMIN));
		Actor second = new Actor(0, "admin", OrganizationTree.NATIONAL_CODE, OrganizationTree.NATIONAL_CODE,
				Set.of(Role.ORG_ADMIN, Role.FINANCE));
		YearMonth last = YearMonth.from(LocalDate.now(this.clock.withZone(YizhanTime.ZONE))).minusMonths(1);
		YearMonth before = last.minusMonths(1);
		long ruleId = as(maker,
				() -> this.rules
					.create(new RuleInput(XIHU, SubsidyKind.UPKEEP.name(), "西湖区驿站日常运维补贴（演示）",
							Integer.toString(last.getYear()), "200", "300000"))
					.id());
		int lines = 0;
		for (YearMonth month : before.getYear() == last.getYear() ? new YearMonth[] { before, last }
				: new YearMonth[] { last }) {
			long batchId = as(maker, () -> this.runs.run(ruleId, month).batch().id());
			PaymentBatch approved = as(checker, () -> this.runs.approve(batchId));
			PaymentBatch paid = approved.paid() ? approved : as(second, () -> this.runs.approve(batchId));
			lines += paid.lineCount();
		}
		return lines;
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
