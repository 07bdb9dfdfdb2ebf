package org.yizhan.listing.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.yizhan.listing.FreshnessFigures;
import org.yizhan.organization.Actor;
import org.yizhan.platform.web.ApiController;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** How truthful a union's listings are, for systems (a province's own big screen). */
@ApiController
@Tag(name = "Listings")
class FreshnessFiguresApiController {

	private final FreshnessFigures figures;

	FreshnessFiguresApiController(FreshnessFigures figures) {
		this.figures = figures;
	}

	/**
	 * One union's row.
	 *
	 * @param confirmedWithin listed stations confirmed within 7, 30 and 60 days, by days
	 * @param medianWaitMinutes {@code null} without a settled report
	 */
	record RowJson(String code, String name, long listed, Map<Integer, Long> confirmedWithin, long held,
			long shutReports, long settled, long unsettledOverDay, Long medianWaitMinutes, Long p90WaitMinutes) {

		static RowJson of(FreshnessFigures.Row row) {
			Map<Integer, Long> within = new TreeMap<>();
			for (int i = 0; i < FreshnessFigures.WITHIN_DAYS.length; i++) {
				within.put(FreshnessFigures.WITHIN_DAYS[i], row.within()[i]);
			}
			return new RowJson(row.code(), row.name(), row.listed(), within, row.held(), row.shutReports(),
					row.settled(), row.unsettledOverDay(),
					(row.medianWait() != null) ? row.medianWait().toMinutes() : null,
					(row.p90Wait() != null) ? row.p90Wait().toMinutes() : null);
		}

	}

	record FiguresJson(String union, String month, String asOf, RowJson whole, List<RowJson> children) {
	}

	@GetMapping("/api/v1/listing-figures")
	@Operation(summary = "How fresh a union's listings are, per child union (union staff)",
			description = "org: the union's code (default: the caller's own); month: yyyy-MM of the shut reports "
					+ "(default: this month; 400 for a month to come). Shares confirmed within 7, 30 and 60 days "
					+ "are of today (asOf, Asia/Shanghai); shut reports are the month's that were not held as "
					+ "suspicious, with how many were settled and the minutes they waited. 404 for a union "
					+ "outside the caller's subtree.")
	FiguresJson figures(@RequestParam(required = false) String org, @RequestParam(required = false) String month) {
		String code = (org == null || org.isBlank()) ? Actor.required().organizationCode() : org.strip();
		FreshnessFigures.Report report = figures.forUnion(code, month);
		return new FiguresJson(report.union().code(), report.month().toString(), report.today().toString(),
				RowJson.of(report.whole()), report.children().stream().map(RowJson::of).toList());
	}

}
