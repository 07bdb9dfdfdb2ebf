package org.yizhan.coverage;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.jts.geom.Geometry;

import org.yizhan.calendar.HolidayCalendar;
import org.yizhan.coverage.CoverageRepository.AreaSource;
import org.yizhan.coverage.CoverageRepository.StoredArea;
import org.yizhan.geo.Crs;
import org.yizhan.geo.GeoPoint;
import org.yizhan.geo.Haversine;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationKind;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage of the 15-minute service circle: how much of an area's ground and demand the
 * listed stations reach once and twice, at any hour, where the gaps are, and which new
 * sites would close them best. The module's public entry point.
 * <p>
 * Areas are rasterised once into an {@link AreaGrid} and kept until an area or a demand
 * layer changes (checked against the database on every call, so all instances agree);
 * each question then costs one disc per station on that grid.
 * <p>
 * Every question and upload is scoped to the signed-in account: the union roles that see
 * a whole subtree ({@link Actor#isUnionStaff()}) read the coverage of organisations in
 * it, an ORG_ADMIN uploads boundaries, demand points and candidate sites for it; an
 * organisation outside the subtree is refused (403: its code is a public fact, its
 * figures are not).
 */
@Service
@EnableConfigurationProperties(CoverageSettings.class)
public class CoverageAnalysis {

	/** A station more than this far from any other is reported without a neighbour. */
	static final double NEIGHBOUR_SEARCH_METERS = 10_000;

	private final CoverageRepository repository;

	private final ListedStations stations;

	private final OrganizationTree organizations;

	private final HolidayCalendar calendar;

	private final CoverageSettings settings;

	private final Reach reach;

	private final Clock clock;

	private final Map<String, AreaGrid> grids = new ConcurrentHashMap<>();

	private volatile String gridsFingerprint = "";

	CoverageAnalysis(CoverageRepository repository, ListedStations stations, OrganizationTree organizations,
			HolidayCalendar calendar, CoverageSettings settings, Clock clock) {
		this.repository = repository;
		this.stations = stations;
		this.organizations = organizations;
		this.calendar = calendar;
		this.settings = settings;
		this.reach = settings.reach();
		this.clock = clock;
	}

	/** The reach in use, for pages that explain their figures. */
	public double radiusMeters(TravelMode mode, Duration budget) {
		return this.reach.radiusMeters(mode, budget);
	}

	public int defaultMinutes() {
		return this.settings.minutes();
	}

	/**
	 * The organisations the caller can measure: each parent (a city) of areas, followed
	 * by its areas (districts), in code order, all inside the caller's subtree (a parent
	 * above it is offered only when the caller sees it).
	 * @return (code, name, whether it is a parent of areas) triples
	 */
	@Transactional(readOnly = true)
	public List<AreaChoice> listAreaChoices() {
		Actor actor = reader();
		List<AreaChoice> choices = new ArrayList<>();
		String parent = null;
		for (String[] row : this.repository.listAreaOrganizations(actor.organizationPath())) {
			if (row[2] != null && !row[2].equals(parent)) {
				parent = row[2];
				choices.add(new AreaChoice(row[2], row[3], true));
			}
			choices.add(new AreaChoice(row[0], row[1], false));
		}
		return choices;
	}

	/** An organisation that has areas to measure, or whose children have. */
	public record AreaChoice(String code, String name, boolean parent) {
	}

	/**
	 * Coverage figures of an organisation's areas.
	 * @throws NotFoundException when the organisation is unknown or has no areas
	 */
	@Transactional(readOnly = true)
	public CoverageReport report(CoverageQuery query) {
		long started = System.nanoTime();
		Organization org = readable(query.orgCode());
		Prepared prepared = prepare(query);
		AreaGrid grid = prepared.grid;
		CoverageMap listed = prepared.listed;
		CoverageMap open = prepared.open;
		CoverageMap.Tally[] listedTally = listed.tally();
		CoverageMap.Tally[] openTally = (open == null) ? null : open.tally();
		int areaCount = grid.areas.size();
		int[] listedIn = stationsPerArea(grid, prepared.all);
		int[] openIn = (open == null) ? null : stationsPerArea(grid, prepared.openStations);
		List<CoverageReport.District> districts = new ArrayList<>();
		for (int a = 0; a < areaCount; a++) {
			StoredArea area = prepared.areas.get(a);
			districts.add(district(area.orgCode(), area.name(), area.source().name(), grid, listedTally[a], listedIn[a],
					(openTally == null) ? null : openTally[a], (openIn == null) ? 0 : openIn[a]));
		}
		CoverageReport.District total = district(org.code(), org.name(), null, grid, listedTally[areaCount],
				listedIn[areaCount], (openTally == null) ? null : openTally[areaCount],
				(openIn == null) ? 0 : openIn[areaCount]);
		CoverageMap gapsOf = (open != null) ? open : listed;
		List<CoverageReport.Gap> gaps = gapsOf.uncoveredClusters(CoverageReport.MAX_LISTED)
			.stream()
			.map(c -> new CoverageReport.Gap(c.areaCode(), c.cells(), c.cells() * grid.cellAreaKm2(), tidy(c.demand()),
					c.centroid()))
			.toList();
		List<CoverageReport.SpacingViolation> violations = spacingViolations(grid, prepared.all);
		return new CoverageReport(org.code(), org.name(), query.mode(), (int) query.budget().toMinutes(),
				listed.radiusMeters, grid.cellMeters, query.at(), grid.pointWeight > 0, total, districts, gaps,
				this.settings.spacingMeters(), violations.size(),
				violations.subList(0, Math.min(CoverageReport.MAX_LISTED, violations.size())),
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * The coverage level of every cell, for drawing: the stations open at the query's
	 * instant when it has one, else all listed stations.
	 */
	@Transactional(readOnly = true)
	public CoverageLayer layer(CoverageQuery query) {
		readable(query.orgCode());
		Prepared prepared = prepare(query);
		CoverageMap map = (prepared.open != null) ? prepared.open : prepared.listed;
		AreaGrid grid = prepared.grid;
		byte[] levels = new byte[grid.width * grid.height];
		for (int r = 0; r < levels.length; r++) {
			levels[r] = (grid.cellAt[r] < 0) ? -1 : (byte) map.levelAtRaster(r);
		}
		GeoPoint[] bounds = grid.bounds();
		return new CoverageLayer(bounds[0], bounds[1], grid.width, grid.height, grid.cellMeters, levels);
	}

	/**
	 * What one more station at a point would add to an organisation's coverage: the share
	 * of its demand that the point reaches and that is below the objective's level today.
	 * How a host application is scored.
	 */
	@Transactional(readOnly = true)
	public double marginalGain(CoverageQuery query, GeoPoint site, CoverageObjective objective) {
		readable(query.orgCode());
		Prepared prepared = prepare(query);
		CoverageMap map = (prepared.open != null) ? prepared.open : prepared.listed;
		return map.gain(site.lat(), site.lon(), objective);
	}

	/**
	 * The spacing rule in metres: a station's nearest listed neighbour should be nearer.
	 */
	public double spacingMeters() {
		return this.settings.spacingMeters();
	}

	/**
	 * What one more station at each of many sites would add to an organisation's
	 * coverage, each judged alone against the stations of the query (those open at its
	 * instant, when it has one): the figures of {@link #marginalGain} and of the report,
	 * computed once for the organisation and then one disc per site. How host
	 * applications are scored.
	 * @param sites WGS-84 positions; a site outside the organisation's areas gets what
	 * its disc reaches inside them
	 * @return one gain per site, in the order given
	 */
	@Transactional(readOnly = true)
	public List<SiteGain> gainsOf(CoverageQuery query, List<GeoPoint> sites) {
		readable(query.orgCode());
		Prepared prepared = prepare(query);
		CoverageMap map = (prepared.open != null) ? prepared.open : prepared.listed;
		AreaGrid grid = prepared.grid;
		NearestStations nearest = new NearestStations(grid, prepared.all);
		double[] meters = new double[1];
		List<SiteGain> gains = new ArrayList<>(sites.size());
		for (GeoPoint site : sites) {
			double[] sums = map.gains(site.lat(), site.lon());
			int cell = grid.cellOf(site.lat(), site.lon());
			int s = nearest.nearest(site.lat(), site.lon(), meters);
			gains.add(new SiteGain(site, (cell >= 0) ? grid.areas.get(grid.areaOf[cell]) : null, sums[0], sums[1],
					sums[2], sums[3], (s >= 0) ? prepared.all.codes()[s] : null,
					(s >= 0) ? prepared.all.names()[s] : null, (s >= 0) ? meters[0] : null));
		}
		return gains;
	}

	/**
	 * Chooses {@code p} of the given sites that together add the most to an
	 * organisation's coverage, the stations of the query (those open at its instant, when
	 * it has one) fixed, with the site-selection solver. The problem is posed on the
	 * grid's own projection (cell centres as demand, planar distances), so a pick's gain
	 * is measured as {@link #gainsOf} measures a site alone: the first pick's gain is its
	 * own {@link SiteGain#gain} up to the order the solver sums cells in.
	 * @throws InvalidInputException naming {@code candidates} when none lies inside the
	 * areas, {@code p} outside 1 to their number
	 */
	@Transactional(readOnly = true)
	public SiteChoice chooseAmong(CoverageQuery query, int p, CoverageObjective objective,
			List<SiteChoice.Candidate> candidates) {
		long started = System.nanoTime();
		readable(query.orgCode());
		Prepared prepared = prepare(query);
		AreaGrid grid = prepared.grid;
		List<SiteChoice.Candidate> inside = candidates.stream()
			.filter(c -> grid.cellOf(c.location().lat(), c.location().lon()) >= 0)
			.toList();
		if (inside.isEmpty()) {
			throw new InvalidInputException(Violation.of("candidates", "coverage.noCandidates"));
		}
		if (p < 1 || p > Math.min(inside.size(), SiteSelectionProblem.MAX_CANDIDATES)) {
			throw new InvalidInputException(Violation.of("p", "validation.range", 1, inside.size()));
		}
		if (grid.cellCount() > SiteSelectionProblem.MAX_DEMAND_POINTS) {
			throw new InvalidInputException(Violation.of("org", "coverage.areaTooLarge", grid.cellCount(),
					SiteSelectionProblem.MAX_DEMAND_POINTS));
		}
		double radius = prepared.listed.radiusMeters;
		SiteSelectionProblem.Builder problem = SiteSelectionProblem.onPlane()
			.objective(objective)
			.radiusMeters(radius)
			.p(p);
		for (int c = 0; c < grid.cellCount(); c++) {
			int r = grid.rasterOf[c];
			problem.demand(grid.centreX(r), grid.centreY(r), grid.demand[c]);
		}
		for (SiteChoice.Candidate candidate : inside) {
			problem.candidate(candidate.id(), grid.x(candidate.location().lon()), grid.y(candidate.location().lat()));
		}
		ListedStations.Snapshot existing = (prepared.openStations != null) ? prepared.openStations : prepared.all;
		double margin = radius + grid.cellMeters;
		double east = grid.minX + grid.width * grid.cellMeters;
		double north = grid.minY + grid.height * grid.cellMeters;
		for (int s = 0; s < existing.size(); s++) {
			double x = grid.x(existing.lons()[s]);
			double y = grid.y(existing.lats()[s]);
			if (x >= grid.minX - margin && x <= east + margin && y >= grid.minY - margin && y <= north + margin) {
				problem.existing(x, y);
			}
		}
		SiteSelectionResult result = SiteSelection.standard().select(problem.build());
		List<SiteChoice.Pick> picks = new ArrayList<>();
		double gained = 0;
		for (int i = 0; i < result.selected().size(); i++) {
			double gain = result.gains().get(i) / result.totalWeight();
			if (gain <= 0) {
				break;
			}
			SiteChoice.Candidate candidate = inside.get(result.selected().get(i));
			picks.add(new SiteChoice.Pick(candidate.id(), candidate.location(), gain));
			gained += result.gains().get(i);
		}
		double level = objective.level();
		double total = result.totalWeight();
		return new SiteChoice(objective, radius, picks, inside.size(), result.existingValue() / total / level,
				(result.existingValue() + gained) / total / level, result.upperBound() / total / level,
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Chooses {@code p} sites among the candidates inside an organisation's areas that
	 * add the most demand coverage to the existing stations (open ones at the query's
	 * instant, when it has one), with the site-selection solver.
	 */
	@Transactional(readOnly = true)
	public SiteSuggestion suggest(CoverageQuery query, int p, CoverageObjective objective, CandidateSource source) {
		long started = System.nanoTime();
		readable(query.orgCode());
		Prepared prepared = prepare(query);
		AreaGrid grid = prepared.grid;
		GeoPoint[] bounds = grid.bounds();
		List<CoverageRepository.CandidateSite> candidates = this.repository
			.listCandidatesIn(source.name(), bounds[0].lat(), bounds[0].lon(), bounds[1].lat(), bounds[1].lon())
			.stream()
			.filter(c -> grid.cellOf(c.lat(), c.lon()) >= 0)
			.toList();
		if (candidates.isEmpty()) {
			throw new InvalidInputException(Violation.of("candidates", "coverage.noCandidates"));
		}
		if (p < 1 || p > Math.min(candidates.size(), SiteSelectionProblem.MAX_CANDIDATES)) {
			throw new InvalidInputException(Violation.of("p", "validation.range", 1, candidates.size()));
		}
		if (grid.cellCount() > SiteSelectionProblem.MAX_DEMAND_POINTS) {
			throw new InvalidInputException(Violation.of("org", "coverage.areaTooLarge", grid.cellCount(),
					SiteSelectionProblem.MAX_DEMAND_POINTS));
		}
		double radius = prepared.listed.radiusMeters;
		SiteSelectionProblem.Builder problem = SiteSelectionProblem.onSphere()
			.objective(objective)
			.radiusMeters(radius)
			.p(p);
		for (int c = 0; c < grid.cellCount(); c++) {
			GeoPoint centre = grid.centreOf(c);
			problem.demand(centre.lat(), centre.lon(), grid.demand[c]);
		}
		for (CoverageRepository.CandidateSite candidate : candidates) {
			problem.candidate(Long.toString(candidate.id()), candidate.lat(), candidate.lon());
		}
		ListedStations.Snapshot existing = (prepared.openStations != null) ? prepared.openStations : prepared.all;
		double marginLat = radius / AreaGrid.METERS_PER_DEGREE;
		double marginLon = marginLat / Math.cos(Math.toRadians(grid.lat0));
		for (int s = 0; s < existing.size(); s++) {
			double lat = existing.lats()[s];
			double lon = existing.lons()[s];
			if (lat >= bounds[0].lat() - marginLat && lat <= bounds[1].lat() + marginLat
					&& lon >= bounds[0].lon() - marginLon && lon <= bounds[1].lon() + marginLon) {
				problem.existing(lat, lon);
			}
		}
		SiteSelectionResult result = SiteSelection.standard().select(problem.build());
		Map<String, CoverageRepository.CandidateSite> byId = new HashMap<>();
		candidates.forEach(c -> byId.put(Long.toString(c.id()), c));
		List<SiteSuggestion.Site> sites = new ArrayList<>();
		double gained = 0;
		// The picks come in falling order of what each adds to those before it: the
		// first that adds (next to) nothing ends the list.
		for (int i = 0; i < result.selectedIds().size(); i++) {
			double gain = result.gains().get(i) / result.totalWeight();
			if (gain < SiteSuggestion.MIN_GAIN) {
				break;
			}
			CoverageRepository.CandidateSite site = byId.get(result.selectedIds().get(i));
			sites.add(new SiteSuggestion.Site(site.id(), site.name(), site.hostType(),
					GeoPoint.of(site.lat(), site.lon()), gain, placeOf(site.lat(), site.lon(), prepared)));
			gained += result.gains().get(i);
		}
		double level = objective.level();
		return new SiteSuggestion(objective, radius, sites, candidates.size(),
				result.existingValue() / result.totalWeight() / level,
				(result.existingValue() + gained) / result.totalWeight() / level,
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Where a suggested site lies: the district whose stored boundary holds it (the grid
	 * knows, with no geocoder), and the nearest listed station as the landmark a planner
	 * knows, with its distance. Addresses of candidate places are not in the map data
	 * they came from.
	 */
	private SiteSuggestion.Place placeOf(double lat, double lon, Prepared prepared) {
		AreaGrid grid = prepared.grid;
		int cell = grid.cellOf(lat, lon);
		String areaCode = (cell >= 0) ? grid.areas.get(grid.areaOf[cell]) : null;
		String areaName = prepared.areas.stream()
			.filter(a -> a.orgCode().equals(areaCode))
			.map(CoverageRepository.StoredArea::name)
			.findFirst()
			.orElse(null);
		ListedStations.Snapshot all = prepared.all;
		Haversine from = Haversine.from(lat, lon);
		int nearest = -1;
		double best = Double.POSITIVE_INFINITY;
		for (int s = 0; s < all.size(); s++) {
			double h = from.to(all.lats()[s], all.lons()[s]);
			if (h < best) {
				best = h;
				nearest = s;
			}
		}
		if (nearest < 0) {
			return new SiteSuggestion.Place(areaCode, areaName, null, null, Double.NaN);
		}
		return new SiteSuggestion.Place(areaCode, areaName, all.codes()[nearest], all.names()[nearest],
				Haversine.meters(best));
	}

	/**
	 * Stores uploaded district boundaries, replacing those of the same districts, in one
	 * transaction: all or none.
	 * @param defaultOrg the district of a single shape without {@code adcode}, may be
	 * {@code null}
	 * @return the districts stored with their areas in km²
	 */
	@Transactional
	public Map<String, Double> replaceAreas(String geoJson, Crs crs, String defaultOrg) {
		Actor actor = admin();
		List<AreaShapes.AreaShape> shapes = readAreas(geoJson, crs, defaultOrg);
		for (AreaShapes.AreaShape shape : shapes) {
			// every district named must be the admin's: one foreign feature refuses the
			// file
			outside(actor, this.organizations.findByCode(shape.orgCode()).orElseThrow());
		}
		return saveAreas(shapes, AreaSource.UPLOADED);
	}

	Map<String, Double> storeAreas(String geoJson, Crs crs, String defaultOrg, AreaSource source) {
		return saveAreas(readAreas(geoJson, crs, defaultOrg), source);
	}

	private List<AreaShapes.AreaShape> readAreas(String geoJson, Crs crs, String defaultOrg) {
		// districts only: a city's own outline over its districts' would claim their
		// cells
		return AreaShapes.read(geoJson, crs, defaultOrg,
				code -> this.organizations.findByCode(code)
					.filter(Organization::isDistrict)
					.map(Organization::name)
					.orElse(null));
	}

	private Map<String, Double> saveAreas(List<AreaShapes.AreaShape> shapes, AreaSource source) {
		Map<String, Double> stored = new java.util.LinkedHashMap<>();
		for (AreaShapes.AreaShape shape : shapes) {
			double area = AreaShapes.areaM2(shape.shape());
			this.repository.saveArea(shape.orgCode(), shape.name(), source, AreaShapes.toGeoJson(shape.shape()), area,
					this.clock.instant());
			stored.put(shape.orgCode(), area / 1e6);
		}
		return stored;
	}

	/** The boundaries of an organisation's areas as one GeoJSON FeatureCollection. */
	@Transactional(readOnly = true)
	public String areasAsGeoJson(String orgCode) {
		Organization org = readable(orgCode);
		StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
		List<StoredArea> areas = this.repository.listAreasWithin(org.path());
		for (int i = 0; i < areas.size(); i++) {
			StoredArea area = areas.get(i);
			out.append((i > 0) ? "," : "")
				.append("{\"type\":\"Feature\",\"properties\":{\"adcode\":\"")
				.append(area.orgCode())
				.append("\",\"name\":\"")
				.append(area.name().replace("\\", "\\\\").replace("\"", "\\\""))
				.append("\",\"source\":\"")
				.append(area.source().name())
				.append("\"},\"geometry\":")
				.append(area.geometry())
				.append('}');
		}
		return out.append("]}").toString();
	}

	/**
	 * Replaces an organisation's demand layer with weighted points from CSV
	 * ({@code lat,lon,weight[,name]}).
	 * @return how many points were stored
	 */
	@Transactional
	public int replaceDemandPoints(String orgCode, String csv, Crs crs) {
		writable(organization(orgCode));
		List<PointsCsv.Row> rows = PointsCsv.read(csv, crs, true);
		return this.repository.replaceDemandPoints(orgCode,
				rows.stream()
					.map(r -> new CoverageRepository.WeightedPoint(r.location().lat(), r.location().lon(), r.weight()))
					.toList(),
				rows.stream().map(PointsCsv.Row::name).toList());
	}

	/**
	 * Replaces an organisation's uploaded candidate sites with points from CSV
	 * ({@code lat,lon[,name]}).
	 * @return how many sites were stored
	 */
	@Transactional
	public int replaceCandidateSites(String orgCode, String csv, Crs crs) {
		writable(organization(orgCode));
		List<PointsCsv.Row> rows = PointsCsv.read(csv, crs, false);
		this.repository.deleteCandidates(orgCode, CandidateSource.UPLOADED.name());
		for (int i = 0; i < rows.size(); i++) {
			PointsCsv.Row row = rows.get(i);
			this.repository.addCandidate(orgCode, CandidateSource.UPLOADED.name(),
					(row.name() != null) ? row.name() : "#" + (i + 1), null, row.location().lat(),
					row.location().lon());
		}
		return rows.size();
	}

	private record Prepared(List<StoredArea> areas, AreaGrid grid, ListedStations.Snapshot all, CoverageMap listed,
			ListedStations.Snapshot openStations, CoverageMap open) {
	}

	private Prepared prepare(CoverageQuery query) {
		Organization org = organization(query.orgCode());
		List<StoredArea> areas = this.repository.listAreasWithin(org.path());
		if (areas.isEmpty()) {
			throw new NotFoundException("coverage.noAreas", org.code());
		}
		AreaGrid grid = grid(org, areas);
		double radius = this.reach.radiusMeters(query.mode(), query.budget());
		ListedStations.Snapshot all = this.stations.snapshot();
		CoverageMap listed = CoverageMap.count(grid, all.lats(), all.lons(), all.size(), radius);
		ListedStations.Snapshot open = null;
		CoverageMap openMap = null;
		if (query.at() != null) {
			open = all.openAt(query.at(), this.calendar);
			openMap = CoverageMap.count(grid, open.lats(), open.lons(), open.size(), radius);
		}
		return new Prepared(areas, grid, all, listed, open, openMap);
	}

	private AreaGrid grid(Organization org, List<StoredArea> areas) {
		String fingerprint = this.repository.inputsFingerprint();
		if (!fingerprint.equals(this.gridsFingerprint)) {
			this.grids.clear();
			this.gridsFingerprint = fingerprint;
		}
		if (this.grids.size() > 64) {
			this.grids.clear();
		}
		return this.grids.computeIfAbsent(org.code(), code -> {
			List<String> codes = areas.stream().map(StoredArea::orgCode).toList();
			List<Geometry> shapes = areas.stream().map(a -> AreaShapes.fromStored(a.geometry())).toList();
			AreaGrid plain;
			try {
				plain = AreaGrid.of(codes, shapes, this.settings.cellMeters(), frameOf(org, shapes));
			}
			catch (IllegalArgumentException ex) {
				// areas spread over several cities (a province, the nation): one grid per
				// city is the way, so ask for one
				throw new InvalidInputException(Violation.of("org", "coverage.gridTooLarge", org.code()));
			}
			GeoPoint[] bounds = plain.bounds();
			List<CoverageRepository.WeightedPoint> points = this.repository.listDemandPointsIn(bounds[0].lat(),
					bounds[0].lon(), bounds[1].lat(), bounds[1].lon());
			return plain.withPoints(points.stream().mapToDouble(CoverageRepository.WeightedPoint::lat).toArray(),
					points.stream().mapToDouble(CoverageRepository.WeightedPoint::lon).toArray(),
					points.stream().mapToDouble(CoverageRepository.WeightedPoint::weight).toArray(),
					this.settings.uniformDemandShare());
		});
	}

	/**
	 * The centre of the projection an organisation's grid is drawn on: its city's, so
	 * that a district and its city share one lattice and give the district one set of
	 * figures; an organisation above a city (whose grid is refused as too large anyway)
	 * or a city uses the centre of its own areas.
	 */
	private GeoPoint frameOf(Organization org, List<Geometry> shapes) {
		Organization city = org;
		for (Organization above : this.organizations.listAncestry(org.code())) {
			if (above.kind() == OrganizationKind.CITY) {
				city = above;
			}
		}
		List<Geometry> framed = shapes;
		if (!city.code().equals(org.code())) {
			framed = this.repository.listAreasWithin(city.path())
				.stream()
				.map(a -> AreaShapes.fromStored(a.geometry()))
				.toList();
		}
		double south = Double.POSITIVE_INFINITY;
		double north = Double.NEGATIVE_INFINITY;
		double west = Double.POSITIVE_INFINITY;
		double east = Double.NEGATIVE_INFINITY;
		for (Geometry shape : framed) {
			var box = shape.getEnvelopeInternal();
			south = Math.min(south, box.getMinY());
			north = Math.max(north, box.getMaxY());
			west = Math.min(west, box.getMinX());
			east = Math.max(east, box.getMaxX());
		}
		return GeoPoint.of((south + north) / 2, (west + east) / 2);
	}

	/** An organisation the current account may read the coverage of. */
	private Organization readable(String code) {
		Organization org = organization(code);
		outside(reader(), org);
		return org;
	}

	private void writable(Organization org) {
		outside(admin(), org);
	}

	private static Actor reader() {
		Actor actor = Actor.current().orElseThrow(() -> new ForbiddenException("coverage.forbidden.read"));
		if (!actor.isUnionStaff()) {
			throw new ForbiddenException("coverage.forbidden.read");
		}
		return actor;
	}

	private static Actor admin() {
		Actor actor = Actor.current().orElseThrow(() -> new ForbiddenException("coverage.forbidden.upload"));
		if (!actor.holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("coverage.forbidden.upload");
		}
		return actor;
	}

	private static void outside(Actor actor, Organization org) {
		if (!actor.sees(org.path())) {
			throw new ForbiddenException("coverage.forbidden.outside", org.code());
		}
	}

	private Organization organization(String code) {
		return this.organizations.findByCode(code)
			.orElseThrow(() -> new InvalidInputException(Violation.of("org", "coverage.unknownOrg", code)));
	}

	private static CoverageReport.District district(String code, String name, String source, AreaGrid grid,
			CoverageMap.Tally listed, int listedStations, CoverageMap.Tally open, int openStations) {
		return new CoverageReport.District(code, name, source, listed.cells, listed.cells * grid.cellAreaKm2(),
				tidy(listed.demand), figures(listed, listedStations),
				(open == null) ? null : figures(open, openStations));
	}

	private static CoverageReport.Figures figures(CoverageMap.Tally tally, int stations) {
		return new CoverageReport.Figures(stations, share(tally.cellsOnce, tally.cells),
				share(tally.cellsTwice, tally.cells), share(tally.demandOnce, tally.demand),
				share(tally.demandTwice, tally.demand));
	}

	private static double share(double part, double whole) {
		return (whole > 0) ? tidy(part / whole) : 0;
	}

	/**
	 * A share summed over thousands of cells carries rounding noise in its last digits (a
	 * whole city's demand came out as 0.99999999999); nine decimals are more than any
	 * reader needs and print as what they mean.
	 */
	private static double tidy(double share) {
		return Math.round(share * 1e9) / 1e9;
	}

	private static int[] stationsPerArea(AreaGrid grid, ListedStations.Snapshot stations) {
		int[] counts = new int[grid.areas.size() + 1];
		for (int s = 0; s < stations.size(); s++) {
			int cell = grid.cellOf(stations.lats()[s], stations.lons()[s]);
			if (cell >= 0) {
				counts[grid.areaOf[cell]]++;
				counts[grid.areas.size()]++;
			}
		}
		return counts;
	}

	/**
	 * Listed stations inside the areas whose nearest other listed station (anywhere) is
	 * farther than the spacing rule allows, farthest first. The Shandong rule asks for
	 * stations under 1 km apart in cities: read as "every station has a neighbour within
	 * the spacing", which flags isolated stations rather than crowded ones.
	 */
	private List<CoverageReport.SpacingViolation> spacingViolations(AreaGrid grid, ListedStations.Snapshot all) {
		double spacing = this.settings.spacingMeters();
		double bucket = Math.max(spacing, 500);
		Map<Long, List<Integer>> buckets = new HashMap<>();
		for (int s = 0; s < all.size(); s++) {
			buckets
				.computeIfAbsent(bucketKey(grid.x(all.lons()[s]), grid.y(all.lats()[s]), bucket),
						k -> new ArrayList<>())
				.add(s);
		}
		int rings = (int) Math.ceil(NEIGHBOUR_SEARCH_METERS / bucket);
		List<CoverageReport.SpacingViolation> violations = new ArrayList<>();
		for (int s = 0; s < all.size(); s++) {
			if (grid.cellOf(all.lats()[s], all.lons()[s]) < 0) {
				continue;
			}
			double x = grid.x(all.lons()[s]);
			double y = grid.y(all.lats()[s]);
			long bx = (long) Math.floor(x / bucket);
			long by = (long) Math.floor(y / bucket);
			int nearest = -1;
			double nearestMeters = Double.POSITIVE_INFINITY;
			for (int ring = 0; ring <= rings; ring++) {
				// a station in ring k is at least (k - 1) buckets away
				if (nearest >= 0 && nearestMeters <= (ring - 1) * bucket) {
					break;
				}
				for (long i = bx - ring; i <= bx + ring; i++) {
					for (long j = by - ring; j <= by + ring; j++) {
						if (Math.max(Math.abs(i - bx), Math.abs(j - by)) != ring) {
							continue;
						}
						for (int other : buckets.getOrDefault(key(i, j), List.of())) {
							if (other == s) {
								continue;
							}
							double d = GeoPoint.distanceMeters(all.lats()[s], all.lons()[s], all.lats()[other],
									all.lons()[other]);
							if (d < nearestMeters) {
								nearestMeters = d;
								nearest = other;
							}
						}
					}
				}
			}
			if (nearestMeters > spacing) {
				boolean found = nearest >= 0 && nearestMeters <= NEIGHBOUR_SEARCH_METERS;
				violations.add(new CoverageReport.SpacingViolation(all.codes()[s], all.names()[s],
						GeoPoint.of(all.lats()[s], all.lons()[s]), found ? Math.round(nearestMeters * 10) / 10.0 : null,
						found ? all.codes()[nearest] : null));
			}
		}
		violations.sort(Comparator.comparing((CoverageReport.SpacingViolation v) -> v.nearestMeters() == null ? 1 : 0)
			.thenComparing(v -> v.nearestMeters() == null ? 0 : v.nearestMeters())
			.reversed());
		return violations;
	}

	private static long bucketKey(double x, double y, double bucket) {
		return key((long) Math.floor(x / bucket), (long) Math.floor(y / bucket));
	}

	private static long key(long i, long j) {
		return (i << 32) ^ (j & 0xffffffffL);
	}

}
