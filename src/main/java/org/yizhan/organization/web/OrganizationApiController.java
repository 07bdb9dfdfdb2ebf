package org.yizhan.organization.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.administration.HistoryEntry;
import org.yizhan.organization.administration.OrganizationAdministration;
import org.yizhan.organization.administration.OrganizationDetails;
import org.yizhan.organization.administration.OrganizationRecord;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.web.ApiController;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The union tree over JSON: browse it, read an organisation with its history, and (as an
 * ORG_ADMIN in one's subtree) add industry unions and streets, rename, merge districts.
 */
@ApiController("/api/v1/organizations")
@Tag(name = "Organisations", description = "工会组织树：浏览、历史、增设产业工会与街道、更名、区县合并")
class OrganizationApiController {

	private final OrganizationAdministration administration;

	OrganizationApiController(OrganizationAdministration administration) {
		this.administration = administration;
	}

	record OrganizationJson(String code, String name, String kind, String parent, String path, String status,
			String mergedInto, LocalDate endedOn) {

		static OrganizationJson of(OrganizationRecord record) {
			return new OrganizationJson(record.code(), record.name(), record.kind().name(), record.parentCode(),
					record.path(), record.status(), record.mergedInto(), record.endedOn());
		}

	}

	record HistoryJson(String action, String before, String after, String username, OffsetDateTime occurredAt) {

		static HistoryJson of(HistoryEntry entry) {
			return new HistoryJson(entry.action(), entry.beforeSummary(), entry.afterSummary(), entry.username(),
					at(entry.occurredAt()));
		}

	}

	record DetailsJson(OrganizationJson organization, List<OrganizationJson> ancestry, String successor,
			List<HistoryJson> history) {
	}

	record NameRequest(String name) {
	}

	record MergeRequest(String target) {
	}

	record StreetRequest(String code, String name) {
	}

	@GetMapping
	@Operation(summary = "The root of the tree: the national federation and the provinces below it")
	DetailsJson root() {
		return get(OrganizationTree.NATIONAL_CODE);
	}

	@GetMapping("/{code}")
	@Operation(summary = "An organisation with its ancestry, history and successor",
			description = "A merged organisation is answered as recorded (status MERGED); successor names the union "
					+ "now responsible for it.")
	DetailsJson get(@PathVariable String code) {
		OrganizationDetails details = administration.get(code);
		return new DetailsJson(OrganizationJson.of(details.organization()),
				details.ancestry().stream().map(OrganizationJson::of).toList(), details.successorCode(),
				details.history().stream().map(HistoryJson::of).toList());
	}

	@GetMapping("/{code}/children")
	@Operation(summary = "The active organisations directly below one")
	List<OrganizationJson> children(@PathVariable String code) {
		return administration.listChildren(code).stream().map(OrganizationJson::of).toList();
	}

	@PostMapping("/{code}/industry-unions")
	@Operation(summary = "Add an industry union (产业/行业工会) below an organisation; its code is generated")
	ResponseEntity<OrganizationJson> addIndustryUnion(@PathVariable String code, @RequestBody NameRequest request) {
		OrganizationRecord added = administration.addIndustryUnion(code, request.name());
		return ResponseEntity.created(URI.create("/api/v1/organizations/" + added.code()))
			.body(OrganizationJson.of(added));
	}

	@PostMapping("/{code}/streets")
	@Operation(summary = "Add a street or township by hand, with its nine-digit code")
	ResponseEntity<OrganizationJson> addStreet(@PathVariable String code, @RequestBody StreetRequest request) {
		OrganizationRecord added = administration.addStreet(code, request.code(), request.name());
		return ResponseEntity.created(URI.create("/api/v1/organizations/" + added.code()))
			.body(OrganizationJson.of(added));
	}

	@PostMapping("/{code}/streets/load")
	@Operation(summary = "Load a district's streets and townships from the NBS 2023 codes; existing ones are kept")
	Map<String, Integer> loadStreets(@PathVariable String code) {
		return Map.of("added", administration.loadStreets(code));
	}

	@PatchMapping("/{code}")
	@Operation(summary = "Rename an organisation")
	OrganizationJson rename(@PathVariable String code, @RequestBody NameRequest request) {
		return OrganizationJson.of(administration.rename(code, request.name()));
	}

	@PostMapping("/{code}/merge")
	@Operation(summary = "Merge a district into another after a re-division",
			description = "Stations and child organisations move to the target; the district is kept as MERGED. "
					+ "Across cities only a national admin may merge.")
	OrganizationJson merge(@PathVariable String code, @RequestBody MergeRequest request) {
		return OrganizationJson.of(administration.merge(code, request.target()));
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atZone(YizhanTime.ZONE).toOffsetDateTime();
	}

}
