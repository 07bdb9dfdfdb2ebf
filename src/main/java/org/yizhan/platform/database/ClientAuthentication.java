package org.yizhan.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded server's {@code pg_hba.conf}, written before every start: every connection
 * signs in with a password (scram-sha-256), over loopback only. initdb, as zonky runs it,
 * trusts every local connection; a folder of an earlier version still has that file, and
 * is brought up to date here.
 */
final class ClientAuthentication {

	static final String FILE_NAME = "pg_hba.conf";

	static final String RULES = """
			# Written by yizhan at every start of its embedded PostgreSQL: changes are overwritten.
			# Every role signs in with a password (scram-sha-256); the server listens on 127.0.0.1
			# only and has no Unix socket. The passwords are in yizhan-passwords.properties (0600).
			# TYPE  DATABASE  USER  ADDRESS       METHOD
			local   all       all                 scram-sha-256
			host    all       all   127.0.0.1/32  scram-sha-256
			host    all       all   ::1/128       scram-sha-256
			""";

	private ClientAuthentication() {
	}

	static void requirePasswords(Path dataDirectory) {
		try {
			Files.writeString(dataDirectory.resolve(FILE_NAME), RULES, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + FILE_NAME + " in " + dataDirectory, ex);
		}
	}

}
