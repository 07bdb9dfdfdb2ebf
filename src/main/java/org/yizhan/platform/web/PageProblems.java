package org.yizhan.platform.web;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletResponse;
import org.yizhan.platform.NotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows a page, not a stack trace, when a page is asked for something that does not
 * exist, or while the database is away. API controllers are answered by
 * {@link ApiProblems}, which takes precedence.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

	@ExceptionHandler
	ModelAndView notFound(NotFoundException ex) {
		ModelAndView page = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
		page.addObject("messageCode", ex.messageCode());
		page.addObject("args", ex.args());
		return page;
	}

	/**
	 * The database is out of reach: a static page in Chinese and English (no layout, no
	 * session) with 503 and {@code Retry-After}, not a stack trace after 30 s.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			SQLTransientConnectionException.class, SQLNonTransientConnectionException.class })
	ModelAndView databaseAway(Exception ex, HttpServletResponse response) {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
		return new ModelAndView("error/503", HttpStatus.SERVICE_UNAVAILABLE);
	}

	/** A database outage found inside another failure (a rollback that failed). */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ModelAndView databaseAwayInside(Exception ex, HttpServletResponse response) throws Exception {
		if (!DatabaseOutage.isCause(ex)) {
			throw ex;
		}
		return databaseAway(ex, response);
	}

}
