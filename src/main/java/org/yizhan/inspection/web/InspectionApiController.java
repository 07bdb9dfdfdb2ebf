package org.yizhan.inspection.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.yizhan.inspection.CampaignInput;
import org.yizhan.inspection.InspectionCampaigns;
import org.yizhan.inspection.InspectionInput;
import org.yizhan.inspection.Inspections;
import org.yizhan.inspection.SampledStation;
import org.yizhan.inspection.WorklistEntry;
import org.yizhan.inspection.web.InspectionJson.CampaignJson;
import org.yizhan.inspection.web.InspectionJson.InspectionJsonView;
import org.yizhan.inspection.web.InspectionJson.ProgressJson;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ApiController;
import org.yizhan.platform.web.PhotoResponses;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * Campaigns, worklists and inspections through the API: union admins create and publish
 * campaigns; inspectors and evaluators read their worklist and submit from the phone;
 * staff read progress and scores; the station side reads its own station's inspections,
 * but no mystery visit before its results are published.
 */
@ApiController("/api/v1")
@Tag(name = "Inspections", description = "检查与暗访：检查活动（回头看、第三方评估、抽查、自查）、分层抽样、检查员任务清单、手机检查表、站点得分")
class InspectionApiController {

	private final InspectionCampaigns campaigns;

	private final Inspections inspections;

	private final CampaignWorkbook workbook;

	private final CampaignPdf pdf;

	private final java.time.Clock clock;

	InspectionApiController(InspectionCampaigns campaigns, Inspections inspections, CampaignWorkbook workbook,
			CampaignPdf pdf, java.time.Clock clock) {
		this.workbook = workbook;
		this.pdf = pdf;
		this.clock = clock;
		this.campaigns = campaigns;
		this.inspections = inspections;
	}

	@PostMapping("/inspection-campaigns")
	@Operation(summary = "Create a campaign over a union's subtree (union admins)",
			description = "union, kind (ANNUAL_REVIEW, THIRD_PARTY, SPOT_CHECK, SELF_CHECK), name, mystery, "
					+ "checklistId and checklistVersion (absent: the standard in force for the union), samplePercent "
					+ "(1–100 per district; absent: every listed station), seed (absent: a random one; recorded, the "
					+ "same seed over the same stations draws the same sample), startsOn and endsOn (yyyy-MM-dd, not "
					+ "in the past), assignees (inspector and evaluator account ids), recurrence (ANNUAL or absent). "
					+ "201; 400 naming each wrong field (an empty sample too); 409 when an annual series already "
					+ "has its campaign for the year.")
	ResponseEntity<CampaignJson> create(@RequestBody CampaignInput input) {
		CampaignJson created = CampaignJson.of(this.campaigns.create(input));
		return ResponseEntity.created(URI.create("/api/v1/inspection-campaigns/" + created.id())).body(created);
	}

	@GetMapping("/inspection-campaigns")
	@Operation(summary = "The campaigns the caller sees (union admins, inspectors, auditors; evaluators: theirs)")
	List<CampaignJson> list() {
		return this.campaigns.list().stream().map(CampaignJson::of).toList();
	}

	@GetMapping("/inspection-campaigns/{id}")
	@Operation(summary = "A campaign with its items and assignees; 404 for the station side, whatever it is")
	CampaignJson get(@PathVariable long id) {
		return CampaignJson.of(this.campaigns.get(id));
	}

	@GetMapping("/inspection-campaigns/{id}/report.xlsx")
	@Operation(summary = "A campaign's report as an Excel workbook (xlsx)",
			description = "Two sheets: the campaign, its progress and rectification per union; every sampled "
					+ "station with its result and the state of its failed items' cases. Headers in the caller's "
					+ "language (Accept-Language), times in Beijing time, text cells neutralised against formulas. "
					+ "404 for a campaign the caller does not see.")
	ResponseEntity<byte[]> reportXlsx(@PathVariable long id, java.util.Locale locale) {
		return CampaignReportResponses.xlsx(id, this.workbook.write(this.campaigns.report(id), locale));
	}

	@GetMapping("/inspection-campaigns/{id}/report.pdf")
	@Operation(summary = "A campaign's report as a PDF for print (A4 landscape)",
			description = "The campaign, its progress and rectification per union, every sampled station; Chinese "
					+ "drawn with the embedded font the application carries. 404 for a campaign the caller does not "
					+ "see.")
	ResponseEntity<byte[]> reportPdf(@PathVariable long id, java.util.Locale locale) {
		return CampaignReportResponses.pdf(id, this.pdf.write(this.campaigns.report(id), locale, this.clock.instant()));
	}

	@GetMapping("/inspection-campaigns/{id}/progress")
	@Operation(summary = "A campaign's progress: planned, visited, passed, failed, in total and per union below")
	ProgressJson progress(@PathVariable long id) {
		return ProgressJson.of(this.campaigns.progress(id));
	}

