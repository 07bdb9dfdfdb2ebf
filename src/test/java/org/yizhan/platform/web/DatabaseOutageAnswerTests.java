package org.yizhan.platform.web;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.ModelAndView;

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

}
