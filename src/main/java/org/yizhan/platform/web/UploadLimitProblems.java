package org.yizhan.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the container's multipart limit is refused before any controller is
 * chosen, so only advice that applies to every request sees it. The API gets the same
 * localised 413 problem, naming {@code file}, as for a photo the server itself finds too
 * big; a page gets the error page with that message.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitProblems {

	private final MessageSource messages;

	UploadLimitProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		String detail = messages.getMessage("photo.tooLarge", null, LocaleContextHolder.getLocale());
		if (request.getRequestURI().startsWith("/api/")) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
			problem.setType(URI.create("https://yizhan.org/problems/too-large"));
			problem.setTitle(messages.getMessage("problem.too-large", null, LocaleContextHolder.getLocale()));
			problem.setInstance(URI.create(request.getRequestURI()));
			problem.setProperty("errors",
					List.of(Map.of("field", "file", "code", "photo.tooLarge", "message", detail)));
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		ModelAndView page = new ModelAndView("error", HttpStatus.CONTENT_TOO_LARGE);
		page.addObject("status", HttpStatus.CONTENT_TOO_LARGE.value());
		page.addObject("error", detail);
		return page;
	}

}
