package org.yizhan.onboarding.web;

import java.util.ArrayList;
import java.util.List;

import org.yizhan.coverage.CoverageObjective;
import org.yizhan.onboarding.ApplicationStatus;
import org.yizhan.onboarding.ScoreQuery;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;

/**
 * The selection list's and "choose N"'s request values, read alike for the console and
 * the API: an unknown value is a 400 naming its field, not a silently ignored filter.
 */
final class SelectionParameters {

	private SelectionParameters() {
	}

	static ScoreQuery query(String status, String org, String required, String spacing, String sort) {
		List<Violation> violations = new ArrayList<>();
		ApplicationStatus wanted = enumValue(ApplicationStatus.class, status, "status", violations);
		ScoreQuery.Sort order = enumValue(ScoreQuery.Sort.class, sort, "sort", violations);
		Boolean requiredMet = choice(required, "met", "failed", "required", violations);
		Boolean withinSpacing = choice(spacing, "within", "beyond", "spacing", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new ScoreQuery(wanted, (org != null && !org.isBlank()) ? org.strip() : null, requiredMet, withinSpacing,
				order);
	}

	static CoverageObjective objective(String objective) {
		List<Violation> violations = new ArrayList<>();
		CoverageObjective value = enumValue(CoverageObjective.class, objective, "objective", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return (value != null) ? value : CoverageObjective.SINGLE;
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field,
			List<Violation> violations) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (E candidate : type.getEnumConstants()) {
			if (candidate.name().equalsIgnoreCase(value.strip())) {
				return candidate;
			}
		}
		violations.add(Violation.of(field, "onboarding.selection.unknownValue", value.strip()));
		return null;
	}

	private static Boolean choice(String value, String yes, String no, String field, List<Violation> violations) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (yes.equals(value.strip())) {
			return Boolean.TRUE;
		}
		if (no.equals(value.strip())) {
			return Boolean.FALSE;
		}
		violations.add(Violation.of(field, "onboarding.selection.unknownValue", value.strip()));
		return null;
	}

}
