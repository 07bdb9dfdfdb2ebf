package org.yizhan.station;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;

import org.springframework.stereotype.Component;

/**
 * The work behind {@link StationRegistry#planImport} and
 * {@link StationRegistry#applyImport}: every row through the same
 * {@link StationInputValidator} as a station typed into the form, then matched against
 * the stations the caller sees with two queries for the whole ledger (one short row per
 * candidate, then the matched stations in batches), so that 200,000 rows cost a few
 * hundred statements rather than a few hundred thousand.
 */
@Component
class StationBulkImport {

	private final StationInputValidator validator;

	private final StationRepository stations;

	private final OrganizationTree organizations;

	StationBulkImport(StationInputValidator validator, StationRepository stations, OrganizationTree organizations) {
		this.validator = validator;
		this.stations = stations;
		this.organizations = organizations;
	}

	/**
	 * One row's plan: its verdict, and for a valid row the details to save and the
	 * matched station (with the version the plan read).
	 */
	record Planned(StationImportRow row, StationImportVerdict verdict, StationDetails details, Station existing) {
	}

	List<Planned> plan(List<StationImportRow> rows, StationScope scope) {
		List<List<Violation>> violations = new ArrayList<>(rows.size());
		List<StationDetails> details = new ArrayList<>(rows.size());
		Map<String, Boolean> districtsInScope = new HashMap<>();
		Map<String, Optional<Organization>> districtsByCode = new HashMap<>();
		Map<String, StationInputValidator.HoursReading> hoursRead = new HashMap<>();
		Function<String, Optional<Organization>> findDistrict = code -> districtsByCode.computeIfAbsent(code,
				this.organizations::findByCode);
		Set<String> districts = new TreeSet<>();
		Set<String> codes = new TreeSet<>();
		for (StationImportRow row : rows) {
			List<Violation> found = new ArrayList<>();
			StationDetails valid = null;
			try {
				valid = this.validator.validate(row.input(), findDistrict, hoursRead);
				String district = valid.districtCode();
				if (!districtsInScope.computeIfAbsent(district,
						code -> scope.covers(findDistrict.apply(code).map(Organization::path).orElse(code)))) {
					found.add(Violation.of("district", "station.forbidden.district", district));
					valid = null;
				}
				else {
					districts.add(district);
				}
			}
			catch (InvalidInputException ex) {
				found.addAll(ex.violations());
			}
			if (row.code() != null) {
				codes.add(row.code());
			}
			violations.add(found);
			details.add(valid);
		}
		Map<String, StationRepository.ImportKey> byCode = new HashMap<>();
		Map<String, StationRepository.ImportKey> byPlace = new HashMap<>();
		this.stations.forEachImportKey(districts.toArray(String[]::new), codes.toArray(String[]::new), scope, key -> {
			byCode.put(key.code(), key);
			byPlace.putIfAbsent(place(key.districtCode(), key.hostName(), key.lat(), key.lon()), key);
		});
		Long[] targets = new Long[rows.size()];
		Map<String, Integer> firstLineOf = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			StationImportRow row = rows.get(i);
			StationDetails valid = details.get(i);
			StationRepository.ImportKey target = null;
			if (row.code() != null) {
				target = byCode.get(row.code());
				if (target == null) {
					violations.get(i).add(Violation.of("code", "station.import.unknownCode", row.code()));
				}
			}
			else if (valid != null) {
				target = byPlace
					.get(place(valid.districtCode(), valid.hostName(), valid.location().lat(), valid.location().lon()));
			}
			String identity = target != null ? "#" + target.id() : (row.code() == null && valid != null)
					? place(valid.districtCode(), valid.hostName(), valid.location().lat(), valid.location().lon())
					: null;
			if (identity != null) {
				Integer first = firstLineOf.putIfAbsent(identity, row.line());
				if (first != null) {
					violations.get(i).add(Violation.of("row", "station.import.repeatedRow", first));
				}
			}
			targets[i] = target == null ? null : target.id();
		}
		List<Long> matched = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			if (targets[i] != null && details.get(i) != null && violations.get(i).isEmpty()) {
				matched.add(targets[i]);
			}
		}
		Map<Long, Station> existing = new HashMap<>();
		this.stations.forEachById(matched, 1000, station -> existing.put(station.id().value(), station));
		List<Planned> plan = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			StationImportRow row = rows.get(i);
			List<Violation> found = violations.get(i);
			StationDetails valid = details.get(i);
			if (!found.isEmpty() || valid == null) {
				plan.add(new Planned(row, new StationImportVerdict(null, row.code(), found), null, null));
				continue;
			}
			Station station = targets[i] == null ? null : existing.get(targets[i]);
			if (station == null) {
				plan.add(new Planned(row, new StationImportVerdict(StationImportVerdict.Action.CREATE, null, found),
						valid, null));
				continue;
			}
			StationDetails merged = keepGrade(valid, row.input(), station.details());
			if (merged.level() != station.details().level() || merged.stars() != station.details().stars()) {
				// a ledger may carry the grade a station has, never change it: that is a
				// grading decision's (StationGrades)
				plan.add(new Planned(row, new StationImportVerdict(null, station.code().value(),
						List.of(Violation.of("level", "station.forbidden.grade"))), null, null));
				continue;
			}
			if (StationRegistry.changedFields(station.details(), merged).isEmpty()) {
				plan.add(new Planned(row,
						new StationImportVerdict(StationImportVerdict.Action.UNCHANGED, station.code().value(), found),
						merged, station));
			}
			else if (station.status() == StationStatus.DELISTED) {
				plan.add(new Planned(row,
						new StationImportVerdict(null, station.code().value(),
								List.of(Violation.of("code", "station.import.delisted", station.code().value()))),
						null, null));
			}
			else {
				plan.add(new Planned(row,
						new StationImportVerdict(StationImportVerdict.Action.REVISE, station.code().value(), found),
						merged, station));
			}
		}
		return plan;
	}

	/**
	 * Inserts the planned new drafts with codes numbered per district in ledger order;
	 * answers them in the order of {@code creations}.
	 */
	List<Station> createDrafts(List<Planned> creations, Instant now) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		creations.forEach(planned -> counts.merge(planned.details().districtCode(), 1, Integer::sum));
		Map<String, Integer> next = new HashMap<>();
		counts.forEach(
				(district, count) -> next.put(district, this.stations.reserveNumbersIn(district, count) - count + 1));
		List<Station> drafts = new ArrayList<>(creations.size());
		for (Planned planned : creations) {
			String district = planned.details().districtCode();
			int number = next.merge(district, 1, Integer::sum) - 1;
			Station draft = Station.draft(StationCode.of(district, number), planned.details(), now);
			// A bulk draft is announced by no event: no copy keeps drafts but the rating
			// intake's, which reads a station it has not heard of and reconciles within
			// 30 s; 200,000 events would be 200,000 outbox rows for nothing.
			draft.drainEvents();
			drafts.add(draft);
		}
		this.stations.insertDrafts(drafts);
		return drafts;
	}

	/**
	 * An existing station keeps its level and stars when the row leaves them empty: a
	 * ledger kept by a district seldom carries the union's grading.
	 */
	private static StationDetails keepGrade(StationDetails valid, StationInput input, StationDetails existing) {
		StationLevel level = input.level() == null || input.level().isBlank() ? existing.level() : valid.level();
		int stars = input.stars() == null ? existing.stars() : valid.stars();
		return new StationDetails(valid.name(), valid.address(), valid.districtCode(), valid.hostName(),
				valid.hostType(), valid.location(), valid.areaM2(), valid.seats(), valid.amenities(),
				valid.openingHours(), valid.smartEntry(), valid.mobile(), valid.phone(), valid.description(), level,
				stars);
	}

	/** The same host in the same district within about a metre (five decimals). */
	private static String place(String district, String hostName, double lat, double lon) {
		return String.format(Locale.ROOT, "%s|%s|%.5f|%.5f", district, hostName, lat, lon);
	}

}
