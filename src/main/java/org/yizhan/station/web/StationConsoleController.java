package org.yizhan.station.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.yizhan.geo.CrsPoint;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationKind;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.platform.web.MapTiles;
import org.yizhan.station.Amenity;
import org.yizhan.station.DelistingReason;
import org.yizhan.station.EntryMethod;
import org.yizhan.station.HostType;
import org.yizhan.station.Station;
import org.yizhan.station.StationId;
import org.yizhan.station.StationLevel;
import org.yizhan.station.StationMarker;
import org.yizhan.station.StationNotFoundException;
import org.yizhan.station.StationPage;
import org.yizhan.station.StationQuery;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationResponsibilities;
import org.yizhan.station.StationSort;
import org.yizhan.station.StationStatus;
import org.yizhan.station.photo.PhotoRejectedException;
import org.yizhan.platform.web.ConsoleMessages;
import org.yizhan.platform.web.PhotoResponses;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin console's station pages: the filtered list with its map, a station's page
 * with its lifecycle actions and photos, and the create/edit form with a map pin.
 */
@Controller
class StationConsoleController {

	static final int PAGE_SIZE = 20;

	static final int MAP_LIMIT = 5000;

	private final StationRegistry registry;

	private final StationResponsibilities responsibilities;

	private final OrganizationTree organizations;

	private final MapTiles mapTiles;

	private final ConsoleMessages messages;

	private final Clock clock;

