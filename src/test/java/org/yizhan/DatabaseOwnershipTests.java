package org.yizhan;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.yizhan.support.SourceFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module owns the tables its migrations create, and reads another module's tables
 * and columns only where it says so, in the {@code tables.properties} beside its
 * migrations ({@code db/migration/ticket/} for the ticket module), as in
 * {@code reads.station=id, code, name}. The platform's tables (the event outbox,
 * ShedLock, sessions, the data sets loaded) are open to every module, as the platform is.
 *
 * <p>
 * The SQL is read where it is written: the string literals and text blocks of each
 * statement of a module's main sources, and its migrations. A table counts as read after
 * {@code from}, {@code join}, {@code update}, {@code into}, {@code table} and
 * {@code references} (and {@code on} in migrations: indexes and triggers); a column
 * counts when it is qualified by the table or its alias ({@code s.code} after
 * {@code station s}), when the statement names no other table, or when a migration's
 * foreign key, trigger or {@code add column} names it.
 */
class DatabaseOwnershipTests {

	private static final Path JAVA = Path.of("src/main/java/org/yizhan");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final String PLATFORM = "platform";

	private static final Pattern TABLE_REFERENCE = Pattern.compile(
			"\\b(from|join|update|into|table|references)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)(?:\\s+(?:as\\s+)?([a-z_][a-z0-9_]*))?");

	/** Index and trigger targets; {@code of a, b on t} names a trigger's columns. */
	private static final Pattern ON_TABLE = Pattern
		.compile("\\b(?:of\\s+([a-z_][a-z0-9_, ]*?)\\s+)?on\\s+([a-z_][a-z0-9_]*)");

	private static final Pattern FOREIGN_KEY = Pattern.compile("\\breferences\\s+([a-z_][a-z0-9_]*)\\s*\\(([^)]*)\\)");

