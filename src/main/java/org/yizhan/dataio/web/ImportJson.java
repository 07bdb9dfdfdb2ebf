package org.yizhan.dataio.web;

import java.time.Instant;
import java.util.List;

import org.yizhan.dataio.ImportMode;
import org.yizhan.dataio.ImportProblem;
import org.yizhan.dataio.ImportReport;
import org.yizhan.dataio.ImportStatus;
import org.yizhan.platform.web.ConsoleMessages;

/**
 * A check or import as the API answers it, each problem worded in the caller's language.
 */
record ImportJson(long id, String union, String fileName, ImportStatus status, int rows, int creates, int revises,
		int unchanged, int invalidRows, int problemCount, List<String> ignoredColumns, List<ProblemJson> problems,
		Instant checkedAt, Instant importedAt, ImportMode mode) {

	/**
	 * One problem: the row (1 is the heading row; 0 the whole file), the column's
	 * heading, the reason.
	 */
	record ProblemJson(int row, String column, String field, String code, String message) {
	}

	static ImportJson of(ImportReport report, ConsoleMessages messages) {
		return new ImportJson(report.id(), report.organizationCode(), report.fileName(), report.status(),
				report.rowCount(), report.createCount(), report.reviseCount(), report.unchangedCount(),
				report.invalidCount(), report.problemCount(), report.ignoredColumns(),
				report.problems().stream().map(p -> problem(p, messages)).toList(), report.checkedAt(),
				report.importedAt(), report.mode());
	}

	static ProblemJson problem(ImportProblem problem, ConsoleMessages messages) {
		return new ProblemJson(problem.line(), problem.column(), problem.field(), problem.code(),
				messages.text(problem.code(), problem.args().toArray()));
	}

}
