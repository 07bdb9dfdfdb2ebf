package org.yizhan.rating;

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
import java.util.concurrent.ThreadLocalRandom;
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

import org.yizhan.YizhanApplication;
import org.yizhan.platform.database.EmbeddedPostgresServer;
import org.yizhan.station.StationId;

import static org.assertj.core.api.Assertions.assertThat;
import org.yizhan.station.StationTokens;

/**
 * Issue 5's crash test: the application, a separate JVM, is killed with SIGKILL 50 times
 * while phones keep sending ratings, and started again after each kill. Afterwards every
 * rating it acknowledged is stored exactly once, with what was sent and the status it was
 * told; nothing that was not sent is stored; and the figures (counts and star sums per
 * station and status, plain SQL over {@code rating}, as the figures slice computes them)
 * match the stored ratings.
 *
 * <p>
 * The test owns its PostgreSQL (an embedded server in {@code target/crash-postgres}, not
 * the one the other tests share), and only the application is killed: the point is what
 * the application acknowledged before it died. Each rating is its own device, numbered in
 * its comment, so that every stored row names the rating it came from. A rating whose
 * request could not even connect (the application was down) was not sent and is sent
 * again later; one that was sent but not answered may or may not be stored.
 *
 * <p>
 * Restarts are kept short: the demo city is loaded and the schema migrated once, at the
 * first start, and neither is looked at again (demo off, Flyway off); the child JVM runs
 * with C1 only and a class-data archive written by that first start when it stops
 * cleanly. Class-data archives take only jars, so the application's classes are put in
 * one and the test's own classes are left out. {@code -Dyizhan.crash.kills=N} changes the
 * number of kills.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingCrashTests {

	private static final int KILLS = Integer.getInteger("yizhan.crash.kills", 50);

	private static final int CLIENTS = 12;

	/** Ratings go to this many stations, so some stations see bursts and get held. */
	private static final int STATIONS = 40;

	private static final Pattern COMMENT = Pattern.compile("crash-(\\d+)");

	private final Path work = Path.of("target/crash").toAbsolutePath();

	private final String tokenKey = key();

	private final String deviceKey = key();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Map<Long, Sent> sent = new ConcurrentHashMap<>();

	private final Map<Long, String> acknowledged = new ConcurrentHashMap<>();

	private final AtomicLong numbers = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private EmbeddedPostgresServer postgres;

	private int port;

	private Process application;

	private int starts;

	private List<String> tokens;

	private String classPath;

	record Sent(long stationId, int stars) {
	}

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
	void fiftyKillsUnderLoadLoseNoAcknowledgedRatingAndTheFiguresMatchTheStoredRatings() throws Exception {
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
				// Under load: until ratings are being acknowledged, then a random moment
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
		assertThat(post(rating(numbers.incrementAndGet())).statusCode()).as("serving after the last restart")
			.isEqualTo(201);
		application.destroy();
		application.waitFor();

		Map<Long, Stored> stored = storedRatings();
		System.out.printf(
				"Crash test: %d kills in %d s (first start with the demo city %d s; restarts to ready median %d ms, max %d ms); "
						+ "%d ratings sent, %d acknowledged, %d refused, %d stored%n",
				KILLS, (killed - prepared) / 1_000_000_000, (prepared - began) / 1_000_000_000,
				restartMillis.stream().sorted().toList().get(restartMillis.size() / 2),
				restartMillis.stream().mapToLong(Long::longValue).max().orElse(0), sent.size(), acknowledged.size(),
				refused.get(), stored.size());

		assertThat(acknowledged).as("ratings acknowledged over the kills").hasSizeGreaterThan(KILLS * 10);
		assertThat(refused.get()).as("answers other than 201 while up").isZero();
		for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
			Stored row = stored.get(ack.getKey());
			assertThat(row).as("acknowledged rating %d is stored", ack.getKey()).isNotNull();
			assertThat(row.copies()).as("rating %d stored once", ack.getKey()).isEqualTo(1);
			assertThat(row.status()).as("rating %d as it was told", ack.getKey()).isEqualTo(ack.getValue());
		}
		for (Map.Entry<Long, Stored> row : stored.entrySet()) {
			Sent what = sent.get(row.getKey());
			assertThat(what).as("stored rating %d was sent", row.getKey()).isNotNull();
			assertThat(row.getValue().copies()).as("rating %d stored once", row.getKey()).isEqualTo(1);
			assertThat(row.getValue().stationId()).isEqualTo(what.stationId());
			assertThat(row.getValue().stars()).isEqualTo(what.stars());
		}
		assertThat(figures()).as("counts and star sums per station and status").isEqualTo(expectedFigures(stored));
	}

	// ------------------------------------------------------------------ the phones

	private void sendWhile(AtomicBoolean running) {
		long number = numbers.incrementAndGet();
		while (running.get()) {
			try {
				HttpResponse<String> answer = post(rating(number));
				if (answer.statusCode() == 201 || answer.statusCode() == 200) {
					Matcher status = Pattern.compile("\"status\":\"(\\w+)\"").matcher(answer.body());
					acknowledged.put(number, status.find() ? status.group(1) : "?");
				}
				else if (answer.statusCode() != 503) {
					refused.incrementAndGet();
				}
				number = numbers.incrementAndGet();
			}
			catch (ConnectException ex) {
				// Down: nothing was sent; the same rating goes again.
				pause(20);
			}
			catch (IOException ex) {
				// Sent, and the answer lost with the application: stored or not.
				number = numbers.incrementAndGet();
				pause(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private HttpRequest rating(long number) {
		Sent what = sent.computeIfAbsent(number,
				n -> new Sent(stationOf(n), 1 + ThreadLocalRandom.current().nextInt(5)));
		String token = tokens.get((int) (number % tokens.size()));
		String body = "{\"token\":\"" + token + "\",\"stars\":" + what.stars() + ",\"tags\":[\"CLEAN\"],"
				+ "\"deviceId\":\"crash-device-" + String.format("%010d", number) + "\",\"comment\":\"crash-" + number
				+ "\"}";
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ratings"))
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
				// the stations only: every rating stored is one the test sent
				"--yizhan.demo.history.enabled=false", "--yizhan.demo.admin-password=crash-Test-2046",
				"--yizhan.photos.dir=" + work.resolve("photos"),
				"--yizhan.privacy.key-file=" + work.resolve("keys/personal-data.properties"),
				"--yizhan.rating.tokens.keys.1=" + tokenKey, "--yizhan.rating.tokens.active-key=1",
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

	record Stored(long stationId, int stars, String status, int copies) {
	}

	/** Every stored rating of the test, by its number. */
	private Map<Long, Stored> storedRatings() throws SQLException {
		Map<Long, Stored> stored = new HashMap<>();
		try (Connection connection = owner();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"select comment, station_id, stars, status, count(*) over (partition by comment) from rating")) {
			while (rows.next()) {
				Matcher number = COMMENT.matcher(rows.getString(1));
				assertThat(number.matches()).as("a rating the test sent: %s", rows.getString(1)).isTrue();
				stored.put(Long.parseLong(number.group(1)),
						new Stored(rows.getLong(2), rows.getInt(3), rows.getString(4), rows.getInt(5)));
			}
		}
		return stored;
	}

	/** The figures as the figures slice computes them: plain SQL over {@code rating}. */
	private Map<String, List<Long>> figures() throws SQLException {
		Map<String, List<Long>> figures = new HashMap<>();
		try (Connection connection = owner();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"select station_id, status, count(*), sum(stars) from rating group by station_id, status")) {
			while (rows.next()) {
				figures.put(rows.getLong(1) + "/" + rows.getString(2), List.of(rows.getLong(3), rows.getLong(4)));
			}
		}
		return figures;
	}

	/**
	 * The same figures from what the phones know: for each stored rating, the station and
	 * stars they sent, and the status they were told (or, unanswered, the stored one).
	 */
	private Map<String, List<Long>> expectedFigures(Map<Long, Stored> stored) {
		Map<String, long[]> sums = new HashMap<>();
		stored.forEach((number, row) -> {
			Sent what = sent.get(number);
			String status = acknowledged.getOrDefault(number, row.status());
			long[] sum = sums.computeIfAbsent(what.stationId() + "/" + status, key -> new long[2]);
			sum[0]++;
			sum[1] += what.stars();
		});
		Map<String, List<Long>> figures = new HashMap<>();
		sums.forEach((key, sum) -> figures.put(key, List.of(sum[0], sum[1])));
		return figures;
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
