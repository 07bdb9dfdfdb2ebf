package org.yizhan.monitoring;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.yizhan.finder.StationFinder;
import org.yizhan.rating.IntakeTestSupport;
import org.yizhan.station.Station;
import org.yizhan.station.StationCopies;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.TestAccounts;
import org.yizhan.ticket.ProblemTickets;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} as a Prometheus server scrapes it: with the scrape token
 * and nothing else, never through an account, never by a redirect; and the domain's
 * figures on it move with real actions (a rating posted, a problem reported, a station
 * changed behind the index's back). Runs in the rating intake's test context, which has a
 * server, a clock the tests move and its own stations.
 */
class PrometheusScrapeTests extends IntakeTestSupport {

	/** As the test configuration sets {@code yizhan.metrics.scrape-token}. */
	static final String SCRAPE_TOKEN = "test-scrape-token-0123456789abcdefghijklmnop";

	/** Past {@code yizhan.metrics.refresh-interval}: the gauges count again. */
	private static final Duration PAST_REFRESH = Duration.ofSeconds(16);

	@Autowired
	ProblemTickets tickets;

	@Autowired
	StationFinder finder;

	@Autowired
	StationCopies copies;

	@Autowired
	DomainMetrics metrics;

	@Test
	void theScrapeTokenReadsTheFrameworksMetricsAndTheDomainsInPrometheusFormat() {
		// a request answered before the scrape, so that the requests' timer has a series
		assertThat(HttpCaller.anonymous(this.port).get("/actuator/health").statusCode()).isEqualTo(200);

		HttpResponse<String> scrape = HttpCaller.bearer(this.port, SCRAPE_TOKEN).get("/actuator/prometheus");

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
		// what the Grafana dashboard and the alert rules (deploy/monitoring/) read
		assertThat(scrape.body()).contains("# TYPE jvm_memory_used_bytes gauge", "jvm_memory_used_bytes{area=\"heap\"",
				"process_cpu_usage ", "hikaricp_connections_active{", "hikaricp_connections_pending{",
				"http_server_requests_seconds_count{", "yizhan_database_up 1.0",
				"yizhan_tickets_open{source=\"QR_REPORT\"}", "yizhan_tickets_overdue{source=\"INSPECTION\"}",
				"yizhan_stations_listed ", "yizhan_finder_index_stations ", "yizhan_finder_index_drift ",
				"yizhan_rating_queue ", "yizhan_rating_batch_duration_seconds_count ",
				"yizhan_rating_refused_total{reason=\"busy\"}");
		// The finder's entry outages are refreshed at start-up by a scheduled run:
		// Spring's
		// observation of it, and this module's last success, are on the scrape.
		assertThat(scrape.body())
			.containsPattern("tasks_scheduled_execution_seconds_count\\{code_function=\"refresh\","
					+ "code_namespace=\"org\\.yizhan\\.finder\\.EntryOutageSet\",[^}]*outcome=\"SUCCESS\"\\}")
			.contains("yizhan_jobs_last_success_seconds{job=\"EntryOutageSet.refresh\"}");
		assertThat(scrape.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void withoutTheTokenAScrapeIsAnswered401WithABearerChallengeNotSentToTheSignInPage() {
		for (HttpCaller caller : new HttpCaller[] { HttpCaller.anonymous(this.port),
				HttpCaller.bearer(this.port, SCRAPE_TOKEN + "x"), HttpCaller.bearer(this.port, "yz_not-a-token"),
				HttpCaller.basic(this.port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD) }) {
			HttpResponse<String> refused = caller.get("/actuator/prometheus");

			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"yizhan-metrics\"");
			assertThat(refused.headers().firstValue("Location")).isEmpty();
			assertThat(refused.body()).doesNotContain("yizhan_");
		}
	}

	@Test
	void aSignedInAdministratorsConsoleSessionDoesNotReadTheMetrics() {
		HttpCaller console = HttpCaller.console(this.port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		assertThat(console.get("/console/stations").statusCode()).isEqualTo(200);

		HttpResponse<String> refused = console.get("/actuator/prometheus");

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).doesNotContain("yizhan_");
	}

	@Test
	void theScrapeTokenOpensNothingButTheMetrics() {
		HttpCaller scraper = HttpCaller.bearer(this.port, SCRAPE_TOKEN);

		assertThat(scraper.get("/api/v1/stations").statusCode()).isEqualTo(401);
		assertThat(scraper.get("/api/v1/me").statusCode()).isEqualTo(401);
		HttpResponse<String> console = scraper.get("/console/stations");
		assertThat(console.statusCode()).isEqualTo(302);
		assertThat(console.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void ratingsTakenAndRefusedAreCountedByResultAndReason() {
		Station station = listedStation();
		double counted = value("yizhan_rating_accepted_total{result=\"counted\"}");
		double repeated = value("yizhan_rating_accepted_total{result=\"already_rated\"}");
		double invalid = value("yizhan_rating_refused_total{reason=\"invalid\"}");
		String device = newDevice();

		assertThat(send(newAddress(), rating(token(station), 5, device)).getResponse().getStatus()).isEqualTo(201);
		assertThat(send(newAddress(), rating(token(station), 4, device)).getResponse().getStatus()).isEqualTo(200);
		assertThat(send(newAddress(), rating(token(station), 9, newDevice())).getResponse().getStatus()).isEqualTo(400);

		assertThat(value("yizhan_rating_accepted_total{result=\"counted\"}")).isEqualTo(counted + 1);
		assertThat(value("yizhan_rating_accepted_total{result=\"already_rated\"}")).isEqualTo(repeated + 1);
		assertThat(value("yizhan_rating_refused_total{reason=\"invalid\"}")).isEqualTo(invalid + 1);
	}

	@Test
	void aReportedProblemIsOpenAndPastItsDeadlineOverdue() {
		Station station = listedStation();
		this.clock.advance(PAST_REFRESH);
		double open = value("yizhan_tickets_open{source=\"QR_REPORT\"}");
		double overdue = value("yizhan_tickets_overdue{source=\"QR_REPORT\"}");

		this.tickets.report(new ProblemTickets.Report(token(station), "MISSING_SUPPLIES", "饮用水没有了", newDevice()));
		this.clock.advance(PAST_REFRESH);

		assertThat(value("yizhan_tickets_open{source=\"QR_REPORT\"}")).isEqualTo(open + 1);
		assertThat(value("yizhan_tickets_overdue{source=\"QR_REPORT\"}")).isEqualTo(overdue);

		// A missing supply has two days (yizhan.rating.tickets.deadlines).
		this.clock.advance(Duration.ofDays(2).plusHours(1));

		assertThat(value("yizhan_tickets_overdue{source=\"QR_REPORT\"}")).isGreaterThanOrEqualTo(overdue + 1);
	}

	@Test
	void aStationChangedBehindTheIndexsBackIsDriftUntilTheReconciliationRepairsIt() {
		Station station = listedStation();
		this.copies.reconcile();
		this.clock.advance(PAST_REFRESH);
		assertThat(value("yizhan_finder_index_drift")).isZero();
		assertThat(value("yizhan_finder_index_stations")).isEqualTo(this.finder.size());

		// as another instance's change looks here until the reconciliation: no event
		this.jdbc.sql("update station set status = 'SUSPENDED' where id = :id")
			.param("id", station.id().value())
			.update();
		this.clock.advance(PAST_REFRESH);
		assertThat(value("yizhan_finder_index_drift")).isEqualTo(1);

		this.copies.reconcile();
		this.clock.advance(PAST_REFRESH);
		assertThat(value("yizhan_finder_index_drift")).isZero();
	}

	@Test
	void aJobThatRunsOnceAcrossInstancesShowsWhenItLastStarted() {
		Instant started = Instant.parse("2026-12-08T01:00:00Z");
		this.jdbc.sql("""
				insert into shedlock (name, lock_until, locked_at, locked_by)
				values ('metrics-test-job', :at, :at, 'test')
				on conflict (name) do update set locked_at = :at, lock_until = :at""")
			.param("at", java.sql.Timestamp.valueOf(started.atZone(java.time.ZoneOffset.UTC).toLocalDateTime()))
			.update();
		this.clock.advance(PAST_REFRESH);
		// The reading that finds a new job adds its series; a scrape shows it from then
		// on.
		this.metrics.snapshot();

		assertThat(value("yizhan_jobs_last_started_seconds{job=\"metrics-test-job\"}"))
			.isEqualTo(started.getEpochSecond());
	}

	/** One series' value on a fresh scrape. */
	private double value(String series) {
		String body = HttpCaller.ok(HttpCaller.bearer(this.port, SCRAPE_TOKEN).get("/actuator/prometheus"));
		Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(body);
		assertThat(line.find()).as("%s on the scrape", series).isTrue();
		return Double.parseDouble(line.group(1));
	}

}
