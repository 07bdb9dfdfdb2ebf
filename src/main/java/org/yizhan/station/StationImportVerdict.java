package org.yizhan.station;

import java.util.List;

import org.yizhan.platform.Violation;

/**
 * What importing one {@link StationImportRow} does, or why it cannot: the violations name
 * fields as {@link StationInput} does ({@code location.lat}, {@code amenities[2]}), plus
 * {@code code} for a code that names no station the caller sees and {@code row} for a
 * repeat of an earlier row of the same ledger.
 *
 * @param action what the row does; {@code null} when it has violations
 * @param code the station's code: the existing one, or the new draft's once applied
 * ({@code null} in a plan of a new draft)
 * @param violations empty when the row can be imported
 */
public record StationImportVerdict(Action action, String code, List<Violation> violations) {

	public StationImportVerdict {
		violations = List.copyOf(violations);
	}

	public boolean valid() {
		return this.violations.isEmpty();
	}

	/** What a valid row does. */
	public enum Action {

		/** A new draft station. */
		CREATE,
		/** An existing station whose details the row changes. */
		REVISE,
		/** An existing station that already is as the row says. */
		UNCHANGED

	}

}
