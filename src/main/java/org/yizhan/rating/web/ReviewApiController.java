package org.yizhan.rating.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ApiController;
import org.yizhan.platform.web.RequestValues;
import org.yizhan.rating.HeldRatings;
import org.yizhan.rating.RatingTag;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The review queue of held ratings over the API: list them, release or reject one, or a
 * batch at once (all or none). Union admins only.
 */
@ApiController("/api/v1/ratings")
@Tag(name = "Rating review", description = "待审核评价：放行或剔除被异常规则拦下的评价")
class ReviewApiController {

	private final HeldRatings held;

	ReviewApiController(HeldRatings held) {
		this.held = held;
	}

	record StationRef(long id, String code, String name) {
	}

	record TagJson(String tag, String label) {
	}

	record HeldJson(long id, LocalDate day, Instant createdAt, StationRef station, int stars, List<TagJson> tags,
			String category, String comment, List<String> holdReasons, Boolean nearStation, String status,
			Instant reviewedAt) {

		static HeldJson of(HeldRatings.HeldRating rating, Locale locale) {
			return new HeldJson(rating.id(), rating.day(), rating.createdAt(),
					new StationRef(rating.stationId().value(), rating.stationCode(), rating.stationName()),
					rating.stars(), tags(rating.tags(), locale),
					(rating.category() == null) ? null : rating.category().name(), rating.comment(),
					rating.holdReasons(), rating.nearStation(), rating.status().name(), rating.reviewedAt());
		}

		private static List<TagJson> tags(List<RatingTag> tags, Locale locale) {
			return tags.stream().map(tag -> new TagJson(tag.name(), tag.label(locale))).toList();
		}

	}

	record PageJson(List<HeldJson> content, int page, int size, long totalElements) {
	}

	/** A batch: the verdict and the ratings it applies to. */
	record ReviewRequest(String verdict, List<Long> ids) {
	}

	record ReviewedJson(List<HeldJson> reviewed) {
	}

	@GetMapping("/held")
	@Operation(summary = "Held ratings in the caller's subtree, newest first",
			description = "Ratings the anomaly rules held (hold_reasons name them): excluded from every figure until released.")
	PageJson list(@Parameter(description = "a union code to narrow the queue to its subtree") //
	@RequestParam(required = false) String org, //
			@RequestParam(defaultValue = "0") int page, //
			@RequestParam(defaultValue = "50") int size) {
		HeldRatings.HeldPage result = this.held.list(org, page, size);
		Locale locale = LocaleContextHolder.getLocale();
		return new PageJson(result.content().stream().map(rating -> HeldJson.of(rating, locale)).toList(),
				result.page(), result.size(), result.totalElements());
	}

	@PostMapping("/{id}/release")
	@Operation(summary = "Release a held rating: it counts from now on in every figure",
			description = "409 when it was already released or rejected.")
	HeldJson release(@PathVariable String id) {
		return HeldJson.of(this.held.review(ratingId(id), HeldRatings.Verdict.RELEASE),
				LocaleContextHolder.getLocale());
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "Reject a held rating: it is kept and never counted",
			description = "409 when it was already released or rejected.")
	HeldJson reject(@PathVariable String id) {
		return HeldJson.of(this.held.review(ratingId(id), HeldRatings.Verdict.REJECT), LocaleContextHolder.getLocale());
	}

	@PostMapping("/review")
	@Operation(summary = "Release or reject several held ratings at once, all or none",
			description = "{\"verdict\":\"RELEASE\"|\"REJECT\",\"ids\":[…]} (at most 200). One id not found (404) or already reviewed (409) leaves every rating as it was.")
	ReviewedJson review(@RequestBody ReviewRequest request) {
		List<Violation> violations = new ArrayList<>();
		HeldRatings.Verdict verdict = null;
		if (request.verdict() == null || request.verdict().isBlank()) {
			violations.add(Violation.of("verdict", "validation.required"));
		}
		else {
			verdict = RequestValues.enumValue(HeldRatings.Verdict.class, request.verdict(), "verdict", violations);
		}
		if (request.ids() == null || request.ids().isEmpty()) {
			violations.add(Violation.of("ids", "validation.required"));
		}
		else if (request.ids().contains(null)) {
			violations.add(Violation.of("ids", "validation.type"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Locale locale = LocaleContextHolder.getLocale();
		return new ReviewedJson(
				this.held.review(request.ids(), verdict).stream().map(rating -> HeldJson.of(rating, locale)).toList());
	}

	static long ratingId(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("figures.review.notFound", value);
		}
	}

}
