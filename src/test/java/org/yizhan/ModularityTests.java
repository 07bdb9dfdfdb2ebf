package org.yizhan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the module boundaries of ARCHITECTURE.md honest: a module reaches another only
 * through the types at its package root, and no cycles. Also writes the module diagram
 * into the docs.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(YizhanApplication.class);

	static final Path DOCS = Path.of("docs/modules");

	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		modules.verify();
	}

	@Test
	void writesTheModuleDiagramIntoTheDocs() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (Stream<Path> files = Files.list(DOCS)) {
			for (Path file : files.toList()) {
				Files.write(file, sortRuns(Files.readAllLines(file)));
			}
		}
		assertThat(DOCS.resolve("components.puml")).content().contains("Finder", "Station registry");
	}

	@Test
	void sortsOnlyTheRunsOfListLines() {
		assertThat(sortRuns(List.of("a", "Rel(b)", "Rel(a)", "x", "* `d`", "* `c`"))).containsExactly("a", "Rel(a)",
				"Rel(b)", "x", "* `c`", "* `d`");
		// In a table cell the first item carries the cell's bar; it stays first in place.
		assertThat(sortRuns(List.of("|Events", "|* `b` ", "* `c` ", "* `a` ", "|==="))).containsExactly("|Events",
				"|* `a` ", "* `b` ", "* `c` ", "|===");
	}

	/**
	 * The Documenter lists relations and events in no fixed order; sorting each run of
	 * list lines keeps the committed diagrams unchanged until the modules change.
	 */
	static List<String> sortRuns(List<String> lines) {
		List<String> sorted = new ArrayList<>(lines);
		int start = 0;
		while (start < sorted.size()) {
			int end = start;
			while (end < sorted.size() && isListLine(sorted.get(end))) {
				end++;
			}
			if (end > start) {
				boolean inCell = sorted.get(start).startsWith("|");
				if (inCell) {
					sorted.set(start, sorted.get(start).substring(1));
				}
				Collections.sort(sorted.subList(start, end));
				if (inCell) {
					sorted.set(start, "|" + sorted.get(start));
				}
				start = end;
			}
			else {
				start++;
			}
		}
		return sorted;
	}

	private static boolean isListLine(String line) {
		return line.startsWith("Rel(") || line.startsWith("* `") || line.startsWith("|* `");
	}

}
