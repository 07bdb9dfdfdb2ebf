package org.yizhan.inspection.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.yizhan.inspection.Campaign;
import org.yizhan.inspection.CampaignInput;
import org.yizhan.inspection.CampaignItem;
import org.yizhan.inspection.CampaignKind;
import org.yizhan.inspection.InspectionCampaigns;
import org.yizhan.inspection.InspectionInput;
import org.yizhan.inspection.Inspections;
import org.yizhan.inspection.WorklistEntry;
import org.yizhan.organization.AccountDirectory;
import org.yizhan.organization.AccountSummary;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.platform.web.PhotoResponses;
import org.yizhan.standard.Checklists;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The inspection pages: campaigns with their progress and the form to create one, a
 * campaign's page (progress per union, the sample, publishing the results), the
 * inspector's worklist and the phone form, one inspection, and a station's scores.
 */
@Controller
class InspectionConsoleController {

	private final InspectionCampaigns campaigns;

	private final Inspections inspections;

	private final Checklists checklists;

	private final AccountDirectory accounts;

	private final ConsoleMessages messages;

	private final Clock clock;

	private final CampaignWorkbook workbook;

	private final CampaignPdf pdf;

	InspectionConsoleController(InspectionCampaigns campaigns, Inspections inspections, Checklists checklists,
			AccountDirectory accounts, ConsoleMessages messages, Clock clock, CampaignWorkbook workbook,
			CampaignPdf pdf) {
		this.workbook = workbook;
		this.pdf = pdf;
		this.clock = clock;
		this.campaigns = campaigns;
		this.inspections = inspections;
		this.checklists = checklists;
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/console/inspections")
	String list(Model model) {
		Actor actor = Actor.required();
		List<Campaign> visible = this.campaigns.list();
		model.addAttribute("progresses", visible.stream().limit(50).map(c -> this.campaigns.progress(c.id())).toList());
		model.addAttribute("kinds", CampaignKind.values());
		boolean mayCreate = actor.holds(Role.ORG_ADMIN);
		model.addAttribute("mayCreate", mayCreate);
		if (mayCreate) {
			model.addAttribute("ownUnion", actor.organizationCode());
			model.addAttribute("checklists", this.checklists.listChecklists());
			List<AccountSummary> candidates = new ArrayList<>(
					this.accounts.listEnabledOnLine(actor.organizationPath(), Role.INSPECTOR));
			this.accounts.listEnabledOnLine(actor.organizationPath(), Role.EVALUATOR)
				.stream()
				.filter(a -> candidates.stream().noneMatch(c -> c.id() == a.id()))
				.forEach(candidates::add);
			candidates.sort(Comparator.comparing(AccountSummary::displayName));
			model.addAttribute("candidates", candidates);
		}
		return "inspection/console/campaigns";
	}

	@PostMapping("/console/inspections")
	String create(@RequestParam(required = false) String union, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String name, @RequestParam(defaultValue = "false") boolean mystery,
			@RequestParam(required = false) Long checklistId, @RequestParam(required = false) Integer samplePercent,
			@RequestParam(required = false) Long seed, @RequestParam(required = false) String startsOn,
			@RequestParam(required = false) String endsOn, @RequestParam(required = false) List<Long> assignees,
			@RequestParam(required = false) String recurrence, RedirectAttributes redirect) {
		try {
			Campaign created = this.campaigns.create(new CampaignInput(union, kind, name, mystery, checklistId, null,
					samplePercent, seed, startsOn, endsOn, assignees, recurrence));
			redirect.addFlashAttribute("notice", "inspection.campaign.created");
			return "redirect:/console/inspections/campaigns/" + created.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", this.messages.lines(ex.violations()));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(this.messages.text(ex)));
		}
		return "redirect:/console/inspections";
	}

	@GetMapping("/console/inspections/campaigns/{id}")
	String campaign(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
		Actor actor = Actor.required();
		model.addAttribute("progress", this.campaigns.progress(id));
		model.addAttribute("sample", this.campaigns.listSample(id, Math.max(0, page), 200));
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("mayPublish", actor.holds(Role.ORG_ADMIN));
		return "inspection/console/campaign";
	}

	@GetMapping("/console/inspections/campaigns/{id}/report.xlsx")
	ResponseEntity<byte[]> reportXlsx(@PathVariable long id, java.util.Locale locale) {
		return CampaignReportResponses.xlsx(id, this.workbook.write(this.campaigns.report(id), locale));
	}

	@GetMapping("/console/inspections/campaigns/{id}/report.pdf")
	ResponseEntity<byte[]> reportPdf(@PathVariable long id, java.util.Locale locale) {
		return CampaignReportResponses.pdf(id, this.pdf.write(this.campaigns.report(id), locale, this.clock.instant()));
	}

	@PostMapping("/console/inspections/campaigns/{id}/publish")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		try {
			this.campaigns.publish(id);
			redirect.addFlashAttribute("notice", "inspection.campaign.publishedNotice");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(this.messages.text(ex)));
		}
		return "redirect:/console/inspections/campaigns/" + id;
	}

	@GetMapping("/console/inspections/worklist")
	String worklist(Model model) {
		Map<Long, List<WorklistEntry>> byCampaign = new LinkedHashMap<>();
		this.campaigns.worklist()
			.forEach(e -> byCampaign.computeIfAbsent(e.campaignId(), k -> new ArrayList<>()).add(e));
		model.addAttribute("byCampaign", byCampaign);
		return "inspection/console/worklist";
	}

	@GetMapping("/console/inspections/form")
	String form(@RequestParam long campaign, @RequestParam long station,
			@RequestParam(required = false) String clientId, Model model) {
		WorklistEntry entry = this.campaigns.worklist()
			.stream()
			.filter(e -> e.campaignId() == campaign && e.stationId() == station)
			.findFirst()
			.orElseThrow(() -> new ForbiddenException("inspection.forbidden.notOnWorklist"));
		model.addAttribute("entry", entry);
		model.addAttribute("campaign", this.campaigns.get(campaign));
		// the form's own id for its submission: sent twice, it is stored once
		model.addAttribute("clientId", clientId != null && !clientId.isBlank() ? clientId : UUID.randomUUID());
		model.addAttribute("now",
				OffsetDateTime.now(this.clock.withZone(YizhanTime.ZONE))
					.truncatedTo(ChronoUnit.SECONDS)
					.toLocalDateTime()
					.toString());
		return "inspection/console/form";
	}

	@PostMapping("/console/inspections/form")
	String submit(MultipartHttpServletRequest request, RedirectAttributes redirect) {
		String clientId = request.getParameter("clientId");
		Long campaignId = number(request.getParameter("campaignId"));
		Long stationId = number(request.getParameter("stationId"));
		try {
			List<InspectionInput.Answer> answers = new ArrayList<>();
			if (campaignId != null) {
				for (CampaignItem item : this.campaigns.get(campaignId).items()) {
					MultipartFile photo = request.getFile("photo." + item.code());
					String score = request.getParameter("score." + item.code());
					answers.add(new InspectionInput.Answer(item.code(), request.getParameter("result." + item.code()),
							score == null || score.isBlank() ? null : decimal(score),
							request.getParameter("note." + item.code()),
							photo == null || photo.isEmpty() ? null : InspectionApiController.bytes(photo)));
				}
			}
			Inspections.Submitted submitted = this.inspections.submit(new InspectionInput(clientId, campaignId,
					stationId, inspectedAt(request.getParameter("inspectedAt")),
					decimalOrNull(request.getParameter("lat")), decimalOrNull(request.getParameter("lon")),
					request.getParameter("crs"), request.getParameter("note"), answers));
			redirect.addFlashAttribute("notice", "inspection.submitted");
			return "redirect:/console/inspections/" + submitted.inspection().id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", this.messages.lines(ex.violations()));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(this.messages.text(ex)));
		}
		if (campaignId == null || stationId == null) {
			return "redirect:/console/inspections/worklist";
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/console/inspections/form")
			.queryParam("campaign", campaignId)
			.queryParam("station", stationId)
			.queryParam("clientId", clientId)
			.build()
			.toUriString();
	}

	@GetMapping("/console/inspections/{id}")
	String inspection(@PathVariable long id, Model model) {
		model.addAttribute("inspection", this.inspections.get(id));
		return "inspection/console/inspection";
	}

	@GetMapping("/console/inspections/photos/{id}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @RequestParam(defaultValue = "false") boolean thumbnail) {
		return PhotoResponses.forSignedIn(this.inspections.readPhoto(id, thumbnail));
	}

	@GetMapping("/console/inspections/stations/{id}")
	String station(@PathVariable long id, Model model) {
		model.addAttribute("stationId", id);
		model.addAttribute("history", this.inspections.listForStation(id));
		return "inspection/console/station";
	}

	/**
	 * The form's local time (a {@code datetime-local} field, Beijing time) with its
	 * offset; a value that already has one is passed on as it is.
	 */
	private static String inspectedAt(String given) {
		if (given == null || given.isBlank()) {
			return given;
		}
		String value = given.strip();
		return value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?")
				? value + (value.length() == 16 ? ":00" : "") + "+08:00" : value;
	}

	private static Long number(String given) {
		try {
			return given == null || given.isBlank() ? null : Long.valueOf(given.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Double decimalOrNull(String given) {
		try {
			return given == null || given.isBlank() ? null : Double.valueOf(given.strip());
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	private static BigDecimal decimal(String given) {
		try {
			return new BigDecimal(given.strip());
		}
		catch (NumberFormatException ex) {
			return BigDecimal.valueOf(-1);
		}
	}

}
