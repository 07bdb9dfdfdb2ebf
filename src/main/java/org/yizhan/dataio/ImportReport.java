package org.yizhan.dataio;

import java.time.Instant;
import java.util.List;

/**
 * What a check found in a ledger, or what its import did.
 *
 * @param id the import's number, under which it is imported after the check
 * @param organizationCode the union the import belongs to (the importer's)
 * @param rowCount the data rows (blank rows not counted)
 * @param createCount rows that add a station (as drafts)
 * @param reviseCount rows that change an existing station
 * @param unchangedCount rows that name a station that already is as they say
 * @param invalidCount rows with at least one problem
 * @param problemCount every problem found; {@code problems} holds the first
 * {@link StationImports#SHOWN_PROBLEMS} of them
 * @param ignoredColumns headings of the file that name no column of a ledger
 * @param mode how it was imported, {@code null} while only checked
 */
public record ImportReport(long id, String organizationCode, String fileName, ImportStatus status, int rowCount,
		int createCount, int reviseCount, int unchangedCount, int invalidCount, int problemCount,
		List<String> ignoredColumns, List<ImportProblem> problems, Instant checkedAt, Instant importedAt,
		ImportMode mode) {

	public ImportReport {
		ignoredColumns = List.copyOf(ignoredColumns);
		problems = List.copyOf(problems);
	}

	/** Whether "import every row" is possible: nothing wrong, and not yet imported. */
	public boolean importableWhole() {
		return this.status == ImportStatus.CHECKED && this.problemCount == 0;
	}

	/** Whether some rows could be imported, leaving out the bad ones. */
	public boolean importableValidRows() {
		return this.status == ImportStatus.CHECKED && this.rowCount > this.invalidCount;
	}

}
