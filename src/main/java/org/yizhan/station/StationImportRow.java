package org.yizhan.station;

import java.util.Objects;

/**
 * One row of a station ledger brought in bulk ({@link StationRegistry#planImport}): the
 * station as its fields arrive, and the station code when the ledger names one.
 *
 * <p>
 * A row names an existing station by its code, or else by its host and its location (the
 * same host name in the same district within about a metre): re-importing a ledger
 * changes nothing. A row that names no existing station becomes a new draft.
 *
 * @param line the row's number in its ledger, which a repeated row's violation names
 * @param code the station code, {@code null} or blank when the ledger has none
 * @param input the station's fields; an empty level or stars keeps an existing station's
 */
public record StationImportRow(int line, String code, StationInput input) {

	public StationImportRow {
		Objects.requireNonNull(input, "input");
		code = code == null || code.isBlank() ? null : code.strip();
	}

}
