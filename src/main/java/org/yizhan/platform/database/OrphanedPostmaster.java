package org.yizhan.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the postmaster an application that was killed (kill -9, a crash, the OOM killer)
 * left running on its data folder, and stops it, so that the next start does not fail on
 * {@code postmaster.pid}.
 *
 * <p>
 * A postmaster is an orphan when the pid file names a live {@code postgres} process on
 * this very folder and no live JVM holds the folder's {@code epg-lock} (zonky's lock,
 * held by the JVM that started the server for as long as it runs; the kernel releases it
 * when that JVM dies). A folder still held by a running application is refused, never
 * stopped. The orphan is asked for a fast shutdown (SIGINT: clients cut off, a
 * checkpoint), then an immediate one (SIGQUIT), then killed.
 */
final class OrphanedPostmaster {

	static final String PID_FILE = "postmaster.pid";

	static final String LOCK_FILE = "epg-lock";

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	private OrphanedPostmaster() {
	}

	/**
	 * Stops the orphaned postmaster of {@code dataDirectory}, if there is one.
	 * @throws IllegalStateException if a running application holds the folder
	 */
	static void stopIfAny(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve(PID_FILE);
		if (!Files.exists(pidFile)) {
			return;
		}
		long pid;
		Path folder;
		try {
			List<String> lines = Files.readAllLines(pidFile);
			if (lines.size() < 2) {
				// Being written by a postmaster starting up, or truncated: PostgreSQL
				// decides.
				return;
			}
			pid = Long.parseLong(lines.get(0).trim());
			folder = Path.of(lines.get(1).trim()).toAbsolutePath().normalize();
		}
		catch (IOException | NumberFormatException ex) {
			log.warn("Could not read {}: left to PostgreSQL to judge", pidFile, ex);
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			return; // stale: PostgreSQL starts over a pid file whose process is gone
		}
		if (!folder.equals(dataDirectory) || !isPostgres(process.get())) {
			// The process id was reused (after a reboot, say): the file is stale, but
			// PostgreSQL would see a live process and refuse to start.
			log.warn("{} names process {}, which is not a PostgreSQL server on {}: removing the stale file", pidFile,
					pid, dataDirectory);
			delete(pidFile);
			return;
		}
		if (heldByARunningApplication(dataDirectory)) {
			throw new IllegalStateException("The embedded PostgreSQL in " + dataDirectory
					+ " is in use by another running application (postmaster " + pid
					+ "). Stop that application or choose another yizhan.embedded-db.dir.");
		}
		log.warn("Found the embedded PostgreSQL (postmaster {}) still running on {} after its application ended: "
				+ "stopping it", pid, dataDirectory);
		stop(process.get());
	}

	static boolean isPostgres(ProcessHandle process) {
		return process.info()
			.command()
			.map(command -> Path.of(command).getFileName().toString())
			.filter(name -> name.equals("postgres") || name.equals("postgres.exe"))
			.isPresent();
	}

	/**
	 * Whether another JVM holds the folder's lock. The kernel drops a process's locks
	 * when it dies, so a lock that can be taken belongs to nobody alive.
	 */
	private static boolean heldByARunningApplication(Path dataDirectory) {
		try (FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException ex) {
			return true; // this JVM holds it
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not check the lock of " + dataDirectory, ex);
		}
	}

	/** SIGINT (fast shutdown), then SIGQUIT (immediate), then SIGKILL. */
	static void stop(ProcessHandle postmaster) {
		long started = System.nanoTime();
		if (signal(postmaster, "INT") && exited(postmaster, Duration.ofSeconds(15))) {
			log.info("Stopped the orphaned postmaster {} in {} ms", postmaster.pid(),
					(System.nanoTime() - started) / 1_000_000);
			return;
		}
		if (signal(postmaster, "QUIT") && exited(postmaster, Duration.ofSeconds(5))) {
			log.warn("The orphaned postmaster {} needed an immediate shutdown", postmaster.pid());
			return;
		}
		postmaster.destroyForcibly();
		if (!exited(postmaster, Duration.ofSeconds(5))) {
			throw new IllegalStateException("Could not stop the orphaned postmaster " + postmaster.pid());
		}
		log.warn("Killed the orphaned postmaster {}", postmaster.pid());
	}

	private static boolean signal(ProcessHandle process, String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
		}
		catch (IOException ex) {
			log.warn("Could not send SIG{} to {}", signal, process.pid(), ex);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean exited(ProcessHandle process, Duration within) {
		try {
			process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not remove " + file, ex);
		}
	}

}
