package org.yizhan.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every migration sits in the folder of the module that owns it and has a version no
 * parallel branch can take as well (ADR 0010): a timestamp,
 * {@code V2026_12_07_1430__...}. The plain numbers V1 to V20 are the ones databases have
 * already applied; they keep their numbers, and no new one may join them.
 */
class MigrationFoldersTests {

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path MODULES = Path.of("src/main/java/org/yizhan");

	/**
	 * Applied before module folders and timestamps; V6, V11 and V15 were lost to races.
	 */
	private static final Set<Integer> PLAIN_NUMBERS = Set.of(1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 14, 16, 17, 18, 19,
			20);

	private static final Pattern PLAIN = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

	private static final Pattern TIMESTAMP = Pattern
		.compile("V(\\d{4})_(\\d{2})_(\\d{2})_(\\d{2})(\\d{2})__[a-z0-9_]+\\.sql");

	private static final Pattern REPEATABLE = Pattern.compile("R__[a-z0-9_]+\\.sql");

	@Test
	void everyMigrationSitsInTheFolderOfAModule() {
		Set<String> modules = modules();
		List<String> misplaced = new ArrayList<>();
		for (Path file : sqlFiles()) {
			Path relative = MIGRATIONS.relativize(file);
			if (relative.getNameCount() != 2 || !modules.contains(relative.getName(0).toString())) {
				misplaced.add(relative.toString());
			}
		}
		assertThat(misplaced).as("migrations outside db/migration/<module>/ (modules: %s)", modules).isEmpty();
	}

	@Test
	void everyMigrationIsNamedByTimestampOrIsOneOfThePlainNumbersAlreadyApplied() {
		List<String> refused = new ArrayList<>();
		Set<Integer> plainSeen = new TreeSet<>();
		for (Path file : sqlFiles()) {
			String name = file.getFileName().toString();
			Matcher plain = PLAIN.matcher(name);
			if (plain.matches()) {
				int number = Integer.parseInt(plain.group(1));
				if (PLAIN_NUMBERS.contains(number)) {
					plainSeen.add(number);
				}
				else {
					refused.add(name + " (plain numbers end at V20: name it V<yyyy>_<MM>_<dd>_<HHmm>__<what>.sql)");
				}
			}
			else if (!TIMESTAMP.matcher(name).matches() && !REPEATABLE.matcher(name).matches()) {
				refused.add(name + " (not V<yyyy>_<MM>_<dd>_<HHmm>__<what>.sql, lower case)");
			}
			else if (!isRealTime(name)) {
				refused.add(name + " (no such date and time)");
			}
		}
		assertThat(refused).as("migration names").isEmpty();
		assertThat(plainSeen).as("the applied plain-numbered migrations are all still there")
			.containsExactlyInAnyOrderElementsOf(PLAIN_NUMBERS);
	}

	@Test
	void noTwoMigrationsShareAVersion() {
		Map<List<BigInteger>, List<String>> byVersion = new TreeMap<>(MigrationFoldersTests::compare);
		for (Path file : sqlFiles()) {
			String name = file.getFileName().toString();
			if (name.startsWith("V")) {
				byVersion.computeIfAbsent(version(name), key -> new ArrayList<>())
					.add(MIGRATIONS.relativize(file).toString());
			}
		}
		assertThat(byVersion.values().stream().filter(files -> files.size() > 1).toList())
			.as("migrations sharing a version")
			.isEmpty();
	}

	@Test
	void timestampsSortAfterThePlainNumbersAndVersionsCompareAsFlywayDoes() {
		assertThat(compare(version("V2026_12_07_1430__x.sql"), version("V20__x.sql"))).isPositive();
		assertThat(compare(version("V2026_12_07_0930__x.sql"), version("V2026_12_07_1430__x.sql"))).isNegative();
		assertThat(compare(version("V2026_12_07_1430__a.sql"), version("V2026_12_07_1430__b.sql"))).isZero();
		assertThat(compare(version("V7__a.sql"), version("V7_0__b.sql"))).isZero();
	}

	/** The module names: the packages under {@code org.yizhan}. */
	static Set<String> modules() {
		try (Stream<Path> children = Files.list(MODULES)) {
			return children.filter(Files::isDirectory)
				.map(path -> path.getFileName().toString())
				.collect(Collectors.toCollection(TreeSet::new));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Path> sqlFiles() {
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			List<Path> sql = files.filter(file -> file.toString().endsWith(".sql")).sorted().toList();
			assertThat(sql).as("migrations in %s", MIGRATIONS).isNotEmpty();
			return sql;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isRealTime(String name) {
		Matcher timestamp = TIMESTAMP.matcher(name);
		if (!timestamp.matches()) {
			return true;
		}
		try {
			LocalDateTime.of(Integer.parseInt(timestamp.group(1)), Integer.parseInt(timestamp.group(2)),
					Integer.parseInt(timestamp.group(3)), Integer.parseInt(timestamp.group(4)),
					Integer.parseInt(timestamp.group(5)));
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	/**
	 * Flyway's reading of a version: the part before {@code __}, split at dots or
	 * underscores into numbers; trailing zeros do not count ({@code 7.0} is {@code 7}).
	 */
	static List<BigInteger> version(String fileName) {
		String version = fileName.substring(1, fileName.indexOf("__"));
		List<BigInteger> parts = new ArrayList<>();
		for (String part : version.split("[._]")) {
			parts.add(new BigInteger(part));
		}
		while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
			parts.remove(parts.size() - 1);
		}
		return parts;
	}

	private static int compare(List<BigInteger> a, List<BigInteger> b) {
		for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
			BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
			BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
			int order = x.compareTo(y);
			if (order != 0) {
				return order;
			}
		}
		return 0;
	}

}
