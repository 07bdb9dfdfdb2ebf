package org.yizhan.listing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.yizhan.listing.ListingReport;
import org.yizhan.listing.ListingReportReceipt;
import org.yizhan.listing.ListingReports;
import org.yizhan.platform.web.ApiController;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * A worker's report of a station's listing through the API (an app showing the finder),
 * without an account.
 */
@ApiController
@Tag(name = "Listings")
class ListingReportApiController {

	private final ListingReports reports;

	private final ListingRateLimits limits;

	ListingReportApiController(ListingReports reports, ListingRateLimits limits) {
		this.reports = reports;
		this.limits = limits;
	}

	/**
	 * @param kind SHUT, MOVED, GONE, WRONG_HOURS or WRONG_FACILITIES
	 * @param lat where the phone is, WGS-84, optional; stored only as within 300 m or not
	 */
	record ReportRequest(String kind, String description, String deviceId, Double lat, Double lon) {
	}

	/**
	 * @param ticketNumber the station's case the report opened or joined
	 * @param repeated this phone had reported the station today already
	 * @param listingHeld the listing is now shown as 待核实
	 */
	record ReportJson(String ticketNumber, boolean repeated, boolean listingHeld) {
	}

	@PostMapping(ListingWebConfiguration.REPORTS)
	@Operation(
			summary = "Report that a station's listing is wrong: shut, moved, gone, wrong hours or facilities (public)",
			description = "201 with the station's case the report opened or joined; 200 with the first report's case "
					+ "when this device reported the station today already (counted once); 400 naming a bad field; "
					+ "404 for an unknown station; 409 for a delisted one; 429 past the per-address limit. Three "
					+ "devices reporting SHUT within 24 hours hold the listing as unverified (listingHeld).")
	ResponseEntity<ReportJson> report(@PathVariable String id, @RequestBody ReportRequest request,
			HttpServletRequest http) {
		limits.requireReport(http.getRemoteAddr());
		ListingReportReceipt receipt = reports.report(id, new ListingReport(request.kind(), request.description(),
				request.deviceId(), request.lat(), request.lon()));
		return ResponseEntity.status(receipt.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new ReportJson(receipt.ticketNumber(), receipt.repeated(), receipt.listingHeld()));
	}

}
