package org.yizhan.platform.database;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small shell process that stops the embedded postmaster when the JVM that started it
 * dies without stopping it (kill -9, a crash, the OOM killer).
 *
 * <p>
 * {@code pg_ctl} starts the postmaster as a daemon of its own, so nothing ties it to the
 * JVM. The watchdog is the JVM's child and reads its standard input from a pipe the JVM
 * holds open and never writes to: when the JVM dies, the kernel closes that pipe, the
 * watchdog's {@code read} returns, and it asks the postmaster for a fast shutdown
 * (SIGINT), then an immediate one (SIGQUIT), then kills it. It ignores the terminal's
 * SIGINT and SIGHUP (Ctrl-C is the JVM's to handle: its orderly shutdown stops the server
 * and then the watchdog). A normal stop ends the watchdog first ({@link #dismiss()}).
 *
 * <p>
 * Should the watchdog die with the JVM (a whole process group killed), the next start
 * finds the orphan and stops it ({@link OrphanedPostmaster}).
 */
final class PostmasterWatchdog {

	private static final Logger log = LoggerFactory.getLogger(PostmasterWatchdog.class);

	// $1: the data folder, $2: the postmaster's pid. It acts only if the pid file still
	// names that postmaster, so a postmaster stopped in the meantime (and its pid reused)
	// is left alone.
	private static final String SCRIPT = """
			trap '' INT HUP
			read _ignored
			[ "$(head -n 1 "$1/postmaster.pid" 2>/dev/null)" = "$2" ] || exit 0
			kill -INT "$2" 2>/dev/null || exit 0
			i=0
			while kill -0 "$2" 2>/dev/null && [ $i -lt 150 ]; do sleep 0.1; i=$((i + 1)); done
			kill -0 "$2" 2>/dev/null || exit 0
			kill -QUIT "$2" 2>/dev/null
			i=0
			while kill -0 "$2" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
			kill -KILL "$2" 2>/dev/null
			exit 0
			""";

	private final Process process;

	private PostmasterWatchdog(Process process) {
		this.process = process;
	}

	/**
	 * Starts a watchdog for the postmaster {@code pid} of {@code dataDirectory}; none
	 * where there is no POSIX shell (Windows), where the next start's recovery is all.
	 */
	static PostmasterWatchdog watch(Path dataDirectory, long pid) {
		if (System.getProperty("os.name", "").startsWith("Windows")) {
			return new PostmasterWatchdog(null);
		}
		try {
			Process process = new ProcessBuilder("sh", "-c", SCRIPT, "yizhan-postgres-watchdog",
					dataDirectory.toString(), Long.toString(pid))
				.redirectInput(ProcessBuilder.Redirect.PIPE)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			log.debug("Watchdog {} stops postmaster {} if this JVM dies", process.pid(), pid);
			return new PostmasterWatchdog(process);
		}
		catch (IOException ex) {
			log.warn("Could not start the embedded PostgreSQL's watchdog: a killed application leaves the server "
					+ "running until its next start stops it", ex);
			return new PostmasterWatchdog(null);
		}
	}

	/** The watchdog's process, for tests; {@code null} when there is none. */
	Process process() {
		return process;
	}

	/** Ends the watchdog without touching the postmaster: the JVM stops it itself. */
	void dismiss() {
		if (process != null) {
			process.destroy();
		}
	}

}
