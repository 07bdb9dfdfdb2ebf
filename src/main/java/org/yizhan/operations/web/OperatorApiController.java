package org.yizhan.operations.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.yizhan.operations.OperatorContractInput;
import org.yizhan.operations.Operators;
import org.yizhan.platform.web.ApiController;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Operators' contracts: who runs a station for its host, for which days, answering for
 * what.
 */
@ApiController
@Tag(name = "Operators")
class OperatorApiController {

	private final Operators operators;

	OperatorApiController(Operators operators) {
		this.operators = operators;
	}

	record ContractRequest(String operator, Long contact, String startsOn, String endsOn, List<String> duties) {
	}

	record EndRequest(String endsOn) {
	}

	@GetMapping("/api/v1/stations/{id}/operator-contracts")
	@Operation(summary = "A station's operators' contracts, latest first")
	List<DonationJson.ContractItem> list(@PathVariable String id) {
		return operators.listFor(VisitApiController.station(id)).stream().map(DonationJson.ContractItem::of).toList();
	}

	@PostMapping("/api/v1/stations/{id}/operator-contracts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record the contract under which an operator runs a station",
			description = "contact: the id of an enabled station master, liaison or host account on the station's "
					+ "line, who receives the station's cases first while the contract is in force; duties: "
					+ "CLEANING, EQUIPMENT, POWER, WATER, OPENING, SECURITY; at most 10 years. 409 when it overlaps "
					+ "another contract of the station. For union admins over the station.")
	DonationJson.ContractItem sign(@PathVariable String id, @RequestBody(required = false) ContractRequest request) {
		ContractRequest given = request == null ? new ContractRequest(null, null, null, null, null) : request;
		return DonationJson.ContractItem.of(operators.sign(VisitApiController.station(id),
				new OperatorContractInput(given.operator(), given.contact(),
						VisitApiController.date("startsOn", given.startsOn()),
						VisitApiController.date("endsOn", given.endsOn()), given.duties())));
	}

	@PostMapping("/api/v1/operator-contracts/{contractId}/end")
	@Operation(summary = "End a contract early: its last day becomes endsOn (today or later)")
	DonationJson.ContractItem end(@PathVariable String contractId, @RequestBody(required = false) EndRequest request) {
		return DonationJson.ContractItem.of(operators.end(DonationApiController.id(contractId, "operator.notFound"),
				VisitApiController.date("endsOn", request == null ? null : request.endsOn())));
	}

}
