package org.yizhan.platform.web;

import java.net.URI;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every refusal of the JSON API into RFC 9457 problem details in the caller's
 * language (zh-CN unless {@code Accept-Language} prefers English), each naming the field
 * at fault.
 */
@RestControllerAdvice(annotations = ApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private static final String TYPE_BASE = "https://yizhan.org/problems/";

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ProblemDetail invalidInput(InvalidInputException ex) {
		return validationProblem(ex.violations());
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "problem.notFound", message(ex.messageCode(), ex.args()));
	}

	@ExceptionHandler
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "conflict", "problem.conflict",
				message(ex.messageCode(), ex.args()));
		return ex.field() == null ? problem : onField(problem, ex.field(), ex.messageCode());
	}

	@ExceptionHandler
	ProblemDetail optimisticLock(OptimisticLockingFailureException ex) {
		return onField(problem(HttpStatus.CONFLICT, "conflict", "problem.conflict", message("problem.staleVersion")),
				"version", "problem.staleVersion");
	}

	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		String field = null;
		for (Throwable cause = ex.getCause(); cause != null && field == null; cause = cause.getCause()) {
			if (cause instanceof DatabindException databind) {
				field = pathOf(databind);
			}
		}
		if (field == null || field.isEmpty()) {
			return problem(HttpStatus.BAD_REQUEST, "unreadable", "problem.invalidInput", message("problem.unreadable"));
		}
		return validationProblem(List.of(Violation.of(field, "validation.type")));
	}

	@ExceptionHandler
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return validationProblem(List.of(Violation.of(ex.getName(), "validation.type")));
	}

	@ExceptionHandler
	ProblemDetail missingParameter(MissingServletRequestParameterException ex) {
		return validationProblem(List.of(Violation.of(ex.getParameterName(), "validation.required")));
	}

	@ExceptionHandler
	ProblemDetail missingPart(MissingServletRequestPartException ex) {
		return validationProblem(List.of(Violation.of(ex.getRequestPartName(), "validation.required")));
	}

	@ExceptionHandler
	ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "problem.unsupported-media-type",
				message("problem.unsupported-media-type.detail", String.valueOf(ex.getContentType())));
	}

	/**
	 * The database is out of reach (or its pool has no connection to spare after
	 * {@code connection-timeout}): 503 with {@code Retry-After}, not a 500. Also found as
	 * the cause of another failure (a rating whose batch could not begin its
	 * transaction).
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			SQLTransientConnectionException.class, SQLNonTransientConnectionException.class })
	ResponseEntity<ProblemDetail> databaseAway(Exception ex) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"problem.service-unavailable", message("problem.databaseAway", DatabaseOutage.RETRY_AFTER_SECONDS));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/**
	 * A database outage found inside another failure: a rollback that failed because the
	 * connection was cut, a statement the driver could not classify. Anything else is
	 * thrown on, to the resolvers after this one.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ResponseEntity<ProblemDetail> databaseAwayInside(Exception ex) throws Exception {
		if (!DatabaseOutage.isCause(ex)) {
			throw ex;
		}
		return databaseAway(ex);
	}

	/** Problems raised by a module with a status of its own (e.g. 413/415 for photos). */
	@ExceptionHandler
	ProblemDetail statusProblem(StatusProblemException ex) {
		ProblemDetail problem = problem(ex.status(), ex.type(), "problem." + ex.type(),
				message(ex.messageCode(), ex.args()));
		return ex.field() == null ? problem : onField(problem, ex.field(), ex.messageCode());
	}

	/**
	 * Names the field at fault as a validation problem does, so clients read both alike.
	 */
	static ProblemDetail onField(ProblemDetail problem, String field, String code) {
		problem.setProperty("errors", List.of(Map.of("field", field, "code", code, "message", problem.getDetail())));
		return problem;
	}

	private static String pathOf(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private ProblemDetail validationProblem(List<Violation> violations) {
		List<Map<String, Object>> errors = new ArrayList<>();
		List<String> details = new ArrayList<>();
		for (Violation violation : violations) {
			String text = message(violation.code(), violation.args().toArray());
			String label = messages.getMessage("field." + baseName(violation.field()), null, violation.field(),
					locale());
			errors.add(Map.of("field", violation.field(), "code", violation.code(), "message", text));
			details.add(label + ": " + text);
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "problem.invalidInput",
				String.join("; ", details));
		problem.setProperty("errors", errors);
		return problem;
	}

	/** {@code amenities[2]} and {@code location.lat} are labelled by their field name. */
	private static String baseName(String field) {
		return field.replaceAll("\\[\\d+]", "");
	}

	private ProblemDetail problem(HttpStatus status, String type, String titleCode, String detail) {
		if (status.is5xxServerError()) {
			log.error("API problem {}: {}", status, detail);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(message(titleCode));
		return problem;
	}

	private String message(String code, Object... args) {
		return messages.getMessage(code, args, code, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
