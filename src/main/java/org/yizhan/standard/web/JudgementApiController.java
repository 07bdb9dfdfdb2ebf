package org.yizhan.standard.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.yizhan.station.StationNotFoundException;
import org.yizhan.platform.web.ApiController;
import org.yizhan.standard.ItemEvidence;
import org.yizhan.standard.StationJudgements;
import org.yizhan.standard.web.StandardJson.JudgementJson;
import org.yizhan.station.StationId;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A station's judgements against the standard in force: whoever sees the station reads
 * them; a union admin, inspector or reviewer records one.
 */
@ApiController("/api/v1/stations/{id}/judgements")
@Tag(name = "Checklists")
class JudgementApiController {

	private final StationJudgements judgements;

	JudgementApiController(StationJudgements judgements) {
		this.judgements = judgements;
	}

	record JudgeRequest(List<ItemEvidence> evidence) {
	}

	@GetMapping
	@Operation(summary = "The station's judgements, newest first, each with the checklist version it was made under")
	List<JudgementJson> list(@PathVariable String id) {
		return judgements.listFor(station(id)).stream().map(JudgementJson::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record what was found at the station, item by item",
			description = "evidence: [{code, yes | number | photoId}] for the items the station's own data do not "
					+ "decide; amenity items and measured numbers (floor area, seats) are read from the station. "
					+ "409 when no standard is in force for its district.")
	JudgementJson judge(@PathVariable String id, @RequestBody(required = false) JudgeRequest request) {
		return JudgementJson.of(judgements.judge(station(id), request == null ? List.of() : request.evidence()));
	}

	private static StationId station(String value) {
		try {
			return StationId.of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			throw StationNotFoundException.byId(value);
		}
	}

}
