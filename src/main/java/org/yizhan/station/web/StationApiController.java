package org.yizhan.station.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.yizhan.geo.Crs;
import org.yizhan.organization.AccountSummary;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Paging;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.ApiController;
import org.yizhan.platform.web.RequestValues;
import org.yizhan.platform.web.StatusProblemException;
import org.yizhan.station.Amenity;
import org.yizhan.station.DelistingReason;
import org.yizhan.station.HostType;
import org.yizhan.station.ResponsibilityChain;
import org.yizhan.station.Station;
import org.yizhan.station.StationCode;
import org.yizhan.station.StationId;
import org.yizhan.station.StationNotFoundException;
import org.yizhan.station.StationPage;
import org.yizhan.station.StationQuery;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationResponsibilities;
import org.yizhan.station.StationSort;
import org.yizhan.station.StationStatus;
import org.yizhan.platform.web.PhotoResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * The station registry over JSON: list, read, create, replace, the lifecycle actions and
 * photos. Writes need the admin's HTTP Basic credentials.
 */
@ApiController("/api/v1")
@Tag(name = "Stations", description = "驿站登记：查询、新建、修改、上图、暂停、恢复、摘牌与照片")
class StationApiController {

	static final int MAX_PAGE_SIZE = 200;

	private final StationRegistry registry;

	private final StationResponsibilities responsibilities;

	StationApiController(StationRegistry registry, StationResponsibilities responsibilities) {
		this.registry = registry;
		this.responsibilities = responsibilities;
	}

	record PersonJson(long id, String username, String displayName, String organizationCode) {

		static PersonJson of(AccountSummary account) {
			return (account != null) ? new PersonJson(account.id(), account.username(), account.displayName(),
					account.organizationCode()) : null;
		}

	}

	record UnionJson(String code, String name) {
	}

	record ResponsibilityJson(PersonJson stationMaster, PersonJson liaison, PersonJson generalStationMaster,
			UnionJson supervisingUnion, long version) {

		static ResponsibilityJson of(ResponsibilityChain chain) {
			return new ResponsibilityJson(PersonJson.of(chain.stationMaster()), PersonJson.of(chain.liaison()),
					PersonJson.of(chain.generalStationMaster()),
					new UnionJson(chain.supervisingUnion().code(), chain.supervisingUnion().name()), chain.version());
		}

	}

	record PageJson(List<StationJson> content, int page, int size, long totalElements, int totalPages) {
	}

	record SuspendRequest(String reason, LocalDate expectedReopening) {
	}

	record DelistRequest(String reason, String note) {
	}

	record CatalogueEntry(String code, String labelZh, String labelEn, String osmTag) {
	}

