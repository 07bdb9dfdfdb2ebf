package org.yizhan.rating.web;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.yizhan.rating.IntakeBusyException;
import org.yizhan.rating.RatingReceipt;
import org.yizhan.rating.Ratings;
import org.yizhan.rating.TooManyRatingsException;
import org.yizhan.platform.web.ApiController;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * {@code POST /api/v1/ratings}: what a worker's phone sends from a station's QR page, no
 * account needed. 201 for a new rating (counted or held), 200 for a second rating of the
 * day, which changes nothing.
 */
@ApiController
@Tag(name = "Ratings", description = "扫码评价：户外劳动者对驿站的满意度评价（无需登录）")
class RatingApiController {

	private static final String PROBLEMS = "https://yizhan.org/problems/";

	private final Ratings ratings;

	private final MessageSource messages;

	/**
	 * The answers' texts, per result, station name and language: formatting a message
	 * with arguments goes through a {@code MessageFormat} that every request thread would
	 * otherwise queue for.
	 */
	private final Cache<AnswerText, String> answers = Caffeine.newBuilder().maximumSize(20_000).build();

	private record AnswerText(RatingReceipt.Result result, String station, Locale locale) {
	}

	RatingApiController(Ratings ratings, MessageSource messages) {
		this.ratings = ratings;
		this.messages = messages;
	}

	@Operation(summary = "Rate a station",
			description = "Anonymous. 201 {status: COUNTED|HELD}; 200 {status: ALREADY_RATED} for a second rating by "
					+ "the same device of the same station on the same Asia/Shanghai day; 400 for a refused token "
					+ "or value; 409 when the station takes no ratings (suspended, delisted, not yet listed); 429 "
					+ "past the limits per device or client address and 503 when the intake is full, both with "
					+ "Retry-After. The location is reduced at once to 'within 300 m' and never stored.")
	@PostMapping(path = "/api/v1/ratings", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RatingJson> rate(@RequestBody RatingRequest request, HttpServletRequest http, Locale locale) {
		RatingReceipt receipt = ratings.submit(request.toInput(), http.getRemoteAddr());
		String message = answers.get(new AnswerText(receipt.result(), receipt.station().name(), locale),
				text -> messages.getMessage("rating.result." + text.result().name(), new Object[] { text.station() },
						text.locale()));
		HttpStatus status = (receipt.result() == RatingReceipt.Result.ALREADY_RATED) ? HttpStatus.OK
				: HttpStatus.CREATED;
		return ResponseEntity.status(status).body(RatingJson.of(receipt, message));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooMany(TooManyRatingsException ex, Locale locale) {
		return withRetry(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "problem.too-many-requests",
				"rating.tooMany", ex.retryAfter(), locale);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> busy(IntakeBusyException ex, Locale locale) {
		return withRetry(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "rating.busy.title", "rating.busy",
				ex.retryAfter(), locale);
	}

	private ResponseEntity<ProblemDetail> withRetry(HttpStatus status, String type, String title, String detail,
			Duration retryAfter, Locale locale) {
		long seconds = Math.max(1, retryAfter.toSeconds());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(detail, new Object[] { seconds }, locale));
		problem.setType(URI.create(PROBLEMS + type));
		problem.setTitle(messages.getMessage(title, null, locale));
		return ResponseEntity.status(status)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