	StationConsoleController(StationRegistry registry, StationResponsibilities responsibilities,
			OrganizationTree organizations, MapTiles mapTiles, ConsoleMessages messages, Clock clock) {
		this.registry = registry;
		this.responsibilities = responsibilities;
		this.organizations = organizations;
		this.mapTiles = mapTiles;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The list's filters as they come from the query string; unknown values are ignored.
	 */
	record Filters(String org, String status, String hostType, List<String> amenity, String q, String sort) {

		StationQuery toQuery() {
			StationStatus parsedStatus = status == null || status.isBlank() ? null : parse(StationStatus.class, status);
			Set<StationStatus> statuses = parsedStatus == null ? Set.of() : Set.of(parsedStatus);
			Set<Amenity> amenities = EnumSet.noneOf(Amenity.class);
			if (amenity != null) {
				amenity.stream()
					.filter(value -> !value.isBlank())
					.map(value -> parse(Amenity.class, value))
					.filter(value -> value != null)
					.forEach(amenities::add);
			}
			return new StationQuery(org, statuses,
					hostType == null || hostType.isBlank() ? null : parse(HostType.class, hostType), amenities, q);
		}

		StationSort order() {
			StationSort order = sort == null ? null : parse(StationSort.class, sort);
			return order == null ? StationSort.CODE : order;
		}

		private static <E extends Enum<E>> E parse(Class<E> type, String value) {
			try {
				return Enum.valueOf(type, value.strip());
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

	record Marker(long id, String code, String name, String status, double lat, double lon) {
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("mapTiles", mapTiles);
		model.addAttribute("statuses", StationStatus.values());
		model.addAttribute("hostTypes", HostType.values());
		model.addAttribute("amenityCatalogue", Amenity.values());
		model.addAttribute("levels", StationLevel.values());
		model.addAttribute("entryMethods", EntryMethod.values());
		model.addAttribute("delistingReasons", DelistingReason.values());
	}

	/**
	 * Where the console starts: a union's staff on their union's dashboard (the reporting
	 * module's page, named by its address only), a programme partner's accounts on the
	 * partner module's page (they see no station here), everyone else on their stations.
	 */
	@GetMapping("/console")
	String console() {
		Actor actor = Actor.current().orElse(null);
		if (actor != null && actor.isUnionStaff()) {
			return "redirect:/console/dashboard";
		}
		if (actor != null && (actor.holds(Role.PARTNER_ADMIN) || actor.holds(Role.PARTNER_REVIEWER))) {
			return "redirect:/console/partners";
		}
		return "redirect:/console/stations";
	}

	@GetMapping("/console/stations")
	String list(Filters filters, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		StationPage result = registry.search(filters.toQuery(), filters.order(), false, Math.max(0, page), PAGE_SIZE);
		model.addAttribute("filters", filters);
		model.addAttribute("result", result);
		model.addAttribute("organizations", organizationsInUse());
		model.addAttribute("mapLimit", MAP_LIMIT);
		return htmx != null ? "station/console/stations :: results" : "station/console/stations";
	}

	@GetMapping(path = "/console/stations/map-data", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> mapData(Filters filters) {
		List<StationMarker> markers = registry.listMarkers(filters.toQuery(), MAP_LIMIT);
		List<Marker> drawn = markers.stream().map(marker -> {
			CrsPoint point = CrsPoint.of(marker.location(), mapTiles.crs());
			return new Marker(marker.id().value(), marker.code(), marker.name(), marker.status().name(), point.lat(),
					point.lon());
		}).toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("crs", mapTiles.crs().code());
		body.put("markers", drawn);
		return body;
	}

	@GetMapping("/console/stations/{id}")
	String show(@PathVariable String id, Model model) {
		Station station = registry.getById(id(id));
		model.addAttribute("station", station);
		model.addAttribute("location", CrsPoint.of(station.details().location(), mapTiles.crs()));
		model.addAttribute("ancestry", organizations.listAncestry(station.details().districtCode()));
		model.addAttribute("chain", responsibilities.get(station.id()));
		model.addAttribute("candidates", responsibilities.findCandidates(station.id()).orElse(null));
		model.addAttribute("minReopening", LocalDate.now(clock).plusDays(1));
		// Only the actions the account may take: a station master or host keeps the
		// station's details and photos, the union takes it through its lifecycle.
		model.addAttribute("mayEdit", registry.mayEdit(station));
		model.addAttribute("mayDecide", registry.mayDecide());
		return "station/console/station";
	}

	@GetMapping("/console/stations/new")
	String newStation(Model model) {
		// The blank form is refused as its submission would be: no one fills in a form to
		// be
		// told afterwards they could not send it.
		if (!Actor.current().map((actor) -> actor.holds(Role.ORG_ADMIN)).orElse(false)) {
			throw new ForbiddenException("station.forbidden.manage");
		}
		return form(StationForm.empty(mapTiles.crs()), null, List.of(), model);
	}

	/**
	 * The new-station form is sent to the address it is shown at, as every console form
	 * that comes back with its mistakes: a refusal then leaves that address in the
	 * address bar, so a reload shows the form again rather than another page or a 405
	 * (ADR 0022).
	 */
	@PostMapping("/console/stations/new")
	String create(@ModelAttribute("form") StationForm form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			Station station = registry.create(form.toInput());
			redirect.addFlashAttribute("notice", "station.saved");
			return "redirect:/console/stations/" + station.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			return form(form, null, ex.violations(), model);
		}
	}

	@GetMapping("/console/stations/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		Station station = registry.getForEditing(id(id));
		return form(StationForm.of(station, mapTiles.crs()), station, List.of(), model);
	}

	/** Sent to the edit form's own address, as {@link #create} (ADR 0022). */
	@PostMapping("/console/stations/{id}/edit")
	String update(@PathVariable String id, @ModelAttribute("form") StationForm form,
			@RequestParam(name = "level", required = false) String levelSent,
			@RequestParam(name = "stars", required = false) String starsSent, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Station current = registry.getById(id(id));
		// The form shows everyone the level and stars read-only (a grading decision
		// changes them), so they are not sent: keep the station's. Sent anyway and
		// different, they are refused by the registry (403 naming them), never silently
		// dropped.
		if (levelSent == null) {
			form.setLevel(current.details().level().name());
		}
		if (starsSent == null) {
			form.setStars(Integer.toString(current.details().stars()));
		}
		if (!registry.mayDecide()) {
			// The same for the rest of what the union decides, shown read-only to a
			// station master or host.
			if (form.getDistrict() == null) {
				form.setDistrict(current.details().districtCode());
			}
			if (form.getHostName() == null) {
				form.setHostName(current.details().hostName());
			}
			if (form.getHostType() == null) {
				form.setHostType(current.details().hostType().name());
			}
		}
		try {
			if (form.getVersion() == null) {
				throw new InvalidInputException(Violation.of("version", "validation.required"));
			}
			registry.revise(current.id(), form.getVersion(), form.toInput());
			redirect.addFlashAttribute("notice", "station.saved");
			return "redirect:/console/stations/" + current.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			return form(form, current, ex.violations(), model);
		}
		catch (ConflictException | OptimisticLockingFailureException ex) {
			response.setStatus(409);
			model.addAttribute("conflict", true);
			return form(form, current, List.of(), model);
		}
		catch (ForbiddenException ex) {
			response.setStatus(403);
			Map<String, List<String>> problem = Map.of(refusedField(ex.messageCode()),
					List.of(messages.text(ex.messageCode(), ex.args())));
			String page = form(form, current, List.of(), model);
			model.addAttribute("errors", problem);
			return page;
		}
	}

	/** The field a refusal of the registry's {@code revise} is shown beside. */
	private static String refusedField(String messageCode) {
		return switch (messageCode) {
			case "station.forbidden.move", "station.forbidden.district" -> "district";
			case "station.forbidden.host" -> "hostName";
			default -> "level";
		};
	}

	@PostMapping("/console/stations/{id}/list")
	String listStation(@PathVariable String id, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		return act(id, redirect, "station.listed", () -> registry.list(id(id), version));
	}

	@PostMapping("/console/stations/{id}/suspend")
	String suspend(@PathVariable String id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String reason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedReopening,
			RedirectAttributes redirect) {
		return act(id, redirect, "station.suspended",
				() -> registry.suspend(id(id), version, reason, expectedReopening));
	}

	@PostMapping("/console/stations/{id}/reopen")
	String reopen(@PathVariable String id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act(id, redirect, "station.reopened", () -> registry.reopen(id(id), version));
	}

	@PostMapping("/console/stations/{id}/delist")
	String delist(@PathVariable String id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return act(id, redirect, "station.delisted", () -> {
			DelistingReason parsed = reason == null || reason.isBlank() ? null
					: Filters.parse(DelistingReason.class, reason);
			if (reason != null && !reason.isBlank() && parsed == null) {
				throw new InvalidInputException(Violation.of("reason", "validation.unknownValue", reason,
						String.join(", ", Arrays.stream(DelistingReason.values()).map(Enum::name).toList())));
			}
			return registry.delist(id(id), version, parsed, note);
		});
	}

	/**
	 * Names the chain from the station page's editor; an empty choice leaves the level
	 * unnamed, and a ticket then skips it.
	 */
	@PostMapping("/console/stations/{id}/responsibility")
	String assignResponsibility(@PathVariable String id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String stationMaster, @RequestParam(required = false) String liaison,
			@RequestParam(required = false) String generalStationMaster,
			@RequestParam(required = false) String supervisingUnion, RedirectAttributes redirect) {
		return act(id, redirect, "station.responsibility.saved", () -> {
			List<Violation> violations = new ArrayList<>();
			StationResponsibilities.Input input = new StationResponsibilities.Input(
					accountId(stationMaster, "stationMaster", violations), accountId(liaison, "liaison", violations),
					accountId(generalStationMaster, "generalStationMaster", violations), supervisingUnion, version);
			if (!violations.isEmpty()) {
				throw new InvalidInputException(violations);
			}
			return responsibilities.assign(id(id), input);
		});
	}

	private static Long accountId(String value, String field, List<Violation> violations) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			violations.add(Violation.of(field, "validation.type"));
			return null;
		}
	}

	@PostMapping("/console/stations/{id}/photos")
	String addPhoto(@PathVariable String id, @RequestParam(required = false) Long version,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		return act(id, redirect, "station.photoAdded", () -> {
			try {
				return registry.addPhoto(id(id), version, file == null ? new byte[0] : file.getBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	@PostMapping("/console/stations/{id}/photos/{photoId}/delete")
	String removePhoto(@PathVariable String id, @PathVariable long photoId,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act(id, redirect, "station.photoRemoved", () -> registry.removePhoto(id(id), version, photoId));
	}

	@GetMapping("/console/stations/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable String id, @PathVariable long photoId,
			@RequestParam(defaultValue = "false") boolean thumbnail) {
		return PhotoResponses.forSignedIn(registry.readPhoto(id(id), photoId, thumbnail)
			.orElseThrow(() -> StationNotFoundException.photo(photoId)));
	}

	/**
	 * Runs a lifecycle or photo command and comes back to the station's page with a
	 * notice, or with the reasons it was refused.
	 */
	private String act(String id, RedirectAttributes redirect, String notice, Supplier<?> command) {
		try {
			command.get();
			redirect.addFlashAttribute("notice", notice);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problems", messages.lines(ex.violations()));
		}
		catch (PhotoRejectedException ex) {
			redirect.addFlashAttribute("problems", List.of(messages.text(ex.messageCode())));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problems", List.of(messages.text(ex)));
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("problems", List.of(messages.text("problem.staleVersion")));
		}
		return "redirect:/console/stations/" + id(id);
	}

	private String form(StationForm form, Station station, List<Violation> violations, Model model) {
		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (Violation violation : violations) {
			String field = violation.field().startsWith("amenities[") ? "amenities" : violation.field();
			errors.computeIfAbsent(field, key -> new ArrayList<>())
				.add(messages.text(violation.code(), violation.args().toArray()));
		}
		model.addAttribute("form", form);
		model.addAttribute("station", station);
		model.addAttribute("errors", errors);
		model.addAttribute("districts", districtChoices(form.getDistrict()));
		boolean mayDecide = station == null || registry.mayDecide();
		model.addAttribute("mayDecide", mayDecide);
		// a new station is registered with the grade it already holds; after that only a
		// grading decision changes it
		model.addAttribute("mayGrade", station == null);
		if (!mayDecide) {
			// shown read-only as the station has it, whatever the form sent
			String district = station.details().districtCode();
			model.addAttribute("districtName",
					organizations.findByCode(district).map(Organization::name).orElse(district));
		}
		return "station/console/station-form";
	}

	/** The unions shown in the list's filter: those with stations in their subtree. */
	private List<Organization> organizationsInUse() {
		return organizations.listCovering(registry.listDistrictsInUse());
	}

	/**
	 * The districts offered in the form, grouped by city: every district of every city
	 * that already has stations, plus the one the form has now.
	 */
	private Map<Organization, List<Organization>> districtChoices(String current) {
		List<String> inUse = new ArrayList<>(registry.listDistrictsInUse());
		if (current != null && !current.isBlank()) {
			inUse.add(current.strip());
		}
		Map<Organization, List<Organization>> choices = new LinkedHashMap<>();
		for (Organization organization : organizations.listCovering(inUse)) {
			if (organization.kind() == OrganizationKind.CITY || organization.kind() == OrganizationKind.PROVINCE) {
				List<Organization> districts = organizations.listChildren(organization.code())
					.stream()
					.filter(Organization::isDistrict)
					.toList();
				if (!districts.isEmpty()) {
					choices.put(organization, districts);
				}
			}
		}
		return choices;
	}

	private static StationId id(String value) {
		try {
			return StationId.of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			throw StationNotFoundException.byId(value);
		}
	}

}
