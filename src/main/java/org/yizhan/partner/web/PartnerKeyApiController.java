package org.yizhan.partner.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.yizhan.partner.PartnerFeed;
import org.yizhan.partner.PartnerProgramme;
import org.yizhan.partner.ProgrammeFigures;
import org.yizhan.partner.ProgrammeStation;
import org.yizhan.platform.web.ApiController;
import org.yizhan.platform.web.StatusProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The partner API, read with a partner's API key in the {@code X-Partner-Key} header: no
 * account, no session. A request without a live key is 401; a programme the partner does
 * not take part in is 404.
 */
@ApiController("/api/v1/partner-api")
@Tag(name = "Partner API", description = "合作方接口（X-Partner-Key）：参与的建设计划、站点与状态、服务人次/物资/评价统计、变更游标")
class PartnerKeyApiController {

	static final String HEADER = "X-Partner-Key";

	private final PartnerFeed feed;

	PartnerKeyApiController(PartnerFeed feed) {
		this.feed = feed;
	}

	@GetMapping("/programmes")
	@Operation(summary = "The programmes the key's partner takes part in")
	List<PartnerProgramme> programmes(@RequestHeader(name = HEADER, required = false) String key) {
		return unlocked(() -> this.feed.programmes(key));
	}

	@GetMapping("/programmes/{id}/stations")
	@Operation(summary = "A programme's stations and their status")
	List<ProgrammeStation> stations(@RequestHeader(name = HEADER, required = false) String key, @PathVariable long id) {
		return unlocked(() -> this.feed.stations(key, id));
	}

	@GetMapping("/programmes/{id}/figures")
	@Operation(summary = "A programme's figures over Beijing days from..to (the last 30 by default)")
	ProgrammeFigures figures(@RequestHeader(name = HEADER, required = false) String key, @PathVariable long id,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return unlocked(() -> this.feed.figures(key, id, from, to));
	}

	@GetMapping("/changes")
	@Operation(summary = "The changes at the partner's programmes' stations after a cursor",
			description = "since: the last cursor read (0 for all); limit 1–500. Answers the changes, oldest "
					+ "first, and the cursor to ask with next.")
	PartnerFeed.ChangePage changes(@RequestHeader(name = HEADER, required = false) String key,
			@RequestParam(defaultValue = "0") long since, @RequestParam(defaultValue = "100") int limit) {
		return unlocked(() -> this.feed.changes(key, since, limit));
	}

	private static <T> T unlocked(java.util.function.Supplier<T> call) {
		try {
			return call.get();
		}
		catch (PartnerFeed.UnknownKeyException ex) {
			throw new StatusProblemException(HttpStatus.UNAUTHORIZED, "partner-key", "partner.key.unknown");
		}
	}

}
