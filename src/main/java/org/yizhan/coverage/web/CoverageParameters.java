package org.yizhan.coverage.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.yizhan.coverage.CandidateSource;
import org.yizhan.coverage.CoverageObjective;
import org.yizhan.coverage.CoverageQuery;
import org.yizhan.coverage.TravelMode;
import org.yizhan.geo.Crs;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.RequestValues;

/**
 * The parameters of coverage requests as clients send them, validated together so that
 * one answer names every mistake. Shared by the API and the console.
 *
 * @param p sites to suggest, 0 when not asked
 */
record CoverageParameters(String orgCode, CoverageQuery query, Crs crs, int p, CoverageObjective objective,
		CandidateSource candidates) {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final int MAX_SITES = 200;

	/**
	 * @param at an ISO-8601 instant ({@code 2026-11-25T14:00:00Z}), local date-time in
	 * Asia/Shanghai ({@code 2026-11-25T22:00}), an hour today ({@code 22:00}) or
	 * {@code now}
	 * @throws InvalidInputException naming every mistake
	 */
	static CoverageParameters parse(String org, String mode, String minutes, String at, String crs, Integer p,
			String objective, String candidates, int defaultMinutes, Clock clock) {
		List<Violation> violations = new ArrayList<>();
		String orgCode = org(org, violations);
		TravelMode travelMode = (mode == null || mode.isBlank()) ? TravelMode.EBIKE
				: RequestValues.enumValue(TravelMode.class, mode, "mode", violations);
		int budget = defaultMinutes;
		if (minutes != null && !minutes.isBlank()) {
			try {
				budget = Integer.parseInt(minutes.strip());
			}
			catch (NumberFormatException ex) {
				budget = -1;
			}
			if (budget < 1 || budget > CoverageQuery.MAX_MINUTES) {
				violations.add(Violation.of("minutes", "validation.range", 1, CoverageQuery.MAX_MINUTES));
			}
		}
		Instant instant = instant(at, clock, violations);
		Crs outCrs = RequestValues.crs(crs, "crs", violations);
		if (p != null && (p < 1 || p > MAX_SITES)) {
			violations.add(Violation.of("p", "validation.range", 1, MAX_SITES));
		}
		CoverageObjective goal = (objective == null || objective.isBlank()) ? CoverageObjective.SINGLE
				: RequestValues.enumValue(CoverageObjective.class, objective, "objective", violations);
		CandidateSource source = (candidates == null || candidates.isBlank()) ? CandidateSource.POI
				: RequestValues.enumValue(CandidateSource.class, candidates, "candidates", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new CoverageParameters(orgCode,
				new CoverageQuery(orgCode, travelMode, Duration.ofMinutes(budget), instant), outCrs,
				(p == null) ? 0 : p, goal, source);
	}

	/** The organisation and coordinate system of an upload. */
	static CoverageParameters parseUpload(String org, String crs, boolean orgRequired) {
		List<Violation> violations = new ArrayList<>();
		String orgCode = (org == null || org.isBlank()) && !orgRequired ? null : org(org, violations);
		Crs inCrs = RequestValues.crs(crs, "crs", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new CoverageParameters(orgCode, null, inCrs, 0, CoverageObjective.SINGLE, CandidateSource.UPLOADED);
	}

	private static String org(String org, List<Violation> violations) {
		if (org == null || org.isBlank()) {
			violations.add(Violation.of("org", "validation.required"));
			return null;
		}
		if (!org.strip().matches("\\d{6}")) {
			violations.add(Violation.of("org", "coverage.unknownOrg", org.strip()));
			return null;
		}
		return org.strip();
	}

	private static Instant instant(String at, Clock clock, List<Violation> violations) {
		if (at == null || at.isBlank()) {
			return null;
		}
		String value = at.strip();
		if (value.equalsIgnoreCase("now")) {
			return clock.instant();
		}
		try {
			if (value.matches("\\d{1,2}:\\d{2}")) {
				LocalTime time = LocalTime.parse((value.length() == 4) ? "0" + value : value);
				return LocalDate.now(clock.withZone(ZONE)).atTime(time).atZone(ZONE).toInstant();
			}
			if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
				return OffsetDateTime.parse(value).toInstant();
			}
			return LocalDateTime.parse(value).atZone(ZONE).toInstant();
		}
		catch (DateTimeException ex) {
			violations.add(Violation.of("at", "coverage.at", value.toLowerCase(Locale.ROOT)));
			return null;
		}
	}

}