	@GetMapping("/stations")
	@Operation(summary = "List stations", description = "Filters combine with AND; amenity means all of them.")
	PageJson list(@Parameter(description = "union code: the stations in its subtree, e.g. 330100") //
	@RequestParam(required = false) String org, //
			@Parameter(description = "LISTED, DRAFT, SUSPENDED, DELISTED; repeat or comma-separate") //
			@RequestParam(required = false) List<String> status, //
			@RequestParam(required = false) String hostType, //
			@Parameter(description = "all of these amenities; repeat or comma-separate") //
			@RequestParam(required = false) List<String> amenity, //
			@Parameter(description = "part of the name, address, host or code") //
			@RequestParam(required = false) String q, //
			@RequestParam(defaultValue = "0") int page, //
			@RequestParam(defaultValue = "20") int size, //
			@Parameter(description = "code, name, district, status, stars or updatedAt, optionally ,desc") //
			@RequestParam(defaultValue = "code") String sort, //
			@RequestParam(required = false) String crs) {
		List<Violation> violations = new ArrayList<>();
		Set<StationStatus> statuses = RequestValues.enumValues(StationStatus.class, status, "status", violations);
		Set<Amenity> amenities = RequestValues.enumValues(Amenity.class, amenity, "amenity", violations);
		HostType type = hostType == null || hostType.isBlank() ? null
				: RequestValues.enumValue(HostType.class, hostType, "hostType", violations);
		Paging.check(page, size, MAX_PAGE_SIZE, violations);
		String[] sortParts = sort.split(",");
		StationSort order = RequestValues.enumValue(StationSort.class, toSnake(sortParts[0]), "sort", violations);
		boolean descending = sortParts.length > 1 && "desc".equalsIgnoreCase(sortParts[1].strip());
		Crs outputCrs = RequestValues.crs(crs, "crs", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		StationPage result = registry.search(new StationQuery(org, statuses, type, amenities, q), order, descending,
				page, size);
		return new PageJson(result.content().stream().map(station -> StationJson.of(station, outputCrs)).toList(),
				result.page(), result.size(), result.totalElements(), result.totalPages());
	}

	@GetMapping("/stations/{idOrCode}")
	@Operation(summary = "Get a station by id or by code (e.g. 330106-0007)")
	ResponseEntity<StationJson> get(@PathVariable String idOrCode, @RequestParam(required = false) String crs) {
		Crs outputCrs = crs(crs);
		Station station = StationCode.looksLikeCode(idOrCode)
				? registry.findByCode(idOrCode).orElseThrow(() -> StationNotFoundException.byCode(idOrCode))
				: registry.getById(id(idOrCode));
		return withVersion(ResponseEntity.ok(), station).body(StationJson.of(station, outputCrs));
	}

	@GetMapping("/stations/{id}/responsibility")
	@Operation(summary = "The station's responsibility chain",
			description = "station master → liaison → general station master → supervising union")
	ResponsibilityJson responsibility(@PathVariable String id) {
		return ResponsibilityJson.of(responsibilities.get(id(id)));
	}

	@PutMapping("/stations/{id}/responsibility")
	@Operation(summary = "Name the station's responsibility chain (union admins)",
			description = "Account ids for the people, a union code for the supervising union (default: the district's). "
					+ "Naming a station master or liaison binds them to the station.")
	ResponsibilityJson assignResponsibility(@PathVariable String id, @RequestBody StationResponsibilities.Input input) {
		return ResponsibilityJson.of(responsibilities.assign(id(id), input));
	}

	@PostMapping("/stations")
	@Operation(summary = "Register a station as a draft; its code is given by its district")
	ResponseEntity<StationJson> create(@RequestBody StationRequest request) {
		Station station = registry.create(request.toInput());
		return withVersion(ResponseEntity.created(URI.create("/api/v1/stations/" + station.id())), station)
			.body(StationJson.of(station, Crs.WGS84));
	}

	@PutMapping("/stations/{id}")
	@Operation(summary = "Replace a station's details",
			description = "Needs the current version in If-Match or in the body.")
	ResponseEntity<StationJson> update(@PathVariable String id, @RequestBody StationRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Long version = version(ifMatch);
		if (version == null) {
			version = request.version();
		}
		if (version == null) {
			throw new StatusProblemException(HttpStatus.PRECONDITION_REQUIRED, "precondition-required",
					"problem.precondition-required.detail");
		}
		Station station = registry.revise(id(id), version, request.toInput());
		return withVersion(ResponseEntity.ok(), station).body(StationJson.of(station, Crs.WGS84));
	}

	@PostMapping("/stations/{id}/list")
	@Operation(summary = "Put a draft on the map")
	ResponseEntity<StationJson> listStation(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return answer(registry.list(id(id), version(ifMatch)));
	}

	@PostMapping("/stations/{id}/suspend")
	@Operation(summary = "Close a listed station for a time, with a reason and the expected reopening date")
	ResponseEntity<StationJson> suspend(@PathVariable String id, @RequestBody SuspendRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return answer(registry.suspend(id(id), version(ifMatch), request.reason(), request.expectedReopening()));
	}

	@PostMapping("/stations/{id}/reopen")
	@Operation(summary = "Put a suspended station back on the map")
	ResponseEntity<StationJson> reopen(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return answer(registry.reopen(id(id), version(ifMatch)));
	}

	@PostMapping("/stations/{id}/delist")
	@Operation(summary = "Take a station off the map for good: CLOSED, FAILED_STANDARDS, SILENT, DUPLICATE or BOGUS")
	ResponseEntity<StationJson> delist(@PathVariable String id, @RequestBody DelistRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		List<Violation> violations = new ArrayList<>();
		DelistingReason reason = request.reason() == null || request.reason().isBlank() ? null
				: RequestValues.enumValue(DelistingReason.class, request.reason(), "reason", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return answer(registry.delist(id(id), version(ifMatch), reason, request.note()));
	}

	@PostMapping(path = "/stations/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a photo (JPEG, PNG or WebP, ≤ 5 MB, ≤ 40 MP); it is re-encoded without metadata")
	ResponseEntity<StationJson> addPhoto(@PathVariable String id, @RequestPart("file") MultipartFile file,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Station station = PhotoProblems.translate(() -> registry.addPhoto(id(id), version(ifMatch), bytes(file)));
		long photoId = station.photos().get(station.photos().size() - 1).id();
		return withVersion(
				ResponseEntity.created(URI.create("/api/v1/stations/" + station.id() + "/photos/" + photoId)), station)
			.body(StationJson.of(station, Crs.WGS84));
	}

	@GetMapping("/stations/{id}/photos/{photoId}")
	@Operation(summary = "A photo as JPEG, or its thumbnail")
	ResponseEntity<byte[]> photo(@PathVariable String id, @PathVariable long photoId,
			@RequestParam(defaultValue = "false") boolean thumbnail) {
		return PhotoResponses.forSignedIn(registry.readPhoto(id(id), photoId, thumbnail)
			.orElseThrow(() -> StationNotFoundException.photo(photoId)));
	}

	@DeleteMapping("/stations/{id}/photos/{photoId}")
	@Operation(summary = "Remove a photo")
	ResponseEntity<StationJson> removePhoto(@PathVariable String id, @PathVariable long photoId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return answer(registry.removePhoto(id(id), version(ifMatch), photoId));
	}

	@GetMapping("/amenities")
	@Operation(summary = "The amenity catalogue with Chinese and English labels and OSM tags")
	List<CatalogueEntry> amenities() {
		return Arrays.stream(Amenity.values())
			.map(amenity -> new CatalogueEntry(amenity.name(), amenity.labelZh(), amenity.labelEn(), amenity.osmTag()))
			.toList();
	}

	@GetMapping("/host-types")
	@Operation(summary = "The host types with Chinese and English labels")
	List<CatalogueEntry> hostTypes() {
		return Arrays.stream(HostType.values())
			.map(type -> new CatalogueEntry(type.name(), type.labelZh(), type.labelEn(), null))
			.toList();
	}

	private static ResponseEntity<StationJson> answer(Station station) {
		return withVersion(ResponseEntity.ok(), station).body(StationJson.of(station, Crs.WGS84));
	}

	private static ResponseEntity.BodyBuilder withVersion(ResponseEntity.BodyBuilder builder, Station station) {
		return builder.eTag("\"" + station.version() + "\"");
	}

	private static StationId id(String value) {
		try {
			return StationId.of(Long.parseLong(value));
		}
		catch (NumberFormatException ex) {
			throw StationNotFoundException.byId(value);
		}
	}

	/**
	 * Reads {@code "3"} or {@code W/"3"}; anything else is a client error, not a silent
	 * skip.
	 */
	static Long version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return null;
		}
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		tag = tag.replace("\"", "");
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(Violation.of("version", "validation.type"));
		}
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Crs crs(String value) {
		List<Violation> violations = new ArrayList<>();
		Crs crs = RequestValues.crs(value, "crs", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return crs;
	}

	/** {@code updatedAt} → {@code UPDATED_AT}. */
	private static String toSnake(String camel) {
		return camel.strip().replaceAll("([a-z])([A-Z])", "$1_$2");
	}

}
