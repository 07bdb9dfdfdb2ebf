package org.yizhan.station;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Assignments;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.PlainText;
import org.yizhan.platform.Violation;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a station's level and stars change after it was registered (a downgrade
 * aside): a grading decision, which the grading module takes with its reasons and then
 * applies here, in the decision's transaction. The station's own edit form and API refuse
 * any change of them (ADR 0025), so a grade always has a decision behind it, and the
 * audit entry names that decision. The change is a plain {@link StationChanged}, which
 * the copies (the finder's index) follow like any other revision.
 */
@Service
@Transactional
public class StationGrades {

	public static final int MAX_DECISION = 200;

	private final StationRegistry registry;

	private final Assignments assignments;

	StationGrades(StationRegistry registry, Assignments assignments) {
		this.registry = registry;
		this.assignments = assignments;
	}

	/**
	 * Gives the station the level and stars a decision settled: a union admin whose
	 * subtree holds the station (404 outside it, 403 for other roles); {@code decision}
	 * says which decision (its number and reason), for the audit log. Setting the grade
	 * the station already has changes nothing and writes nothing.
	 */
	public Station apply(StationId id, StationLevel level, int stars, String decision) {
		StationScope scope = StationScope.of(Actor.required(), this.assignments);
		if (!scope.mayManage()) {
			throw new ForbiddenException("station.forbidden.manage");
		}
		String trimmed = decision == null ? "" : decision.strip();
		if (trimmed.isEmpty()) {
			throw new InvalidInputException(Violation.of("decision", "validation.required"));
		}
		if (trimmed.length() > MAX_DECISION) {
			throw new InvalidInputException(Violation.of("decision", "validation.tooLong", MAX_DECISION));
		}
		if (PlainText.hasInvisibleCharacters(trimmed)) {
			throw new InvalidInputException(Violation.of("decision", PlainText.INVISIBLE_CHARACTERS));
		}
		return this.registry.grade(id, scope, level, stars, trimmed);
	}

}
