package org.yizhan.partner;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.onboarding.Programme;
import org.yizhan.onboarding.Programmes;
import org.yizhan.organization.Actor;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.DataImports;
import org.yizhan.platform.YizhanTime;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's partner: 饿了么 (Ele.me) with the Hangzhou union's programme "一平米温暖爱心驿站",
 * branded so, and twelve listed stations of 西湖区 in it, so that a first visit finds the
 * brand on those stations' pages and a programme on the partners page. Once per database,
 * only where the demo city was loaded and only while there is no partner; off in the
 * tests like the other demo histories (their stations share one database).
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty(name = { "yizhan.demo.enabled", "yizhan.demo.history.enabled" }, matchIfMissing = true)
class DemoPartners implements ApplicationRunner {

	static final String IMPORT_NAME = "demo-partners";

	static final String BRAND = "一平米温暖爱心驿站";

	private static final Logger log = LoggerFactory.getLogger(DemoPartners.class);

	private final JdbcClient jdbc;

	private final DataImports imports;

	private final Programmes programmes;

	private final OrganizationTree organizations;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoPartners(JdbcClient jdbc, DataImports imports, Programmes programmes, OrganizationTree organizations,
			TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.imports = imports;
		this.programmes = programmes;
		this.organizations = organizations;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Instant now = this.clock.instant();
		this.transaction.executeWithoutResult(
				status -> this.imports.generateOnceForDemoCity(IMPORT_NAME, "partner", now, () -> generate(now))
					.ifPresent(stations -> log.info("The demo partner runs {} demo stations", stations)));
	}

	int generate(Instant now) {
		// The programme is onboarding's, set through its use case as the city union's
		// admin
		// would set it; the demo runs without a request, so it acts as that admin here.
		String cityPath = this.organizations.findByCode("330100").orElseThrow().path();
		Actor.Principal cityAdmin = () -> new Actor(0, "demo", "330100", cityPath, Set.of(Role.ORG_ADMIN));
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(cityAdmin, null, List.of()));
		Programme programme;
		try {
			LocalDate today = LocalDate.now(this.clock.withZone(YizhanTime.ZONE));
			programme = this.programmes.create(new Programmes.ProgrammeInput(BRAND + "（杭州）", "330100", 100,
					today.withDayOfYear(1).toString(), today.withDayOfYear(1).plusYears(1).minusDays(1).toString()));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		Timestamp at = Timestamp.from(now);
		long partner = this.jdbc.sql("""
				insert into partner (name, kind, union_code, created_by, created_at)
				values ('饿了么', 'PLATFORM', '330100', 'demo', :at) returning id""")
			.param("at", at)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into partner_programme (programme_id, partner_id, added_by, added_at)
				values (:programme, :partner, 'demo', :at)""")
			.param("programme", programme.id())
			.param("partner", partner)
			.param("at", at)
			.update();
		this.jdbc.sql("""
				insert into programme_brand (programme_id, brand_name, sign_text, updated_by, updated_at)
				values (:programme, :brand, :brand, 'demo', :at)""")
			.param("programme", programme.id())
			.param("brand", BRAND)
			.param("at", at)
			.update();
		List<Long> stations = this.jdbc.sql("""
				select id from station where district_code = '330106' and status = 'LISTED' order by code limit 12""")
			.query(Long.class)
			.list();
		for (long station : stations) {
			this.jdbc.sql("""
					insert into programme_station (station_id, programme_id, run_by, joined_at)
					values (:station, :programme, 'PARTNER', :at)""")
				.param("station", station)
				.param("programme", programme.id())
				.param("at", at)
				.update();
			this.jdbc.sql("""
					insert into programme_station_history (station_id, programme_id, action, run_by, acted_by, acted_at)
					values (:station, :programme, 'JOINED', 'PARTNER', 'demo', :at)""")
				.param("station", station)
				.param("programme", programme.id())
				.param("at", at)
				.update();
			this.jdbc.sql("""
					insert into partner_change (programme_id, station_id, kind, occurred_at)
					values (:programme, :station, 'JOINED', :at)""")
				.param("programme", programme.id())
				.param("station", station)
				.param("at", at)
				.update();
		}
		return stations.size();
	}

}
