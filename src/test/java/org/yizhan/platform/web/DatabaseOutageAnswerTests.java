package org.yizhan.platform.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;

import org.postgresql.ds.PGSimpleDataSource;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServlet;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database cut off mid-request does not always fail as "cannot connect": the rollback
 * after a cut connection fails too, and the driver's own words reach Spring unclassified.
 * Those are the same outage and get the same 503, not a 500; other data failures are not
 * taken for one.
 */
class DatabaseOutageAnswerTests {

	private static final SQLException CUT = new SQLException("This connection has been closed.", "08003");

	private final StaticMessageSource messages = new StaticMessageSource();

	{
		messages.setUseCodeAsDefaultMessage(true);
	}

	@Test
	void aRollbackThatFailedOnACutConnectionIsAnOutage() throws Exception {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed", CUT);

		ResponseEntity<ProblemDetail> api = new ApiProblems(messages).databaseAwayInside(rollback);
		assertThat(api.getStatusCode().value()).isEqualTo(503);
		assertThat(api.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");

		MockHttpServletResponse response = new MockHttpServletResponse();
		ModelAndView page = new PageProblems().databaseAwayInside(rollback, response);
		assertThat(page.getStatus().value()).isEqualTo(503);
		assertThat(page.getViewName()).isEqualTo("error/503");
		assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
	}

	@Test
	void anUnclassifiedStatementOnACutConnectionIsAnOutage() throws Exception {
		UncategorizedSQLException statement = new UncategorizedSQLException("select", "select 1", CUT);

		assertThat(new ApiProblems(messages).databaseAwayInside(statement).getStatusCode().value()).isEqualTo(503);
	}

	@Test
	void otherDataFailuresAreThrownOnUnchanged() {
		DuplicateKeyException duplicate = new DuplicateKeyException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505"));

		assertThatThrownBy(() -> new ApiProblems(messages).databaseAwayInside(duplicate)).isSameAs(duplicate);
		assertThatThrownBy(() -> new PageProblems().databaseAwayInside(duplicate, new MockHttpServletResponse()))
			.isSameAs(duplicate);
	}

	/**
	 * A failure that names no outage at all (here one a library raised after a read came
	 * back empty) is still answered 503 when the database does not answer: the filter
	 * asks it before letting the failure become a 500.
	 */
	@Test
	void anUnrecognisedFailureWhileTheDatabaseDoesNotAnswerIsAnOutage() throws Exception {
		IllegalStateException unrecognised = new IllegalStateException("no row came back");
		DatabaseOutageFilter filter = new DatabaseOutageFilter(messages, JsonMapper.builder().build(),
				unreachableDatabase());
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/problems/K7QM-4XT9-PR2H"), response,
				new MockFilterChain(new HttpServlet() {
					@Override
					protected void service(jakarta.servlet.http.HttpServletRequest request,
							jakarta.servlet.http.HttpServletResponse answer) {
						throw unrecognised;
					}
				}));

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
		assertThat(response.getContentType()).startsWith("application/problem+json");
	}

	/** A database server that is not there: a port nothing listens on any more. */
	private static PGSimpleDataSource unreachableDatabase() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setServerNames(new String[] { "127.0.0.1" });
		dataSource.setPortNumbers(new int[] { port });
		dataSource.setDatabaseName("yizhan");
		dataSource.setConnectTimeout(2);
		return dataSource;
	}

}
