package org.yizhan.standard.web;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.yizhan.organization.Actor;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ApiController;
import org.yizhan.standard.ChecklistInput;
import org.yizhan.standard.Checklists;
import org.yizhan.standard.ItemInput;
import org.yizhan.standard.StationJudgements;
import org.yizhan.standard.web.StandardJson.ChecklistJson;
import org.yizhan.standard.web.StandardJson.InForceJson;
import org.yizhan.standard.web.StandardJson.ShortfallJson;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Checklists over JSON: every account reads the standards and which is in force where; an
 * admin of the owning union makes a checklist, a new version of it, and sets the one its
 * subtree uses.
 */
@ApiController("/api/v1/checklists")
@Tag(name = "Checklists", description = "建设标准清单（六有、八有、地方规则）：版本、适用范围、只可增加不可削弱")
class ChecklistApiController {

	private final Checklists checklists;

	private final StationJudgements judgements;

	private final OrganizationTree organizations;

	ChecklistApiController(Checklists checklists, StationJudgements judgements, OrganizationTree organizations) {
		this.checklists = checklists;
		this.judgements = judgements;
		this.organizations = organizations;
	}

	record ListJson(List<ChecklistJson> content, List<AssignmentJson> assignments) {
	}

	record AssignmentJson(String unionCode, String unionName, long checklistId, String checklistNameZh,
			String checklistNameEn) {
	}

	record CreateRequest(String ownerCode, String nameZh, String nameEn, String source, String note,
			List<ItemInput> items) {
	}

	record VersionRequest(Integer expectedVersion, String note, List<ItemInput> items) {
	}

	record AssignRequest(Long checklistId) {
	}

	record ShortfallsJson(String union, List<ShortfallJson> content, int totalElements) {
	}

	@GetMapping
	@Operation(summary = "Every checklist with its current version, and which union has set which",
			description = "The standard in force for a district is the one assigned nearest up its tree.")
	ListJson list() {
		return new ListJson(checklists.listChecklists().stream().map(c -> ChecklistJson.of(c, false)).toList(),
				checklists.listAssignments()
					.stream()
					.map(a -> new AssignmentJson(a.unionCode(), a.unionName(), a.checklistId(), a.checklistNameZh(),
							a.checklistNameEn()))
					.toList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One checklist with every version, newest first")
	ChecklistJson get(@PathVariable String id) {
		return ChecklistJson.of(checklists.getById(id(id)), true);
	}

	@GetMapping("/in-force")
	@Operation(summary = "The standard in force for a union or district",
			description = "Its items merged from the checklist assigned nearest up the tree and those it extends; "
					+ "no checklist and no items where no union up the tree has set one.")
	InForceJson inForce(@Parameter(description = "union or district code, e.g. 370202") //
	@RequestParam(required = false) String union) {
		String code = requireUnion(union);
		return InForceJson.of(code, checklists.findInForce(code).orElse(null));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A new checklist of a union in your subtree",
			description = "Where a standard is in force at the owner, the new checklist extends it: its items add to "
					+ "it or tighten inherited ones (same code); making one optional, changing its evidence or "
					+ "lowering its minimum is refused (409 naming the item). It is in force nowhere until assigned.")
	ChecklistJson create(@RequestBody(required = false) CreateRequest request) {
		CreateRequest body = request == null ? new CreateRequest(null, null, null, null, null, null) : request;
		return ChecklistJson.of(checklists.create(new ChecklistInput(body.ownerCode(), body.nameZh(), body.nameEn(),
				body.source(), body.items(), body.note())), true);
	}

	@PostMapping("/{id}/versions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A new version with the full list of the checklist's own items",
			description = "The older versions stay readable; judgements keep naming the version they were made "
					+ "under. expectedVersion refuses the change (409) if another version came meanwhile.")
	ChecklistJson addVersion(@PathVariable String id, @RequestBody(required = false) VersionRequest request) {
		VersionRequest body = request == null ? new VersionRequest(null, null, null) : request;
		return ChecklistJson.of(checklists.addVersion(id(id), body.expectedVersion(), body.items(), body.note()), true);
	}

	@PutMapping("/assignments/{union}")
	@Operation(summary = "Set the checklist a union's subtree uses",
			description = "It must be owned by the union or one above it and be (or extend) the standard in force "
					+ "above the union (409 otherwise).")
	InForceJson assign(@PathVariable String union, @RequestBody(required = false) AssignRequest request) {
		if (request == null || request.checklistId() == null) {
			throw new InvalidInputException(Violation.of("checklistId", "validation.required"));
		}
		return InForceJson.of(union, checklists.assign(union, request.checklistId()));
	}

	@GetMapping("/shortfalls")
	@Operation(summary = "Listed stations you see that do not meet the standard in force for their district",
			description = "Stations listed before the standard (or its stricter version) are reported here, not "
					+ "delisted.")
	ShortfallsJson shortfalls(@Parameter(description = "union code, your own by default") //
	@RequestParam(required = false) String union) {
		String code = union == null || union.isBlank() ? Actor.required().organizationCode() : union.strip();
		List<ShortfallJson> content = judgements.listShortfalls(code).stream().map(ShortfallJson::of).toList();
		return new ShortfallsJson(code, content, content.size());
	}

	private String requireUnion(String union) {
		List<Violation> violations = new ArrayList<>();
		String code = union == null || union.isBlank() ? null : union.strip();
		if (code == null) {
			violations.add(Violation.of("union", "validation.required"));
		}
		else if (organizations.findByCode(code).isEmpty()) {
			violations.add(Violation.of("union", "standard.unknownUnion", code));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return code;
	}

	static long id(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("standard.notFound", value);
		}
	}

}
