package org.yizhan.partner.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.yizhan.partner.Partner;
import org.yizhan.partner.PartnerApiKey;
import org.yizhan.partner.PartnerKeys;
import org.yizhan.partner.PartnerProgramme;
import org.yizhan.partner.PartnerProgrammes;
import org.yizhan.partner.Partners;
import org.yizhan.partner.ProgrammeFigures;
import org.yizhan.partner.ProgrammeStation;
import org.yizhan.platform.web.ApiController;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Partners and their programmes for signed-in accounts: union admins register partners,
 * bind their accounts, add them to programmes, brand programmes, bring stations in and
 * hand them over; a partner's admin makes its API keys and sets its webhook; union staff
 * and a partner's accounts read what they reach.
 */
@ApiController("/api/v1")
@Tag(name = "Partners", description = "合作方（平台企业等）：合作方账号、参与的建设计划、品牌、站点与移交、API 密钥、Webhook")
class PartnerApiController {

	private final Partners partners;

	private final PartnerProgrammes programmes;

	private final PartnerKeys keys;

	PartnerApiController(Partners partners, PartnerProgrammes programmes, PartnerKeys keys) {
		this.partners = partners;
		this.programmes = programmes;
		this.keys = keys;
	}

	@PostMapping("/partners")
	@Operation(summary = "Register a partner (union admins, for a union of their subtree)",
			description = "name, kind (PLATFORM, BANK, PETROL, FOUNDATION, OTHER), union. 201; 400 naming each "
					+ "wrong field; 409 for a name taken.")
	ResponseEntity<Partner> create(@RequestBody Partners.PartnerInput input) {
		Partner partner = this.partners.create(input);
		return ResponseEntity.created(URI.create("/api/v1/partners/" + partner.id())).body(partner);
	}

	@GetMapping("/partners")
	@Operation(summary = "The partners the caller reaches (its subtree's; a partner account's own)")
	List<Partner> list() {
		return this.partners.list();
	}

	@GetMapping("/partners/{id}")
	@Operation(summary = "A partner the caller reaches; 404 for any other")
	Partner get(@PathVariable long id) {
		return this.partners.get(id);
	}

	record AccountBinding(Long accountId) {
	}

	@PostMapping("/partners/{id}/accounts")
	@Operation(summary = "Bind an account holding a partner role to the partner (union admins)",
			description = "accountId: an enabled account of the admin's subtree holding PARTNER_ADMIN or "
					+ "PARTNER_REVIEWER. 204; 400 for one not eligible; 409 for one already bound.")
	ResponseEntity<Void> bind(@PathVariable long id, @RequestBody AccountBinding binding) {
		this.partners.bindAccount(id, binding.accountId());
		return ResponseEntity.noContent().build();
	}

	record WebhookRequest(String url) {
	}

	@PutMapping("/partners/{id}/webhook")
	@Operation(summary = "Set where the partner's signed webhooks go (the partner's admin)",
			description = "url: https. Answers the new signing secret once. Each delivery carries X-Yizhan-Delivery "
					+ "(idempotency id) and X-Yizhan-Signature: t=<epoch s>,v1=<hex HMAC-SHA256 of '<t>.<body>'>.")
	ResponseEntity<Partners.WebhookEndpoint> webhook(@PathVariable long id, @RequestBody WebhookRequest request) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(this.partners.setWebhook(id, request.url()));
	}

	record KeyRequest(String label) {
	}

	record CreatedKeyJson(PartnerApiKey key, String secret) {
	}

	@PostMapping("/partners/{id}/api-keys")
	@Operation(summary = "Make an API key (the partner's admin); the secret is answered once")
	ResponseEntity<CreatedKeyJson> createKey(@PathVariable long id, @RequestBody KeyRequest request) {
		PartnerKeys.CreatedKey created = this.keys.create(id, request.label());
		return ResponseEntity.created(URI.create("/api/v1/partners/" + id + "/api-keys"))
			.cacheControl(CacheControl.noStore())
			.body(new CreatedKeyJson(created.key(), created.secret()));
	}

	@GetMapping("/partners/{id}/api-keys")
	@Operation(summary = "The partner's API keys, never their secrets (the partner's admin)")
	List<PartnerApiKey> listKeys(@PathVariable long id) {
		return this.keys.list(id);
	}

	@PostMapping("/partners/{id}/api-keys/{keyId}/revoke")
	@Operation(summary = "Revoke an API key (the partner's admin)")
	PartnerApiKey revokeKey(@PathVariable long id, @PathVariable long keyId) {
		return this.keys.revoke(id, keyId);
	}

	@GetMapping("/partner-programmes")
	@Operation(summary = "The programmes the caller reaches, with partners and brand")
	List<PartnerProgramme> programmes() {
		return this.programmes.list();
	}

	@PutMapping("/partner-programmes/{id}/partners/{partnerId}")
	@Operation(summary = "Make a partner take part in a programme (union admins)")
	PartnerProgramme addPartner(@PathVariable long id, @PathVariable long partnerId) {
		return this.programmes.addPartner(id, partnerId);
	}

	record BrandRequest(String brandName, String signText) {
	}

	@PutMapping("/partner-programmes/{id}/brand")
	@Operation(summary = "Set a programme's brand (union admins)",
			description = "brandName, signText: 1–60 characters.")
	PartnerProgramme brand(@PathVariable long id, @RequestBody BrandRequest request) {
		return this.programmes.setBrand(id, request.brandName(), request.signText());
	}

	@GetMapping("/partner-programmes/{id}/stations")
	@Operation(summary = "A programme's stations, their status and who runs them")
	List<ProgrammeStation> stations(@PathVariable long id) {
		return this.programmes.stations(id);
	}

	record StationRequest(Long stationId) {
	}

	@PostMapping("/partner-programmes/{id}/stations")
	@Operation(summary = "Bring a station into a programme, run by its partners (union admins)",
			description = "404 for a station out of reach; 409 for a delisted one or one already in a programme.")
	ResponseEntity<ProgrammeStation> addStation(@PathVariable long id, @RequestBody StationRequest request) {
		ProgrammeStation station = this.programmes.addStation(id, request.stationId());
		return ResponseEntity
			.created(URI.create("/api/v1/partner-programmes/" + id + "/stations/" + station.stationId()))
			.body(station);
	}

	@PostMapping("/partner-programmes/{id}/stations/{stationId}/hand-over")
	@Operation(summary = "Hand the running of a programme's station over to its union",
			description = "An admin of the union that supervises the station; 404 for a station it does not "
					+ "supervise, 409 for one its union already runs. The history is kept.")
	ProgrammeStation handOver(@PathVariable long id, @PathVariable long stationId) {
		return this.programmes.handOver(id, stationId);
	}

	record HistoryJson(String action, String runBy, String actedBy, Instant actedAt) {
	}

	@GetMapping("/partner-programmes/{id}/stations/{stationId}/history")
	@Operation(summary = "Who ran a programme's station when")
	List<HistoryJson> history(@PathVariable long id, @PathVariable long stationId) {
		return this.programmes.history(id, stationId)
			.stream()
			.map(step -> new HistoryJson(step.action(), step.runBy().name(), step.actedBy(), step.actedAt()))
			.toList();
	}

	@GetMapping("/partner-programmes/{id}/figures")
	@Operation(summary = "A programme's figures over Beijing days from..to (the last 30 by default)",
			description = "Stations by status, visits served, supplies used, counted ratings, mean stars and "
					+ "satisfied ratings; no comments, nothing about a person.")
	ProgrammeFigures figures(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return this.programmes.figures(id, from, to);
	}

}