	@GetMapping("/inspection-campaigns/{id}/sample")
	@Operation(summary = "The sampled stations with their assignee and result, by district and code")
	List<SampledStation> sample(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		return this.campaigns.listSample(id, page, size);
	}

	@PostMapping("/inspection-campaigns/{id}/publish")
	@Operation(summary = "Publish a campaign's results (union admins): mystery visits become visible to the stations",
			description = "Once; 409 when already published.")
	CampaignJson publish(@PathVariable long id) {
		return CampaignJson.of(this.campaigns.publish(id));
	}

	@GetMapping("/inspection-worklist")
	@Operation(summary = "The caller's worklist: stations to inspect in campaigns under way (inspectors, evaluators)")
	ResponseEntity<List<WorklistEntry>> worklist() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.campaigns.worklist());
	}

	/**
	 * An answer as the phone sends it.
	 *
	 * @param photo the index, from 0, of the item's photo among the request's
	 * {@code photos} parts
	 */
	record AnswerRequest(String code, String result, BigDecimal score, String note, Integer photo) {
	}

	record InspectionRequest(String clientId, Long campaignId, Long stationId, String inspectedAt, Double lat,
			Double lon, String crs, String note, List<AnswerRequest> answers) {
	}

	@PostMapping(path = "/inspections", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Submit an inspection from the worklist (inspectors, evaluators)",
			description = "Multipart: the part `inspection` (application/json: clientId (a UUID the phone made), "
					+ "campaignId, stationId, inspectedAt (ISO-8601 with offset), lat, lon and crs (optional: only "
					+ "whether the phone was within 200 m is kept), note, answers[] of code, result PASS or FAIL, "
					+ "score 0–100, note, photo = index of a `photos` part) and the `photos` parts. Every item of "
					+ "the campaign's version answered; a failed item needs its photo. 201 stored; 200 with the "
					+ "stored inspection when the same clientId was stored before; 400 naming each wrong field (an "
					+ "item not in the version by its code); 403 for a station not on the caller's worklist; 409 "
					+ "when the station was inspected in the campaign by another submission.")
	ResponseEntity<InspectionJsonView> submit(@RequestPart("inspection") InspectionRequest request,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos) {
		List<byte[]> uploads = photos == null ? List.of()
				: photos.stream().map(InspectionApiController::bytes).toList();
		List<InspectionInput.Answer> answers = new ArrayList<>();
		List<Violation> violations = new ArrayList<>();
		List<AnswerRequest> given = request.answers() == null ? List.of() : request.answers();
		for (int i = 0; i < given.size(); i++) {
			AnswerRequest answer = given.get(i);
			if (answer == null) {
				violations.add(Violation.of("answers[" + i + "]", "validation.required"));
				continue;
			}
			byte[] photo = null;
			if (answer.photo() != null) {
				if (answer.photo() < 0 || answer.photo() >= uploads.size()) {
					violations.add(Violation.of("answers[" + i + "].photo", "inspection.answer.photoPart",
							answer.photo(), uploads.size()));
					continue;
				}
				photo = uploads.get(answer.photo());
			}
			answers
				.add(new InspectionInput.Answer(answer.code(), answer.result(), answer.score(), answer.note(), photo));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		Inspections.Submitted submitted = this.inspections
			.submit(new InspectionInput(request.clientId(), request.campaignId(), request.stationId(),
					request.inspectedAt(), request.lat(), request.lon(), request.crs(), request.note(), answers));
		InspectionJsonView body = InspectionJsonView.of(submitted.inspection());
		return submitted.created() ? ResponseEntity.created(URI.create("/api/v1/inspections/" + body.id())).body(body)
				: ResponseEntity.ok(body);
	}

	@GetMapping("/inspections/{id}")
	@Operation(summary = "One inspection; 404 for a mystery visit the caller may not see yet")
	InspectionJsonView get(@PathVariable("id") Long id) {
		return InspectionJsonView.of(this.inspections.get(id));
	}

	@GetMapping("/inspection-photos/{id}")
	@Operation(summary = "A failed item's photo (JPEG, no EXIF or GPS), for whoever may read its inspection")
	ResponseEntity<byte[]> photo(@PathVariable long id, @RequestParam(defaultValue = "false") boolean thumbnail) {
		return PhotoResponses.forSignedIn(this.inspections.readPhoto(id, thumbnail));
	}

	@GetMapping("/stations/{id}/inspections")
	@Operation(summary = "A station's inspections, newest first: its score history",
			description = "For whoever sees the station; a mystery visit appears for the station side only once "
					+ "its campaign's results are published.")
	List<InspectionJsonView> forStation(@PathVariable long id) {
		return this.inspections.listForStation(id).stream().map(InspectionJsonView::of).toList();
	}

	static byte[] bytes(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return new byte[0];
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
