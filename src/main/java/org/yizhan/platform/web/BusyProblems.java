package org.yizhan.platform.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.platform.BusyException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A {@link BusyException} from any controller, API or page, is a 503 with
 * {@code Retry-After}: the API gets a localised problem, a page the error page with the
 * same message.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BusyProblems {

	private static final Logger log = LoggerFactory.getLogger(BusyProblems.class);

	private final MessageSource messages;

	BusyProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	Object busy(BusyException ex, HttpServletRequest request, HttpServletResponse response) {
		log.warn("Busy, answered 503: {} {} ({})", request.getMethod(), request.getRequestURI(), ex.getMessage());
		String detail = messages.getMessage(ex.messageCode(), ex.args(), ex.messageCode(),
				LocaleContextHolder.getLocale());
		String retryAfter = Long.toString(ex.retryAfterSeconds());
		if (request.getRequestURI().startsWith("/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
			problem.setType(URI.create("https://yizhan.org/problems/busy"));
			problem.setTitle(messages.getMessage("problem.busy", null, "busy", LocaleContextHolder.getLocale()));
			problem.setInstance(URI.create(request.getRequestURI()));
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, retryAfter)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
		ModelAndView page = new ModelAndView("error", HttpStatus.SERVICE_UNAVAILABLE);
		page.addObject("status", HttpStatus.SERVICE_UNAVAILABLE.value());
		page.addObject("error", detail);
		return page;
	}

}
