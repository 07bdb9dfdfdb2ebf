package org.yizhan.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database is out of reach (stopped, restarting, the network
 * down) or has no connection to spare: answered 503 with {@code Retry-After} instead of
 * 500, by {@link ApiProblems}, {@link PageProblems} and, for failures in the servlet
 * filters (the session's store), {@link DatabaseOutageFilter}. The connection pool's
 * {@code connection-timeout} bounds how long a request waits before it is so answered.
 */
final class DatabaseOutage {

	/** What {@code Retry-After} says while the database is away. */
	static final long RETRY_AFTER_SECONDS = 10;

	private DatabaseOutage() {
	}

	static boolean isCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			// SQLSTATE class 08: connection exception (what the driver says when the
			// server goes away mid-statement).
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

}
