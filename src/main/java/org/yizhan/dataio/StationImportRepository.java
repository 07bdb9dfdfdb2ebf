package org.yizhan.dataio;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The checked and imported ledgers with their problems, scoped to a union's subtree. */
@Repository
class StationImportRepository {

	private static final String COLUMNS = """
			i.id, i.organization_code, i.file_name, i.status, i.row_count, i.create_count, i.revise_count,
			i.unchanged_count, i.invalid_count, i.problem_count, i.ignored_columns, i.checked_at, i.imported_at,
			i.imported_mode""";

	private static final String IN_SUBTREE = """
			i.organization_code in (select code from organization where path = :path or path like :path || '/%')""";

	private final JdbcClient jdbc;

	StationImportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String organizationCode, long accountId, String fileName, String format, byte[] content, String sha256,
			ImportReport counts, Instant now) {
		Map<String, Object> params = new HashMap<>();
		params.put("org", organizationCode);
		params.put("account", accountId);
		params.put("fileName", fileName);
		params.put("format", format);
		params.put("content", content);
		params.put("sha", sha256);
		params.put("rows", counts.rowCount());
		params.put("creates", counts.createCount());
		params.put("revises", counts.reviseCount());
		params.put("unchanged", counts.unchangedCount());
		params.put("invalid", counts.invalidCount());
		params.put("problems", counts.problemCount());
		params.put("ignored", String.join("\t", counts.ignoredColumns()));
		params.put("now", Timestamp.from(now));
		return this.jdbc.sql("""
				insert into station_import (organization_code, account_id, file_name, file_format, content,
				  content_sha256, status, row_count, create_count, revise_count, unchanged_count, invalid_count,
				  problem_count, ignored_columns, checked_at)
				values (:org, :account, :fileName, :format, :content, :sha, 'CHECKED', :rows, :creates, :revises,
				  :unchanged, :invalid, :problems, :ignored, :now)
				returning id""").params(params).query(Long.class).single();
	}

	void insertProblems(long importId, List<ImportProblem> problems) {
		int n = problems.size();
		if (n == 0) {
			return;
		}
		Integer[] positions = new Integer[n];
		Integer[] lines = new Integer[n];
		String[] columns = new String[n];
		String[] fields = new String[n];
		String[] codes = new String[n];
		String[] args = new String[n];
		for (int i = 0; i < n; i++) {
			ImportProblem problem = problems.get(i);
			positions[i] = i;
			lines[i] = problem.line();
			columns[i] = problem.column();
			fields[i] = problem.field();
			codes[i] = problem.code();
			// one text per problem, its arguments joined by a character no cell holds
			args[i] = String.join("\u001F", problem.args());
		}
		this.jdbc.sql("""
				insert into station_import_problem (import_id, position, line, column_name, field, code, args)
				select :id, p, l, c, f, k, case when a = '' then '{}' else string_to_array(a, chr(31)) end
				from unnest(cast(:positions as integer[]), cast(:lines as integer[]), cast(:columns as text[]),
				  cast(:fields as text[]), cast(:codes as text[]), cast(:args as text[])) as t(p, l, c, f, k, a)""")
			.param("id", importId)
			.param("positions", positions)
			.param("lines", lines)
			.param("columns", columns)
			.param("fields", fields)
			.param("codes", codes)
			.param("args", args)
			.update();
	}

	Optional<ImportReport> findVisible(long id, String path, int problemLimit) {
		return this.jdbc.sql("select " + COLUMNS + " from station_import i where i.id = :id and " + IN_SUBTREE)
			.param("id", id)
			.param("path", path)
			.query((rs, n) -> map(rs, listProblems(rs.getLong("id"), problemLimit)))
			.optional();
	}

	/** The stored file of a checked import, locked until the transaction ends. */
	Optional<StoredFile> lockFile(long id, String path) {
		return this.jdbc
			.sql("select i.file_name, i.file_format, i.content, i.organization_code, i.status from station_import i"
					+ " where i.id = :id and " + IN_SUBTREE + " for update of i")
			.param("id", id)
			.param("path", path)
			.query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4),
					ImportStatus.valueOf(rs.getString(5))))
			.optional();
	}

	record StoredFile(String fileName, String format, byte[] content, String organizationCode, ImportStatus status) {
	}

	void markImported(long id, ImportMode mode, int creates, int revises, int unchanged, Instant now) {
		this.jdbc.sql("""
				update station_import set status = 'IMPORTED', imported_mode = :mode, imported_at = :now,
				  create_count = :creates, revise_count = :revises, unchanged_count = :unchanged
				where id = :id""")
			.param("id", id)
			.param("mode", mode.name())
			.param("now", Timestamp.from(now))
			.param("creates", creates)
			.param("revises", revises)
			.param("unchanged", unchanged)
			.update();
	}

	List<ImportReport> listRecent(String path, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from station_import i where " + IN_SUBTREE
					+ " order by i.checked_at desc, i.id desc limit :limit")
			.param("path", path)
			.param("limit", limit)
			.query((rs, n) -> map(rs, List.of()))
			.list();
	}

	/** Every problem of an import in file order, for the downloadable report. */
	void forEachProblem(long id, java.util.function.Consumer<ImportProblem> action) {
		this.jdbc
			.sql("select line, column_name, field, code, args from station_import_problem"
					+ " where import_id = :id order by position")
			.param("id", id)
			.query(rs -> {
				action.accept(problem(rs));
			});
	}

	private List<ImportProblem> listProblems(long id, int limit) {
		return this.jdbc
			.sql("select line, column_name, field, code, args from station_import_problem"
					+ " where import_id = :id order by position limit :limit")
			.param("id", id)
			.param("limit", limit)
			.query((rs, n) -> problem(rs))
			.list();
	}

	/**
	 * Takes the union's import lock until the transaction ends, if no other instance or
	 * request holds it: one import at a time per union.
	 */
	boolean tryLockUnion(String organizationCode) {
		return this.jdbc.sql("select pg_try_advisory_xact_lock(hashtext('station-import'), hashtext(:org))")
			.param("org", organizationCode)
			.query(Boolean.class)
			.single();
	}

	private static ImportProblem problem(ResultSet rs) throws SQLException {
		Array args = rs.getArray("args");
		return new ImportProblem(rs.getInt("line"), rs.getString("column_name"), rs.getString("field"),
				rs.getString("code"), Arrays.stream((Object[]) args.getArray()).map(String::valueOf).toList());
	}

	private static ImportReport map(ResultSet rs, List<ImportProblem> problems) throws SQLException {
		String ignored = rs.getString("ignored_columns");
		String mode = rs.getString("imported_mode");
		Timestamp importedAt = rs.getTimestamp("imported_at");
		return new ImportReport(rs.getLong("id"), rs.getString("organization_code"), rs.getString("file_name"),
				ImportStatus.valueOf(rs.getString("status")), rs.getInt("row_count"), rs.getInt("create_count"),
				rs.getInt("revise_count"), rs.getInt("unchanged_count"), rs.getInt("invalid_count"),
				rs.getInt("problem_count"), ignored.isEmpty() ? List.of() : List.of(ignored.split("\t")), problems,
				rs.getTimestamp("checked_at").toInstant(), importedAt == null ? null : importedAt.toInstant(),
				mode == null ? null : ImportMode.valueOf(mode));
	}

}
