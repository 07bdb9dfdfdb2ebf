package org.yizhan.platform.database;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * Runs one statement in PostgreSQL's single-user mode, on a cluster whose server is not
 * running: no connection, so no authentication. That is how the owner gets its password
 * without the server ever listening with trust.
 */
final class SingleUser {

	private SingleUser() {
	}

	/** Sets {@code role}'s password in the stopped cluster in {@code dataDirectory}. */
	static void setPassword(Path dataDirectory, String role, String password) {
		run(dataDirectory,
				"alter role \"" + role.replace("\"", "\"\"") + "\" password '" + password.replace("'", "''") + "'");
	}

	static void run(Path dataDirectory, String statement) {
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			// As zonky does: PostgreSQL refuses to run as root.
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(new File(binaries(), "bin/postgres").getPath());
		// The statement comes on standard input, never on the command line (ps shows
		// that).
		command.addAll(List.of("--single", "-D", dataDirectory.toString(), "-c", "listen_addresses=", "-c",
				"password_encryption=scram-sha-256", "postgres"));
		try {
			Process postgres = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			try (OutputStream input = postgres.getOutputStream()) {
				input.write((statement.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8));
			}
			if (!postgres.waitFor(60, TimeUnit.SECONDS)) {
				postgres.destroyForcibly();
				throw new IllegalStateException("PostgreSQL's single-user mode did not finish in 60 s");
			}
			if (postgres.exitValue() != 0) {
				throw new IllegalStateException(
						"PostgreSQL's single-user mode failed (exit " + postgres.exitValue() + ") in " + dataDirectory);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run PostgreSQL in single-user mode", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted in PostgreSQL's single-user mode", ex);
		}
	}

	/**
	 * The folder zonky unpacked its binaries into. zonky does not expose it; its own
	 * preparation is asked (it unpacks once per JVM and remembers the folder).
	 */
	private static File binaries() {
		try {
			Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
					File.class);
			prepare.setAccessible(true);
			return (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Could not find zonky's PostgreSQL binaries (has zonky changed?)", ex);
		}
	}

}
