package org.yizhan.platform.database;

import java.nio.file.Path;

/**
 * An application in miniature for {@link EmbeddedPostgresKillTests}: a JVM that starts
 * the embedded server on the folder it is given, says so, and runs until it is killed.
 */
final class EmbeddedPostgresChild {

	private EmbeddedPostgresChild() {
	}

	public static void main(String[] args) throws InterruptedException {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(Path.of(args[0]), false, false, false, 20);
		System.out.println("READY postmaster=" + server.postmasterPid());
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
