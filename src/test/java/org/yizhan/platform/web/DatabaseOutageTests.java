package org.yizhan.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yizhan.platform.database.EmbeddedPostgresServer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the database is away, readiness says so within seconds and requests are answered
 * 503 with {@code Retry-After} at once (the API with problem details, pages with a page),
 * not 500 after half a minute; when it is back, everything works again by itself.
 *
 * <p>
 * The application runs on a database server of its own (not the suite's shared one),
 * reached through a relay this test cuts off and reconnects.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "yizhan.demo.enabled=false", "yizhan.finder.reconcile-interval=1h" })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTests {

	private static EmbeddedPostgresServer server;

	private static TcpRelay relay;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws IOException {
		server = EmbeddedPostgresServer.acquire(Path.of("target/outage-postgres"), true, false, false, 50);
		server.createLoginRoleIfMissing("yizhan_app");
		relay = new TcpRelay(Integer.parseInt(server.connectionUrl().replaceAll(".*:(\\d+)/.*", "$1")));
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + relay.port() + "/yizhan");
		registry.add("spring.datasource.username", () -> "yizhan_app");
		registry.add("spring.datasource.password", () -> server.password("yizhan_app"));
		registry.add("spring.flyway.user", () -> "postgres");
		registry.add("spring.flyway.password", () -> server.password("postgres"));
	}

	@AfterAll
	static void stop() throws IOException {
		relay.close();
		server.close();
	}

	@Test
	void readinessFollowsTheDatabaseRequestsFailFastWith503AndAllRecoversByItself(CapturedOutput output)
			throws Exception {
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/problems/K7QM-4XT9-PR2H").statusCode()).isEqualTo(404);
		assertThat(get("/login").statusCode()).isEqualTo(200);

		relay.down();

		long asked = System.nanoTime();
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).as("answer: %s", readiness.body()).isEqualTo(503);
		assertThat(readiness.body()).contains("DOWN");
		assertThat(seconds(asked)).as("readiness DOWN within seconds").isLessThan(8);

		asked = System.nanoTime();
		HttpResponse<String> read = get("/api/v1/problems/K7QM-4XT9-PR2H");
		assertThat(read.statusCode()).as(() -> "answer: " + read.body() + "\nthe server's log:\n" + tail(output))
			.isEqualTo(503);
		assertThat(read.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(read.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(read.body()).contains("数据库暂时不可用");
		assertThat(seconds(asked)).as("an API read answered 503 fast").isLessThan(8);

		// The sign-in page needs no database (no session before signing in): it answers
		// at once. Signing in does need it, and is answered 503, not "wrong password".
		asked = System.nanoTime();
		HttpResponse<String> page = get("/login");
		assertThat(page.statusCode()).as("answer: %s", page.body()).isEqualTo(200);
		assertThat(seconds(asked)).as("the sign-in page answered fast").isLessThan(8);
		Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(field.find()).isTrue();
		String csrfCookie = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("YIZHAN-CSRF="))
			.map(cookie -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.orElseThrow();
		asked = System.nanoTime();
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.timeout(Duration.ofSeconds(60))
			.header("Accept-Language", "zh-CN")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrfCookie)
			.POST(HttpRequest.BodyPublishers.ofString(
					"username=admin&password=x&_csrf=" + URLEncoder.encode(field.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).as(() -> "answer: " + login.body() + "\nthe server's log:\n" + tail(output))
			.isEqualTo(503);
		assertThat(login.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(login.body()).contains("暂时无法访问").contains("Temporarily unavailable");
		assertThat(seconds(asked)).as("signing in answered 503 fast").isLessThan(15);

		relay.up();

		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (get("/actuator/health/readiness").statusCode() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/problems/K7QM-4XT9-PR2H").statusCode()).isEqualTo(404);
		assertThat(get("/login").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept-Language", "zh-CN")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The end of what the server logged, exception names and causes first, so that a
	 * wrong answer in CI (where only the failure message is kept) says what failed.
	 */
	private static String tail(CapturedOutput output) {
		String all = output.getAll();
		String causes = all.lines()
			.filter(line -> line.contains("Exception") && !line.startsWith("\tat "))
			.distinct()
			.reduce("", (joined, line) -> joined + line + "\n");
		return causes.substring(Math.max(0, causes.length() - 6000));
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
