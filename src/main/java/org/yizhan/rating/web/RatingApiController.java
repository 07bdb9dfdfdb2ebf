package org.yizhan.rating.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

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
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;

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

	private final ObjectReader requests;

	private final JsonMapper json;

	/**
	 * The answers as bytes, per result, station, day and language: the same few hundred
	 * answers go out thousands of times a second, so each is formatted (its message
	 * through a {@code MessageFormat}, which every request thread would otherwise queue
	 * for) and serialised once.
	 */
	private final Cache<Answer, byte[]> answers = Caffeine.newBuilder().maximumSize(20_000).build();

	private record Answer(RatingReceipt.Result result, String code, String station, LocalDate day, Locale locale) {
	}

	RatingApiController(Ratings ratings, MessageSource messages, JsonMapper json) {
		this.ratings = ratings;
		this.messages = messages;
		this.requests = json.readerFor(RatingRequest.class);
		this.json = json;
	}

	@Operation(summary = "Rate a station",
			description = "Anonymous. 201 {status: COUNTED|HELD}; 200 {status: ALREADY_RATED} for a second rating by "
					+ "the same device of the same station on the same Asia/Shanghai day; 400 for a refused token "
					+ "or value; 409 when the station takes no ratings (suspended, delisted, not yet listed); 429 "
					+ "past the limits per device or client address and 503 when the intake is full, both with "
					+ "Retry-After. The location is reduced at once to 'within 300 m' and never stored.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = RatingRequest.class))))
	@ApiResponse(responseCode = "201", description = "Counted or held",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = RatingJson.class)))
	@ApiResponse(responseCode = "200", description = "Already rated today: nothing changed",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = RatingJson.class)))
	@PostMapping(path = "/api/v1/ratings", consumes = MediaType.APPLICATION_JSON_VALUE)
	void rate(HttpServletRequest http, HttpServletResponse response, Locale locale) throws IOException {
		// Read and written here rather than through @RequestBody and ResponseEntity: the
		// message converters' negotiation and wrapping cost more CPU per rating than the
		// rating's own checks. Unreadable JSON is refused as the converters refuse it, so
		// ApiProblems still names the field of a value of the wrong type.
		RatingRequest request;
		try {
			request = requests.readValue(http.getInputStream());
		}
		catch (JacksonException ex) {
			throw new HttpMessageNotReadableException("The rating is not readable JSON: " + ex.getOriginalMessage(), ex,
					new ServletServerHttpRequest(http));
		}
		if (request == null) {
			throw new HttpMessageNotReadableException("The rating is missing", new ServletServerHttpRequest(http));
		}
		RatingReceipt receipt = ratings.submit(request.toInput(), http.getRemoteAddr());
		byte[] answer = answers.get(new Answer(receipt.result(), receipt.station().code(), receipt.station().name(),
				receipt.ratingDay(), locale), this::answer);
		response.setStatus((receipt.result() == RatingReceipt.Result.ALREADY_RATED) ? HttpServletResponse.SC_OK
				: HttpServletResponse.SC_CREATED);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(answer.length);
		response.getOutputStream().write(answer);
	}

	private byte[] answer(Answer answer) {
		String message = messages.getMessage("rating.result." + answer.result().name(),
				new Object[] { answer.station() }, answer.locale());
		return json.writeValueAsBytes(new RatingJson(answer.result().name(),
				new RatingJson.StationJson(answer.code(), answer.station()), answer.day(), message));
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
