package org.yizhan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.yizhan.support.SourceFiles;
import org.yizhan.platform.web.MessageBundles;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text the application shows exists in Chinese and in English, and every message
 * code the code refers to exists.
 */
class MessagesTests {

	private static final Path MAIN_JAVA = Path.of("src/main/java");

	private static final Pattern MESSAGE_CODE = Pattern.compile(
			"\"((?:validation|problem|station|photo|field|account|audit|coverage|organization|privacy|rating|qr|ticket|digest|notification|figures|silent)\\.[A-Za-z.\\-]+)\"");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/**
	 * A literal key in a template: {@code #{ticket.title}} or
	 * {@code #{finder.count(${n})}}.
	 */
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");

	/** The {@code type} of a problem raised with its own status has a title. */
	private static final Pattern PROBLEM_TYPE = Pattern
		.compile("new StatusProblemException\\(\\s*HttpStatus\\.\\w+,\\s*\"([a-z\\-]+)\"");

	/** A field named in a violation has a label. */
	private static final Pattern VIOLATION_FIELD = Pattern.compile("Violation\\.of\\(\\s*\"([A-Za-z.]+)\"");

	/**
	 * The bundles the application loads: the platform's {@code messages} and each
	 * module's {@code i18n/<module>}, found as the application finds them.
	 */
	private static final List<String> BUNDLES = MessageBundles.baseNames(new PathMatchingResourcePatternResolver());

	private static final Properties CHINESE = loadAll("");

	private static final Properties ENGLISH = loadAll("_en");

	@Test
	void everyBundleInTheSourcesIsLoadedAndNamedAfterItsModule() throws IOException {
		Set<String> inSources = new TreeSet<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
			files.map(file -> "i18n/" + file.getFileName().toString().replaceFirst("(_en)?\\.properties$", ""))
				.forEach(inSources::add);
		}
		assertThat(BUNDLES).first().isEqualTo("messages");
		assertThat(BUNDLES.subList(1, BUNDLES.size())).containsExactlyElementsOf(inSources)
			.contains("i18n/station", "i18n/ticket", "i18n/supervision");

