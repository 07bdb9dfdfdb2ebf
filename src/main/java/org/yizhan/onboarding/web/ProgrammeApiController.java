package org.yizhan.onboarding.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.yizhan.onboarding.Programme;
import org.yizhan.onboarding.ProgrammeProgress;
import org.yizhan.onboarding.Programmes;
import org.yizhan.platform.web.ApiController;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Programmes of new stations: set by union admins, read with their progress by staff. */
@ApiController("/api/v1")
@Tag(name = "Programmes", description = "建设计划与目标：目标数量、期间、实施工会；按工会统计申请、批准、已建、已上图")
class ProgrammeApiController {

	private final Programmes programmes;

	ProgrammeApiController(Programmes programmes) {
		this.programmes = programmes;
	}

	record ProgrammeJson(long id, String name, String union, String unionName, int targetCount, LocalDate startsOn,
			LocalDate endsOn) {

		static ProgrammeJson of(Programme p) {
			return new ProgrammeJson(p.id(), p.name(), p.unionCode(), p.unionName(), p.targetCount(), p.startsOn(),
					p.endsOn());
		}

	}

	record ProgressJson(ProgrammeJson programme, ProgrammeProgress.Counts total, int listedPercent,
			List<ProgrammeProgress.UnionCounts> unions) {
	}

	@PostMapping("/programmes")
	@Operation(summary = "Set a programme (union admins, for a union of their subtree)",
			description = "name, union, targetCount (1–1,000,000), startsOn and endsOn (yyyy-MM-dd, Beijing dates, "
					+ "both included). 201; 400 naming each wrong field.")
	ResponseEntity<ProgrammeJson> create(@RequestBody Programmes.ProgrammeInput input) {
		Programme programme = this.programmes.create(input);
		return ResponseEntity.created(URI.create("/api/v1/programmes/" + programme.id() + "/progress"))
			.body(ProgrammeJson.of(programme));
	}

	@GetMapping("/programmes")
	@Operation(summary = "The programmes of the caller's subtree and of the unions above it")
	List<ProgrammeJson> list() {
		return this.programmes.list().stream().map(ProgrammeJson::of).toList();
	}

	@GetMapping("/programmes/{id}/progress")
	@Operation(summary = "A programme's progress per union (union admins, reviewers)",
			description = "Applications of the subtree submitted in the period: applied, approved, built (station "
					+ "created), listed now; the total and one row per union directly below the programme's union "
					+ "that the caller sees.")
	ProgressJson progress(@PathVariable long id) {
		ProgrammeProgress progress = this.programmes.progress(id);
		return new ProgressJson(ProgrammeJson.of(progress.programme()), progress.total(),
				progress.total().listedPercent(progress.programme().targetCount()), progress.unions());
	}

}
