package org.yizhan.operations;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.yizhan.YizhanApplication;
import org.yizhan.platform.database.EmbeddedPostgresServer;
import org.yizhan.station.StationId;

import static org.assertj.core.api.Assertions.assertThat;
import org.yizhan.station.StationTokens;

/**
 * Issue 17's check-ins under kill -9, on demand ({@code -Dyizhan.crash.checkins=true}; it
 * takes minutes, like the rating intake's {@code RatingCrashTests} whose harness it
 * shares): the application, a separate JVM against a PostgreSQL of the test's own, is
 * killed with SIGKILL while phones keep checking in, each from a device of its own, and
 * started again after each kill. Afterwards, per station, the check-ins stored are at
 * least those acknowledged as counted (201) and at most those sent; the day's count is
 * its hours' and the guard rows' (one per counted phone): nothing acknowledged lost,
 * nothing counted twice, the three tables in step. A check-in whose request could not
 * connect was not sent and is sent again; one sent and not answered may be stored or not.
 * {@code -Dyizhan.crash.kills=N} changes the number of kills (default 20).
 */
@EnabledIfSystemProperty(named = "yizhan.crash.checkins", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckInCrashTests {

	private static final int KILLS = Integer.getInteger("yizhan.crash.kills", 20);

	private static final int CLIENTS = 12;

	/** Check-ins go to this many stations. */
	private static final int STATIONS = 40;

	private final Path work = Path.of("target/crash-checkins").toAbsolutePath();

	private final String tokenKey = key();

	private final String deviceKey = key();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** Each check-in sent (its request left the phone), by number: its station. */
	private final Map<Long, Long> sent = new ConcurrentHashMap<>();

	/** Each check-in acknowledged as counted, by number: its station. */
	private final Map<Long, Long> acknowledged = new ConcurrentHashMap<>();

	private final AtomicLong numbers = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private EmbeddedPostgresServer postgres;

	private int port;

	private Process application;

	private int starts;

	private List<String> tokens;

	private String classPath;

	@BeforeAll
	void database() throws IOException {
		if (Files.isDirectory(work.resolve("logs"))) {
			try (Stream<Path> old = Files.list(work.resolve("logs"))) {
				for (Path log : (Iterable<Path>) old::iterator) {
					Files.delete(log);
				}
			}
		}
		Files.createDirectories(work.resolve("logs"));
		postgres = EmbeddedPostgresServer.acquire(work.resolve("postgres"), true);
		postgres.createLoginRoleIfMissing("yizhan_app");
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		classPath = applicationClassPath();
	}

	/**
	 * The test JVM's class path with the application's classes in a jar and the tests'
	 * classes left out.
	 */
	private String applicationClassPath() throws IOException {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path path = Path.of(entry);
			if (!Files.isDirectory(path)) {
				entries.add(entry);
			}
			else if (Files.exists(path.resolve("org/yizhan/YizhanApplication.class"))) {
				Path jar = work.resolve("application.jar");
				try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
						Stream<Path> files = Files.walk(path)) {
					// Folders too: Spring finds templates, migrations and components by
					// listing them.
					for (Path file : (Iterable<Path>) files.filter(file -> !file.equals(path)).sorted()::iterator) {
						String name = path.relativize(file).toString().replace(File.separatorChar, '/');
						boolean folder = Files.isDirectory(file);
						out.putNextEntry(new JarEntry(folder ? name + "/" : name));
						if (!folder) {
							Files.copy(file, out);
						}
						out.closeEntry();
					}
				}
				entries.add(0, jar.toString());
			}
		}
		return String.join(File.pathSeparator, entries);
	}

	@AfterAll
	void stop() {
		if (application != null) {
			application.destroyForcibly();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void killsUnderLoadLoseNoAcknowledgedCheckInAndCountNoneTwice() throws Exception {
		long began = System.nanoTime();
		// The first start migrates, loads the demo city and writes the class-data archive
		// as it stops; the first start of the loop is then a restart like the others.
		start(true, "-XX:ArchiveClassesAtExit=" + work.resolve("app.jsa"));
		tokens = tokensOfListedStations();
		application.destroy();
		application.waitFor();
		long prepared = System.nanoTime();

		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> clients = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			Thread client = new Thread(() -> sendWhile(running), "crash-client-" + i);
			client.start();
			clients.add(client);
		}
		List<Long> restartMillis = new ArrayList<>();
		Random random = new Random(5);
		try {
			for (int kill = 1; kill <= KILLS; kill++) {
				long restarting = System.nanoTime();
				start(false, "-XX:SharedArchiveFile=" + work.resolve("app.jsa"));
				restartMillis.add((System.nanoTime() - restarting) / 1_000_000);
				long acknowledgedBefore = acknowledged.size();
				// Under load: until check-ins are being acknowledged, then a random
				// moment
				// on.
				while (acknowledged.size() == acknowledgedBefore) {
					Thread.sleep(10);
				}
				Thread.sleep(50 + random.nextInt(1200));
				application.destroyForcibly();
				application.waitFor();
			}
		}
		finally {
			running.set(false);
			for (Thread client : clients) {
				client.join(10_000);
			}
		}
		long killed = System.nanoTime();

		start(false, "-XX:SharedArchiveFile=" + work.resolve("app.jsa"));
		long last = numbers.incrementAndGet();
		sent.put(last, stationOf(last));
		assertThat(post(checkIn(last)).statusCode()).as("serving after the last restart").isEqualTo(201);
		acknowledged.put(last, stationOf(last));
		application.destroy();
		application.waitFor();

		Map<Long, Long> stored = stored("select station_id, sum(check_ins) from visit_day group by station_id");
		Map<Long, Long> inHours = stored("select station_id, sum(check_ins) from visit_hour group by station_id");
		Map<Long, Long> guards = stored("select station_id, count(*) from visit_guard group by station_id");
		Map<Long, Long> acknowledgedAt = perStation(acknowledged);
		Map<Long, Long> sentTo = perStation(sent);
		long storedInAll = stored.values().stream().mapToLong(Long::longValue).sum();
		System.out.printf(
				"Check-in crash test: %d kills in %d s (first start with the demo city %d s; restarts to ready median %d ms, max %d ms); "
						+ "%d check-ins sent, %d acknowledged, %d refused, %d stored%n",
				KILLS, (killed - prepared) / 1_000_000_000, (prepared - began) / 1_000_000_000,
				restartMillis.stream().sorted().toList().get(restartMillis.size() / 2),
				restartMillis.stream().mapToLong(Long::longValue).max().orElse(0), sent.size(), acknowledged.size(),
				refused.get(), storedInAll);

		assertThat(acknowledged).as("check-ins acknowledged over the kills").hasSizeGreaterThan(KILLS * 10);
		assertThat(refused.get()).as("answers other than 201 while up").isZero();
		assertThat(stored.keySet()).as("only the test's stations have visits").isSubsetOf(stationIds);
		for (long station : stationIds) {
			long count = stored.getOrDefault(station, 0L);
			assertThat(count).as("station %d: every acknowledged check-in stored", station)
				.isGreaterThanOrEqualTo(acknowledgedAt.getOrDefault(station, 0L));
			assertThat(count).as("station %d: nothing counted that was not sent, nor twice", station)
				.isLessThanOrEqualTo(sentTo.getOrDefault(station, 0L));
			assertThat(inHours.getOrDefault(station, 0L)).as("station %d: the day is its hours", station)
				.isEqualTo(count);
			assertThat(guards.getOrDefault(station, 0L)).as("station %d: one guard per counted phone", station)
				.isEqualTo(count);
		}
	}

	private static Map<Long, Long> perStation(Map<Long, Long> byNumber) {
		Map<Long, Long> counts = new HashMap<>();
		byNumber.values().forEach(station -> counts.merge(station, 1L, Long::sum));
		return counts;
	}

	// ------------------------------------------------------------------ the phones

	private void sendWhile(AtomicBoolean running) {
		long number = numbers.incrementAndGet();
		while (running.get()) {
			try {
				HttpResponse<String> answer = post(checkIn(number));
				sent.put(number, stationOf(number));
				if (answer.statusCode() == 201) {
					acknowledged.put(number, stationOf(number));
				}
				else if (answer.statusCode() != 503) {
					refused.incrementAndGet();
				}
				number = numbers.incrementAndGet();
			}
			catch (ConnectException ex) {
				// Down: nothing was sent; the same check-in goes again.
				pause(20);
			}
			catch (IOException ex) {
				// Sent, and the answer lost with the application: stored or not.
				sent.put(number, stationOf(number));
				number = numbers.incrementAndGet();
				pause(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private HttpRequest checkIn(long number) {
		String token = tokens.get((int) (number % tokens.size()));
		String body = "{\"token\":\"" + token + "\",\"deviceId\":\"crash-device-" + String.format("%010d", number)
				+ "\"}";
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/check-ins"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private long stationOf(long number) {
		return stationIds.get((int) (number % stationIds.size()));
	}

	private HttpResponse<String> post(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// ------------------------------------------------------------------ the application

	private final List<Long> stationIds = new ArrayList<>();

	/**
	 * Starts the application as a separate JVM on the test's class path and waits until
	 * it is ready.
	 */
	private void start(boolean withDemoCity, String archive) throws IOException, InterruptedException {
		starts++;
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", archive, "-cp", classPath,
						YizhanApplication.class.getName()));
		command.addAll(List.of("--server.port=" + port,
				"--spring.datasource.url=jdbc:postgresql://localhost:" + jdbcPort() + "/yizhan",
				"--spring.datasource.username=yizhan_app", "--spring.flyway.user=postgres",
				"--spring.flyway.enabled=" + withDemoCity, "--yizhan.demo.enabled=" + withDemoCity,
				// the stations only: every check-in stored is one the test sent
				"--yizhan.demo.history.enabled=false", "--yizhan.demo.admin-password=crash-Test-2046",
				"--yizhan.photos.dir=" + work.resolve("photos"),
				"--yizhan.privacy.key-file=" + work.resolve("keys/personal-data.properties"),
				"--yizhan.rating.tokens.keys.1=" + tokenKey, "--yizhan.rating.tokens.active-key=1",
				"--yizhan.operations.visits.device-key=" + deviceKey,
				"--yizhan.operations.visits.per-address-per-minute=1000000000",
				"--yizhan.rating.intake.device-key=" + deviceKey, "--yizhan.rating.limits.device-burst=1000000",
				"--yizhan.rating.limits.address-burst=1000000000",
				"--yizhan.rating.limits.address-per-second=1000000000", "--yizhan.finder.reconcile-interval=1h",
				"--spring.jmx.enabled=false", "--springdoc.api-docs.enabled=false", "--logging.level.root=warn"));
		// The embedded server asks every role for its password.
		command.addAll(List.of("--spring.datasource.password=" + postgres.password("yizhan_app"),
				"--spring.flyway.password=" + postgres.password("postgres")));
		application = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(work.resolve("logs/start-" + starts + ".log").toFile())
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(withDemoCity ? 240 : 120).toNanos();
		while (!ready()) {
			if (!application.isAlive() || System.nanoTime() > deadline) {
				application.destroyForcibly();
				throw new AssertionError("start " + starts + " failed; see "
						+ work.resolve("logs/start-" + starts + ".log") + ":\n" + tail(starts));
			}
			Thread.sleep(100);
		}
	}

	private boolean ready() throws InterruptedException {
		try {
			HttpResponse<String> health = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(2))
					.build(), HttpResponse.BodyHandlers.ofString());
			return health.statusCode() == 200 && health.body().contains("UP");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private String tail(int start) {
		try {
			List<String> lines = Files.readAllLines(work.resolve("logs/start-" + start + ".log"));
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private List<String> tokensOfListedStations() throws SQLException {
		StationTokens signer = new StationTokens(
				Map.of(1, new StationTokens.SigningKey(Base64.getDecoder().decode(tokenKey), null)), 1,
				Duration.ofDays(90), Clock.systemUTC());
		List<String> issued = new ArrayList<>();
		try (Connection connection = owner();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select id from station where status = 'LISTED' order by id limit " + STATIONS)) {
			while (rows.next()) {
				stationIds.add(rows.getLong(1));
				issued.add(signer.issue(StationId.of(rows.getLong(1))));
			}
		}
		assertThat(issued).as("listed demo stations").hasSize(STATIONS);
		return issued;
	}

	// ------------------------------------------------------------------ the database

	/** A count per station, as the query gives it. */
	private Map<Long, Long> stored(String query) throws SQLException {
		Map<Long, Long> counts = new HashMap<>();
		try (Connection connection = owner();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				counts.put(rows.getLong(1), rows.getLong(2));
			}
		}
		return counts;
	}

	private Connection owner() throws SQLException {
		return DriverManager.getConnection(postgres.jdbcUrl());
	}

	private int jdbcPort() {
		Matcher matcher = Pattern.compile("localhost:(\\d+)/").matcher(postgres.jdbcUrl());
		assertThat(matcher.find()).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	private static String key() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
