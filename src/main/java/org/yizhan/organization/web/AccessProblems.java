package org.yizhan.organization.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.yizhan.organization.access.OutsideScopeException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refusal for lack of role or subtree in this module's API, answered as problem details
 * in the caller's language like every other API error.
 */
@RestControllerAdvice(assignableTypes = { AuditApiController.class, OrganizationApiController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessProblems {

	private final MessageSource messages;

	AccessProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ProblemDetail forbidden(AccessDeniedException ex) {
		String code = ex instanceof OutsideScopeException scoped ? scoped.messageCode() : "organization.forbidden";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				messages.getMessage(code, null, LocaleContextHolder.getLocale()));
		problem.setType(URI.create("https://yizhan.org/problems/forbidden"));
		problem.setTitle(messages.getMessage("organization.forbidden.title", null, LocaleContextHolder.getLocale()));
		if (ex instanceof OutsideScopeException scoped && scoped.field() != null) {
			problem.setProperty("errors",
					List.of(Map.of("field", scoped.field(), "code", code, "message", problem.getDetail())));
		}
		return problem;
	}

}