		Set<String> modules = new TreeSet<>();
		try (Stream<Path> packages = Files.list(MAIN_JAVA.resolve("org/yizhan"))) {
			packages.filter(Files::isDirectory).forEach(module -> modules.add(module.getFileName().toString()));
		}
		for (String bundle : inSources) {
			assertThat(modules)
				.as("the module of %s (i18n/<module>.properties or i18n/<module>-<part>.properties)", bundle)
				.contains(bundle.substring("i18n/".length()).replaceFirst("-.*", ""));
		}
		String configuration = Files.readString(Path.of("src/main/resources/application.yml"));
		assertThat(configuration).as("a list of bundles outside the modules").doesNotContain("basename:");
	}

	@Test
	void noKeyIsDefinedInTwoBundles() {
		for (String suffix : new String[] { "", "_en" }) {
			Map<String, String> owner = new TreeMap<>();
			Set<String> twice = new TreeSet<>();
			for (String bundle : BUNDLES) {
				for (String key : load(bundle + suffix + ".properties").stringPropertyNames()) {
					if (owner.putIfAbsent(key, bundle) != null) {
						twice.add(key);
					}
				}
			}
			assertThat(twice).as("keys defined in more than one bundle" + suffix).isEmpty();
		}
	}

	@Test
	void everyChineseMessageHasAnEnglishOne() {
		assertThat(keys(ENGLISH)).containsAll(keys(CHINESE));
	}

	@Test
	void everyEnglishMessageHasAChineseOne() {
		assertThat(keys(CHINESE)).containsAll(keys(ENGLISH));
	}

	@Test
	void noMessageIsBlank() {
		assertThat(blank(CHINESE)).isEmpty();
		assertThat(blank(ENGLISH)).isEmpty();
	}

	@Test
	void everyMessageCodeInTheCodeExistsInBothLanguages() {
		Map<String, Path> codes = findInMainCode(MESSAGE_CODE);
		// Codes ending in a dot are prefixes completed at run time, checked below.
		codes.keySet().removeIf(code -> code.endsWith("."));

		assertThat(codes).as("message codes found in %s", MAIN_JAVA).isNotEmpty().containsKey("validation.required");
		assertThat(keys(CHINESE)).as("Chinese messages").containsAll(codes.keySet());
		assertThat(keys(ENGLISH)).as("English messages").containsAll(codes.keySet());
	}

	@Test
	void everyMessageKeyInTheTemplatesExistsInBothLanguages() throws IOException {
		Map<String, Path> keys = new TreeMap<>();
		try (Stream<Path> templates = Files.walk(TEMPLATES)) {
			templates.filter(file -> file.toString().endsWith(".html")).forEach(file -> {
				Matcher key = TEMPLATE_KEY.matcher(SourceFiles.read(file));
				while (key.find()) {
					keys.putIfAbsent(key.group(1), file);
				}
			});
		}
		assertThat(keys).as("message keys in %s", TEMPLATES).hasSizeGreaterThan(100).containsKey("app.name");
		assertThat(keys(CHINESE)).as("Chinese messages").containsAll(keys.keySet());
		assertThat(keys(ENGLISH)).as("English messages").containsAll(keys.keySet());
	}

	@Test
	void everyProblemTypeHasATitleInBothLanguages() {
		Set<String> titles = new TreeSet<>();
		findInMainCode(PROBLEM_TYPE).keySet().forEach(type -> titles.add("problem." + type));

		assertThat(titles).contains("problem.too-large", "problem.unsupported-media-type");
		assertThat(keys(CHINESE)).containsAll(titles);
		assertThat(keys(ENGLISH)).containsAll(titles);
	}

	@Test
	void everyFieldNamedInAViolationHasALabelInBothLanguages() {
		Set<String> labels = new TreeSet<>();
		findInMainCode(VIOLATION_FIELD).keySet().forEach(field -> labels.add("field." + field));

		assertThat(labels).contains("field.reason", "field.file", "field.location");
		assertThat(keys(CHINESE)).containsAll(labels);
		assertThat(keys(ENGLISH)).containsAll(labels);
	}

	@Test
	void everyLifecycleRefusalHasAMessage() {
		for (String action : new String[] { "list", "suspend", "reopen", "delist", "revise" }) {
			assertThat(CHINESE).containsKey("station.transition." + action);
			assertThat(ENGLISH).containsKey("station.transition." + action);
		}
	}

	@Test
	void messagesWithArgumentsHaveNoApostrophesThatMessageFormatWouldSwallow() {
		Set<String> broken = new TreeSet<>();
		for (Properties messages : new Properties[] { CHINESE, ENGLISH }) {
			messages.forEach((key, value) -> {
				String text = (String) value;
				if (text.matches("(?s).*\\{\\d+}.*") && text.replace("''", "").contains("'")) {
					broken.add((String) key);
				}
			});
		}
		assertThat(broken).isEmpty();
	}

	private static Map<String, Path> findInMainCode(Pattern pattern) {
		Map<String, Path> found = new TreeMap<>();
		try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
			files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
				Matcher matcher = pattern.matcher(SourceFiles.read(file));
				while (matcher.find()) {
					found.putIfAbsent(matcher.group(1), file);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	private static Set<String> keys(Properties properties) {
		return new TreeSet<>(properties.stringPropertyNames());
	}

	private static Set<String> blank(Properties properties) {
		Set<String> blank = new TreeSet<>();
		properties.forEach((key, value) -> {
			if (((String) value).isBlank()) {
				blank.add((String) key);
			}
		});
		return blank;
	}

	private static Properties loadAll(String suffix) {
		Properties all = new Properties();
		for (String bundle : BUNDLES) {
			all.putAll(load(bundle + suffix + ".properties"));
		}
		return all;
	}

	private static Properties load(String resource) {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
