package org.yizhan.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The project's own files as the structure tests read them (template folders, table
 * ownership, message keys): the modules are the packages under {@code org.yizhan}.
 */
public final class SourceFiles {

	/** The main sources' package root, where each folder is a module. */
	public static final Path MAIN_JAVA = Path.of("src/main/java/org/yizhan");

	private SourceFiles() {
	}

	/** The names of the modules: the folders under {@link #MAIN_JAVA}. */
	public static Set<String> modules() {
		Set<String> modules = new TreeSet<>();
		try (Stream<Path> packages = Files.list(MAIN_JAVA)) {
			packages.filter(Files::isDirectory).forEach(module -> modules.add(module.getFileName().toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return modules;
	}

	/** Every file below {@code folder} whose name ends in {@code suffix}, sorted. */
	public static List<Path> files(Path folder, String suffix) {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A file's text, UTF-8. */
	public static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