	private static final Pattern ADD_COLUMN = Pattern.compile(
			"\\balter\\s+table\\s+([a-z_][a-z0-9_]*)\\s+add\\s+column\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

	/**
	 * One {@code alter table} statement, whose every {@code add column} clause adds to
	 * the schema ({@code alter table application add column a …, add column b …}).
	 */
	private static final Pattern ALTER_TABLE = Pattern.compile("\\balter\\s+table\\s+([a-z_][a-z0-9_]*)\\s+([^;]*)");

	private static final Pattern ADDED_COLUMN = Pattern
		.compile("\\badd\\s+column\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

	private static final Pattern CREATE_TABLE = Pattern.compile(
			"\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)\\s*(\\(|partition\\s+of\\s+([a-z_][a-z0-9_]*))");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![:.\\w])([a-z_][a-z0-9_]*)(?!\\s*\\()");

	/** Words that follow a table name but are no alias. */
	private static final Set<String> NOT_ALIASES = Set.of("where", "on", "join", "left", "right", "inner", "outer",
			"full", "cross", "natural", "group", "order", "limit", "offset", "using", "set", "values", "select",
			"returning", "for", "union", "except", "intersect", "having", "window", "in", "as", "add", "alter", "drop",
			"rename", "owner", "default", "partition", "with", "and", "or", "not", "lateral", "tablesample", "fetch",
			"do", "when", "then", "else", "end", "is", "like", "enable", "disable", "validate", "attach", "detach");

	@Test
	void everyReadOfAnotherModulesTableOrColumnIsDeclared() {
		Schema schema = Schema.read();
		Set<String> undeclared = new LinkedHashSet<>();
		for (Reference reference : references(schema)) {
			String owner = schema.owner(reference.table());
			if (owner.equals(reference.module()) || owner.equals(PLATFORM)) {
				continue;
			}
			Map<String, Set<String>> reads = declaredReads(reference.module());
			Set<String> columns = reads.get(reference.table());
			if (columns == null) {
				undeclared.add(reference.where() + ": " + reference.module() + " reads " + owner + "'s table "
						+ reference.table() + " (declare reads." + reference.table() + " in db/migration/"
						+ reference.module() + "/tables.properties)");
				continue;
			}
			for (String column : reference.columns()) {
				if (!columns.contains(column)) {
					undeclared.add(reference.where() + ": " + reference.module() + " reads " + owner + "'s column "
							+ reference.table() + "." + column + " (not in reads." + reference.table() + " of "
							+ reference.module() + ")");
				}
			}
		}
		assertThat(undeclared).as("undeclared reads of other modules' tables").isEmpty();
	}

	@Test
	void everyDeclarationNamesAnotherModulesExistingTableAndColumnsAndIsStillUsed() {
		Schema schema = Schema.read();
		Map<String, Set<String>> readTables = new TreeMap<>();
		references(schema)
			.forEach(reference -> readTables.computeIfAbsent(reference.module(), module -> new TreeSet<>())
				.add(reference.table()));
		List<String> wrong = new ArrayList<>();
		for (String module : SourceFiles.modules()) {
			declaredReads(module).forEach((table, columns) -> {
				if (!schema.columns.containsKey(table)) {
					wrong.add(module + ": reads." + table + " names no table of the migrations");
					return;
				}
				if (schema.owner(table).equals(module)) {
					wrong.add(module + ": reads." + table + " is its own table");
				}
				for (String column : columns) {
					if (!schema.columns.get(table).contains(column)) {
						wrong.add(module + ": reads." + table + " names no column " + column);
					}
				}
				if (!readTables.getOrDefault(module, Set.of()).contains(table)) {
					wrong.add(module + ": reads." + table + " but its SQL does not");
				}
			});
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyTableHasOneOwner() {
		Schema schema = Schema.read();
		assertThat(schema.claimedTwice).as("tables claimed by two modules").isEmpty();
		assertThat(schema.owners).containsEntry("station", "station")
			.containsEntry("organization", "organization")
			.containsEntry("problem_ticket", "ticket")
			.containsEntry("digest", "supervision")
			.containsEntry("event_publication", PLATFORM);
	}

	@Test
	void theReaderFindsTablesAliasesAndColumns() {
		Schema schema = Schema.read();
		List<Reference> found = referencesIn("ticket", "T.java", schema,
				List.of("""
						select t.id, s.code, s.name as station_name from problem_ticket t
						join station s on s.id = t.station_id join organization o on o.code = s.district_code
						""", "select id, status from station where code = :code",
						"select count(*) from station s where s.status = 'LISTED' and not exists "
								+ "(select 1 from station_photo p where p.station_id = s.id)"));

		assertThat(found).extracting(Reference::table, Reference::columns)
			.contains(org.assertj.core.groups.Tuple.tuple("station", Set.of("code", "name", "id", "district_code")),
					org.assertj.core.groups.Tuple.tuple("organization", Set.of("code")),
					org.assertj.core.groups.Tuple.tuple("station", Set.of("id", "status", "code")),
					org.assertj.core.groups.Tuple.tuple("station_photo", Set.of("station_id")));
	}

	/** Every table read by every module: main sources, then migrations. */
	private static List<Reference> references(Schema schema) {
		List<Reference> references = new ArrayList<>();
		for (String module : SourceFiles.modules()) {
			for (Path source : SourceFiles.files(JAVA.resolve(module), ".java")) {
				references.addAll(referencesIn(module, JAVA.relativize(source).toString(), schema,
						statements(SourceFiles.read(source))));
			}
			Path folder = MIGRATIONS.resolve(module);
			if (Files.isDirectory(folder)) {
				for (Path migration : SourceFiles.files(folder, ".sql")) {
					references.addAll(migrationReferences(module, MIGRATIONS.relativize(migration).toString(), schema,
							withoutComments(SourceFiles.read(migration)).toLowerCase()));
				}
			}
		}
		return references;
	}

	private static List<Reference> referencesIn(String module, String file, Schema schema, List<String> statements) {
		List<Reference> references = new ArrayList<>();
		for (String raw : statements) {
			String sql = withoutQuoted(raw.toLowerCase());
			Map<String, String> aliases = new TreeMap<>();
			Map<String, Set<String>> columns = new TreeMap<>();
			Matcher reference = TABLE_REFERENCE.matcher(sql);
			while (reference.find()) {
				String table = reference.group(2);
				if (!schema.columns.containsKey(table)) {
					continue;
				}
				columns.computeIfAbsent(table, key -> new TreeSet<>());
				aliases.put(table, table);
				String alias = reference.group(3);
				if (alias != null && !NOT_ALIASES.contains(alias)) {
					// the same alias for two tables in one statement: neither is sure
					aliases.merge(alias, table, (a, b) -> a.equals(b) ? a : "");
				}
			}
			aliases.forEach((alias, table) -> {
				if (!table.isEmpty()) {
					Matcher qualified = Pattern.compile("(?<![\\w.])" + alias + "\\.([a-z_][a-z0-9_]*)").matcher(sql);
					while (qualified.find()) {
						columns.get(table).add(qualified.group(1));
					}
				}
			});
			if (columns.size() == 1) {
				String table = columns.keySet().iterator().next();
				Matcher word = IDENTIFIER.matcher(sql.replaceAll("\\bas\\s+[a-z_][a-z0-9_]*", " "));
				while (word.find()) {
					if (schema.columns.get(table).contains(word.group(1)) && !word.group(1).equals(table)) {
						columns.get(table).add(word.group(1));
					}
				}
			}
			columns.forEach((table, read) -> references.add(new Reference(module, file, table, read)));
		}
		return references;
	}

	/**
	 * A migration's references are its module's, but for those inside the body of a table
	 * it creates: they are that table's owner's (in a migration written when two modules
	 * were one change, a foreign key of one module's table is that module's read).
	 */
	private static List<Reference> migrationReferences(String module, String file, Schema schema, String sql) {
		TreeMap<Integer, int[]> bodies = new TreeMap<>();
		List<String> bodyTables = new ArrayList<>();
		Set<String> createdHere = new TreeSet<>();
		Matcher created = CREATE_TABLE.matcher(sql);
		while (created.find()) {
			createdHere.add(created.group(1));
			if (created.group(3) == null) {
				int open = created.end() - 1;
				bodies.put(open, new int[] { open + Schema.body(sql, open).length() + 1, bodyTables.size() });
				bodyTables.add(created.group(1));
			}
		}
		java.util.function.IntFunction<String> reader = position -> {
			Map.Entry<Integer, int[]> body = bodies.floorEntry(position);
			return (body != null && position < body.getValue()[0]) ? schema.owner(bodyTables.get(body.getValue()[1]))
					: module;
		};
		List<Reference> references = new ArrayList<>();
		Matcher reference = TABLE_REFERENCE.matcher(sql);
		while (reference.find()) {
			add(references, reader.apply(reference.start()), file, schema, createdHere, reference.group(2), Set.of());
		}
		Matcher on = ON_TABLE.matcher(sql);
		while (on.find()) {
			Set<String> columns = new TreeSet<>();
			if (on.group(1) != null) {
				Arrays.stream(on.group(1).split(",")).map(String::trim).forEach(columns::add);
			}
			add(references, reader.apply(on.start()), file, schema, createdHere, on.group(2), columns);
		}
		Matcher foreignKey = FOREIGN_KEY.matcher(sql);
		while (foreignKey.find()) {
			Set<String> columns = new TreeSet<>();
			Arrays.stream(foreignKey.group(2).split(",")).map(String::trim).forEach(columns::add);
			add(references, reader.apply(foreignKey.start()), file, schema, createdHere, foreignKey.group(1), columns);
		}
		Matcher addColumn = ADD_COLUMN.matcher(sql);
		while (addColumn.find()) {
			add(references, module, file, schema, createdHere, addColumn.group(1), Set.of(addColumn.group(2)));
		}
		return references;
	}

	private static void add(List<Reference> references, String module, String file, Schema schema,
			Set<String> createdHere, String table, Set<String> columns) {
		if (schema.columns.containsKey(table) && !createdHere.contains(table)) {
			references.add(new Reference(module, file, table, columns));
		}
	}

	/** The declared reads of a module: table → columns. */
	private static Map<String, Set<String>> declaredReads(String module) {
		Map<String, Set<String>> reads = new TreeMap<>();
		Properties declarations = declarations(module);
		for (String key : declarations.stringPropertyNames()) {
			if (key.startsWith("reads.")) {
				reads.put(key.substring("reads.".length()), list(declarations.getProperty(key)));
			}
		}
		return reads;
	}

	private static Properties declarations(String module) {
		Properties properties = new Properties();
		Path file = MIGRATIONS.resolve(module).resolve("tables.properties");
		if (Files.exists(file)) {
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				properties.load(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			for (String key : properties.stringPropertyNames()) {
				assertThat(key).as("a key of %s", file).matches("owns|reads\\.[a-z_][a-z0-9_]*");
			}
		}
		return properties;
	}

	private static Set<String> list(String value) {
		Set<String> items = new LinkedHashSet<>();
		for (String item : value.split(",")) {
			if (!item.isBlank()) {
				items.add(item.trim());
			}
		}
		return items;
	}

	/**
	 * The SQL of each statement of a Java source: its string literals and text blocks
	 * joined, a statement ending at a semicolon outside them (a field's initialiser is
	 * one).
	 */
	static List<String> statements(String java) {
		List<String> statements = new ArrayList<>();
		StringBuilder sql = new StringBuilder();
		int i = 0;
		while (i < java.length()) {
			char c = java.charAt(i);
			if (java.startsWith("//", i)) {
				i = java.indexOf('\n', i) < 0 ? java.length() : java.indexOf('\n', i);
			}
			else if (java.startsWith("/*", i)) {
				i = java.indexOf("*/", i + 2) + 2;
			}
			else if (java.startsWith("\"\"\"", i)) {
				int end = java.indexOf("\"\"\"", i + 3);
				sql.append(' ').append(java, i + 3, end).append(' ');
				i = end + 3;
			}
			else if (c == '"') {
				int end = i + 1;
				while (java.charAt(end) != '"') {
					end += java.charAt(end) == '\\' ? 2 : 1;
				}
				sql.append(java, i + 1, end).append(' ');
				i = end + 1;
			}
			else if (c == '\'') {
				i = java.indexOf('\'', i + (java.charAt(i + 1) == '\\' ? 3 : 2)) + 1;
			}
			else {
				if (c == ';' || c == '{' || c == '}') {
					if (!sql.toString().isBlank()) {
						statements.add(sql.toString());
					}
					sql.setLength(0);
				}
				i++;
			}
		}
		return statements;
	}

	/** Leaves out what stands in single quotes: SQL's string constants. */
	private static String withoutQuoted(String sql) {
		return sql.replaceAll("'[^']*'", "''");
	}

	private static String withoutComments(String sql) {
		return sql.replaceAll("--[^\n]*", " ");
	}

	/** A module's read of a table, and the columns seen. */
	record Reference(String module, String file, String table, Set<String> columns) {

		String where() {
			return this.file;
		}

	}

	/**
	 * The tables of the migrations with their columns, and their owners: the module whose
	 * folder holds the migration creating a table, unless another module's {@code owns}
	 * claims it (for a migration written when two modules were one change).
	 */
	static final class Schema {

		final Map<String, Set<String>> columns = new TreeMap<>();

		final Map<String, String> owners = new TreeMap<>();

		final Set<String> claimedTwice = new TreeSet<>();

		static Schema read() {
			Schema schema = new Schema();
			Map<String, String> createdBy = new TreeMap<>();
			for (String module : SourceFiles.modules()) {
				Path folder = MIGRATIONS.resolve(module);
				if (!Files.isDirectory(folder)) {
					continue;
				}
				for (Path migration : SourceFiles.files(folder, ".sql")) {
					String sql = withoutComments(SourceFiles.read(migration)).toLowerCase();
					Matcher create = CREATE_TABLE.matcher(sql);
					while (create.find()) {
						String table = create.group(1);
						createdBy.put(table, module);
						Set<String> columns = schema.columns.computeIfAbsent(table, key -> new TreeSet<>());
						if (create.group(3) != null) {
							columns.addAll(schema.columns.getOrDefault(create.group(3), Set.of()));
						}
						else {
							columns.addAll(columnsOf(body(sql, create.end() - 1)));
						}
					}
					Matcher alter = ALTER_TABLE.matcher(sql);
					while (alter.find()) {
						Matcher add = ADDED_COLUMN.matcher(alter.group(2));
						while (add.find()) {
							schema.columns.computeIfAbsent(alter.group(1), key -> new TreeSet<>()).add(add.group(1));
						}
					}
				}
			}
			schema.owners.putAll(createdBy);
			Map<String, String> claims = new TreeMap<>();
			for (String module : SourceFiles.modules()) {
				for (String table : list(declarations(module).getProperty("owns", ""))) {
					assertThat(createdBy).as("owns=%s of %s", table, module).containsKey(table);
					if (claims.put(table, module) != null) {
						schema.claimedTwice.add(table);
					}
					schema.owners.put(table, module);
				}
			}
			return schema;
		}

		String owner(String table) {
			return this.owners.get(table);
		}

		/** The text between the parenthesis at {@code open} and the one closing it. */
		private static String body(String sql, int open) {
			int depth = 0;
			for (int i = open; i < sql.length(); i++) {
				if (sql.charAt(i) == '(') {
					depth++;
				}
				else if (sql.charAt(i) == ')' && --depth == 0) {
					return sql.substring(open + 1, i);
				}
			}
			throw new IllegalStateException("unbalanced create table at " + open);
		}

		/**
		 * The column names of a create table's body: its top-level items but constraints.
		 */
		private static Set<String> columnsOf(String body) {
			Set<String> columns = new TreeSet<>();
			int depth = 0;
			int start = 0;
			for (int i = 0; i <= body.length(); i++) {
				char c = i < body.length() ? body.charAt(i) : ',';
				if (c == '(') {
					depth++;
				}
				else if (c == ')') {
					depth--;
				}
				else if (c == ',' && depth == 0) {
					String item = body.substring(start, i).trim();
					String first = item.split("\\s+")[0];
					if (!first.isEmpty() && !Set.of("constraint", "primary", "unique", "check", "foreign", "exclude")
						.contains(first)) {
						columns.add(first);
					}
					start = i + 1;
				}
			}
			return columns;
		}

	}

}
