package org.yizhan.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server does not outlive its application: killed with SIGKILL, the
 * application's server stops with it (its watchdog), and should that fail too (the
 * watchdog killed with it), the next start stops the orphan itself instead of failing on
 * {@code postmaster.pid}. Each case runs the server in a JVM of its own and kills it.
 */
class EmbeddedPostgresKillTests {

	private static final Pattern READY = Pattern.compile("READY postmaster=(\\d+)");

	@TempDir
	Path folder;

	private Process child;

	@AfterEach
	void killLeftovers() throws IOException {
		if (child != null) {
			child.descendants().forEach(ProcessHandle::destroyForcibly);
			child.destroyForcibly();
		}
		Path pidFile = folder.resolve("pg/postmaster.pid");
		if (Files.exists(pidFile)) {
			ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
				.filter(OrphanedPostmaster::isPostgres)
				.ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	@Test
	void aKilledApplicationsServerStopsWithItAndTheNextStartSucceeds() throws Exception {
		ProcessHandle postmaster = startChild();
		// While the application runs, its folder is its own.
		assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(folder.resolve("pg"), false))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("in use by another running application");
		assertThat(postmaster.isAlive()).isTrue();

		child.destroyForcibly(); // SIGKILL: no shutdown hook runs
		child.waitFor(10, TimeUnit.SECONDS);

		assertThat(exits(postmaster, Duration.ofSeconds(30))).as("the postmaster stops with its application").isTrue();
		assertStartsAgain();
	}

	@Test
	void theNextStartStopsAServerLeftRunningWhenItsWatchdogWasKilledToo() throws Exception {
		ProcessHandle postmaster = startChild();
		// As when a whole process group is killed: the watchdog first, then the JVM.
		List<ProcessHandle> watchdogs = child.descendants().toList();
		assertThat(watchdogs).isNotEmpty();
		watchdogs.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle watchdog : watchdogs) {
			watchdog.onExit().get(10, TimeUnit.SECONDS);
		}
		child.destroyForcibly();
		child.waitFor(10, TimeUnit.SECONDS);
		// The situation the issue found: an orphan holding the folder's postmaster.pid.
		assertThat(exits(postmaster, Duration.ofSeconds(2))).isFalse();

		assertStartsAgain();
		assertThat(postmaster.isAlive()).as("the orphan was stopped").isFalse();
	}

	private ProcessHandle startChild() throws Exception {
		Path log = folder.resolve("child.log");
		child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				EmbeddedPostgresChild.class.getName(), folder.resolve("pg").toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			Matcher ready = READY.matcher(Files.exists(log) ? Files.readString(log) : "");
			if (ready.find()) {
				return ProcessHandle.of(Long.parseLong(ready.group(1))).orElseThrow();
			}
			assertThat(child.isAlive()).as("the child JVM runs: %s", log).isTrue();
			Thread.sleep(100);
		}
		throw new AssertionError("The child JVM did not start its server: " + Files.readString(log));
	}

	private void assertStartsAgain() throws Exception {
		try (EmbeddedPostgresServer again = EmbeddedPostgresServer.acquire(folder.resolve("pg"), false, false, false,
				20);
				var connection = DriverManager.getConnection(again.jdbcUrl());
				var rows = connection.createStatement().executeQuery("select 1")) {
			assertThat(rows.next()).isTrue();
		}
	}

	private static boolean exits(ProcessHandle process, Duration within) throws InterruptedException {
		try {
			process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return false;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return !process.isAlive();
		}
	}

}
