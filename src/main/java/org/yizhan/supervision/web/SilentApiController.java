package org.yizhan.supervision.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Paging;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.web.ApiController;
import org.yizhan.platform.web.RequestValues;
import org.yizhan.supervision.SilentCaseQuery;
import org.yizhan.supervision.SilentStations;
import org.yizhan.supervision.SilentCase;
import org.yizhan.supervision.SilentCasePage;
import org.yizhan.supervision.SilentCaseStatus;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Silent stations over JSON: the cases of the stations the caller sees, and the three
 * decisions a union admin takes on an open one.
 */
@ApiController("/api/v1/silent-stations")
@Tag(name = "Silent stations", description = "长期无评价驿站：连续 N 个月无计入评价的驿站及其处理（降级、摘牌、豁免）")
class SilentApiController {

	static final int MAX_PAGE_SIZE = 200;

	private final SilentStations silentStations;

	private final OrganizationTree organizations;

	SilentApiController(SilentStations silentStations, OrganizationTree organizations) {
		this.silentStations = silentStations;
		this.organizations = organizations;
	}

	record PageJson(List<CaseJson> content, int page, int size, long totalElements, int totalPages) {
	}

	record DowngradeRequest(String reason) {
	}

	record DelistRequest(String note) {
	}

	record ExemptRequest(String reason, LocalDate exemptUntil) {
	}

	@GetMapping
	@Operation(summary = "Silent-station cases of the stations you see, newest first",
			description = "A case opens when a listed station had no counted rating in N whole calendar months "
					+ "(Asia/Shanghai) in a row (yizhan.rating.silent.months, default 3).")
	PageJson list(@Parameter(description = "union code: the cases of its subtree, e.g. 330106") //
	@RequestParam(required = false) String org, //
			@Parameter(description = "OPEN (default), DOWNGRADED, DELISTED, EXEMPTED, RESOLVED_BY_RATING, WITHDRAWN; "
					+ "repeat or comma-separate") //
			@RequestParam(required = false) List<String> status, //
			@Parameter(description = "part of the station's code or name") //
			@RequestParam(required = false) String q, //
			@RequestParam(defaultValue = "0") int page, //
			@RequestParam(defaultValue = "50") int size) {
		List<Violation> violations = new ArrayList<>();
		Set<SilentCaseStatus> statuses = RequestValues.enumValues(SilentCaseStatus.class, status, "status", violations);
		String organization = (org == null || org.isBlank()) ? null : org.strip();
		if (organization != null && organizations.findByCode(organization).isEmpty()) {
			violations.add(Violation.of("org", "silent.unknownOrg", organization));
		}
		Paging.check(page, size, MAX_PAGE_SIZE, violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		SilentCasePage result = silentStations.search(new SilentCaseQuery(organization, statuses, q), page, size);
		return new PageJson(result.content().stream().map(CaseJson::of).toList(), result.page(), result.size(),
				result.totalElements(), result.totalPages());
	}

	@PostMapping("/{id}/downgrade")
	@Operation(summary = "Lower the station one level (national → provincial → city → none), with a reason",
			description = "Send the station's version as If-Match to refuse the decision if it changed meanwhile. "
					+ "A station without a level cannot be downgraded (409).")
	CaseJson downgrade(@PathVariable String id, @RequestBody(required = false) DowngradeRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return CaseJson
			.of(silentStations.downgrade(id(id), version(ifMatch), (request == null) ? null : request.reason()));
	}

	@PostMapping("/{id}/delist")
	@Operation(summary = "Delist the station for good, reason SILENT, with an optional note")
	CaseJson delist(@PathVariable String id, @RequestBody(required = false) DelistRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return CaseJson.of(silentStations.delist(id(id), version(ifMatch), (request == null) ? null : request.note()));
	}

	@PostMapping("/{id}/exempt")
	@Operation(summary = "Exempt the station until a date (inclusive), with a reason",
			description = "It is not flagged again before the day after; the months from this case on count again then.")
	CaseJson exempt(@PathVariable String id, @RequestBody(required = false) ExemptRequest request) {
		return CaseJson.of(silentStations.exempt(id(id), (request == null) ? null : request.reason(),
				(request == null) ? null : request.exemptUntil()));
	}

	private static long id(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("silent.notFound", value);
		}
	}

	/** Reads {@code "3"} or {@code W/"3"}, as the station API does. */
	private static Long version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return null;
		}
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		try {
			return Long.parseLong(tag.replace("\"", ""));
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(Violation.of("version", "validation.type"));
		}
	}

	/** A case as the API shows it; times in Asia/Shanghai, months as {@code 2026-03}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CaseJson(long id, String status, StationJson station, List<String> silentMonths,
			LastRatingJson lastCountedRating, OffsetDateTime openedAt, OffsetDateTime closedAt, DecisionJson decision,
			LocalDate resolvedByRatingOn, List<String> offers) {

		record StationJson(long id, String code, String name, String district, String level, String status,
				long version) {
		}

		record LastRatingJson(OffsetDateTime at, int stars) {
		}

		@JsonInclude(JsonInclude.Include.NON_NULL)
		record DecisionJson(String by, String reason, String levelBefore, String levelAfter, LocalDate exemptUntil) {
		}

		static CaseJson of(SilentCase c) {
			DecisionJson decision = (c.decidedBy() == null) ? null : new DecisionJson(c.decidedBy(), c.reason(),
					name(c.levelBefore()), name(c.levelAfter()), c.exemptUntil());
			return new CaseJson(c.id(), c.status().name(),
					new StationJson(c.stationId().value(), c.stationCode(), c.stationName(), c.districtCode(),
							c.level().name(), c.stationStatus().name(), c.stationVersion()),
					c.silentMonths().stream().map(YearMonth::toString).toList(),
					(c.lastCountedRating() == null) ? null
							: new LastRatingJson(c.lastCountedRating().at().atZone(YizhanTime.ZONE).toOffsetDateTime(),
									c.lastCountedRating().stars()),
					c.openedAt().atZone(YizhanTime.ZONE).toOffsetDateTime(),
					(c.closedAt() == null) ? null : c.closedAt().atZone(YizhanTime.ZONE).toOffsetDateTime(), decision,
					c.resolvedRatingDay(), c.offers().stream().map(Enum::name).toList());
		}

		private static String name(Enum<?> value) {
			return (value == null) ? null : value.name();
		}

	}

}
