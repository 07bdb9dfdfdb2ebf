package org.yizhan.listing.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.yizhan.listing.ListingPrompts;
import org.yizhan.platform.web.ApiController;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one optional question after a rating (核实提问): the rating page asks for it once the
 * rating is in and shows it under the thanks; an app showing the QR page may do the same.
 * Public like the rating, through the station's QR token.
 */
@ApiController
@Tag(name = "Listings")
class ListingPromptApiController {

	static final String PROMPTS = "/api/v1/listing-prompts";

	private final ListingPrompts prompts;

	private final ListingRateLimits limits;

	private final MessageSource messages;

	ListingPromptApiController(ListingPrompts prompts, ListingRateLimits limits, MessageSource messages) {
		this.prompts = prompts;
		this.limits = limits;
		this.messages = messages;
	}

	/**
	 * @param question what to send back with the answer
	 * @param text the question in the page's language
	 */
	record PromptJson(String question, String text, String yes, String no) {
	}

	/**
	 * @param agrees the listing is right
	 */
	record AnswerRequest(String token, String deviceId, String question, Boolean agrees) {
	}

	/**
	 * @param repeated this phone had answered about the station today already (kept once)
	 * @param message thanks, in the page's language
	 */
	record AnswerJson(boolean repeated, String message) {
	}

	@GetMapping(PROMPTS)
	@Operation(summary = "The one optional question about a station's listing, for a phone at it (public)",
			description = "token: the station's QR token; deviceId: the phone's id. 200 with the question (its hours "
					+ "or one of its listed services, the phone and day choosing); 204 when there is nothing to ask "
					+ "(the phone answered about the station today, or it is not listed); 400 for a bad token or id.")
	ResponseEntity<PromptJson> question(@RequestParam(required = false) String token,
			@RequestParam(required = false) String deviceId) {
		Locale locale = LocaleContextHolder.getLocale();
		return prompts.question(token, deviceId)
			.map(prompt -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.body(new PromptJson(prompt.question(), text(prompt, locale),
						messages.getMessage("listing.prompt.yes", null, locale),
						messages.getMessage("listing.prompt.no", null, locale))))
			.orElseGet(() -> ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build());
	}

	@PostMapping(PROMPTS)
	@Operation(summary = "A phone's answer to the question about a station's listing (public)",
			description = "201 when counted; 200 when this phone answered about the station today already (kept "
					+ "once); 400 naming a bad field (a question the station is not asked, no answer, a station "
					+ "not listed); 429 past the per-address limit shared with the reports. A yes confirms the "
					+ "listing; three phones saying no within 14 days, outnumbering the yes, open or join the "
					+ "station's correction case with the change they propose.")
	ResponseEntity<AnswerJson> answer(@RequestBody AnswerRequest request, HttpServletRequest http) {
		limits.requireReport(http.getRemoteAddr());
		ListingPrompts.Answered answered = prompts.answer(request.token(), request.deviceId(), request.question(),
				request.agrees());
		return ResponseEntity.status(answered.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new AnswerJson(answered.repeated(),
					messages.getMessage("listing.prompt.thanks", null, LocaleContextHolder.getLocale())));
	}

	private String text(ListingPrompts.Prompt prompt, Locale locale) {
		return (prompt.amenity() == null)
				? messages.getMessage("listing.prompt.hours",
						new Object[] { prompt.station().details().openingHours().describe(locale) }, locale)
				: messages.getMessage("listing.prompt.amenity", new Object[] { prompt.amenity().label(locale) },
						locale);
	}

}
