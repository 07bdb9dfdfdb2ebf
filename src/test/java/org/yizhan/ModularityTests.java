package org.yizhan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.EventType;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the module boundaries of ARCHITECTURE.md honest: a module reaches another only
 * through the types at its package root or a named interface it declares in its allowed
 * dependencies, no allowed dependency goes unused, and no cycles. Also writes the module
 * diagram and canvases into the docs, and checks that they list every event the code
 * publishes.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(YizhanApplication.class);

	static final Path DOCS = Path.of("docs/modules");

	@Test
	void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
		modules.verify();
	}

	/**
	 * {@code allowedDependencies} say what a module may use; an entry nothing uses any
	 * more would let a new dependency in unseen, so each must be used.
	 */
	@Test
	void everyAllowedDependencyIsUsed() {
		Map<String, List<String>> unused = new TreeMap<>();
		for (ApplicationModule module : modules) {
			List<ApplicationModuleDependency> used = module.getDirectDependencies(modules).stream().toList();
			for (ApplicationModule.AllowedDependency allowed : module.getAllowedDependencies(modules)) {
				boolean usedOnce = used.stream()
					.anyMatch((dependency) -> dependency.getTargetModule().equals(allowed.getTargetModule())
							&& allowed.getTargetNamedInterface() != null
							&& allowed.getTargetNamedInterface().contains(dependency.getTargetType()));
				if (!usedOnce) {
					unused.computeIfAbsent(module.getIdentifier().toString(), (name) -> new ArrayList<>())
						.add(allowed.toString());
				}
			}
		}
		assertThat(unused).as("allowed dependencies nothing uses").isEmpty();
	}

	/**
	 * Spring Modulith lists a module's published events only for types marked as
	 * jMolecules domain events; an event record without the mark would silently drop out
	 * of the canvases. The bytecode says what each call of {@code publishEvent} hands
	 * over.
	 */
	@Test
	void everyEventTheCodePublishesIsAnEventItsModuleLists() {
		PublishedTypes published = PublishedTypes.scan();
		assertThat(published.fromLists()).as("calls of publishEvent whose argument is not built in place")
			.isEqualTo(PublishedTypes.FROM_LISTS.keySet());
		Set<String> types = published.all();
		assertThat(types).contains("org.yizhan.station.StationListed", "org.yizhan.station.StationDowngraded",
				"org.yizhan.organization.Audited", "org.yizhan.ticket.ProblemReported",
				"org.yizhan.rating.RatingSubmitted", "org.yizhan.platform.security.AccessRefused");
		for (String type : types) {
			ApplicationModule module = modules.getModuleByType(type)
				.orElseThrow(() -> new AssertionError(type + " is published but belongs to no module"));
			assertThat(module.getPublishedEvents().stream().map(EventType::getType).map((t) -> t.getFullName()))
				.as("published events of " + module.getIdentifier() + " (is " + type + " annotated @DomainEvent?)")
				.contains(type);
		}
		assertThat(modules.stream().flatMap((module) -> module.getPublishedEvents().stream()))
			.as("types marked as events that nothing publishes")
			.allMatch((event) -> types.contains(event.getType().getFullName()));
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
		for (ApplicationModule module : modules) {
			Path canvas = DOCS.resolve("module-" + module.getIdentifier() + ".adoc");
			// The description comes from the Javadoc the annotation processor collected:
			// an
			// unbalanced bracket in any comment cuts the rest of it off for the
			// Documenter.
			assertThat(canvas).content().as("%s has its package's description", canvas).contains("|Description");
			for (EventType event : module.getPublishedEvents()) {
				assertThat(canvas).content()
					.as("%s lists %s", canvas, event.getType().getName())
					.contains("`" + abbreviated(module, event.getType().getFullName()) + "`");
			}
		}
		assertThat(DOCS.resolve("module-station.adoc")).content()
			.contains("|Published events", "`o.y.s.StationListed`", "`o.y.s.StationDelisted`");
		assertThat(DOCS.resolve("module-ticket.adoc")).content()
			.contains("|Published events", "`o.y.t.ProblemReported`", "`o.y.t.TicketResolved`");
	}

	/**
	 * As the Documenter writes a type: the module's base package abbreviated, the rest in
	 * full ({@code o.y.p.security.AccessRefused}).
	 */
	private static String abbreviated(ApplicationModule module, String type) {
		String base = module.getBasePackage().getName();
		StringBuilder abbreviated = new StringBuilder();
		for (String part : base.split("\\.")) {
			abbreviated.append(part.charAt(0)).append('.');
		}
		return abbreviated.append(type.substring(base.length() + 1)).toString();
	}

	@Test
	void sortsOnlyTheRunsOfListLines() {
		assertThat(sortRuns(List.of("a", "Rel(b)", "Rel(a)", "x", "* `d`", "* `c`"))).containsExactly("a", "Rel(a)",
				"Rel(b)", "x", "* `c`", "* `d`");
		// In a table cell the first item carries the cell's bar; it stays first in place.
		assertThat(sortRuns(List.of("|Events", "|* `b` ", "* `c` ", "* `a` ", "|==="))).containsExactly("|Events",
				"|* `a` ", "* `b` ", "* `c` ", "|===");
	}

	@Test
	void sortsItemsWithTheirContinuationsAndSubItems() {
		assertThat(sortRuns(List.of("|Published events", "|* `b` -- made by:", "** `y`", "** `x`", "* `a` -- said", "+",
				"more about a", "", "|Events listened to")))
			.containsExactly("|Published events", "|* `a` -- said", "+", "more about a", "* `b` -- made by:", "** `x`",
					"** `y`", "", "|Events listened to");
		// A blank line or a section heading ends a run: sections keep their order.
		assertThat(sortRuns(List.of("_Services_", "", "* `z`", "", "_Others_", "", "* `b`", "* `a`")))
			.containsExactly("_Services_", "", "* `z`", "", "_Others_", "", "* `a`", "* `b`");
	}

	/**
	 * The Documenter lists relations, components and events in no fixed order, and the
	 * places that publish an event under it; sorting each run of list items (an item with
	 * its continuation lines and sub-items) and each run of sub-items keeps the committed
	 * diagrams unchanged until the modules change.
	 */
	static List<String> sortRuns(List<String> lines) {
		List<String> sorted = new ArrayList<>();
		int at = 0;
		while (at < lines.size()) {
			if (!isListLine(lines.get(at))) {
				sorted.add(lines.get(at++));
				continue;
			}
			List<List<String>> items = new ArrayList<>();
			while (at < lines.size() && isListLine(lines.get(at))) {
				List<String> item = new ArrayList<>();
				item.add(lines.get(at++));
				while (!item.get(0).startsWith("Rel(") && at < lines.size() && isContinuation(lines.get(at))) {
					item.add(lines.get(at++));
				}
				items.add(item);
			}
			boolean inCell = items.get(0).get(0).startsWith("|");
			if (inCell) {
				items.get(0).set(0, items.get(0).get(0).substring(1));
			}
			items.forEach(ModularityTests::sortSubItems);
			items.sort(Comparator.comparing((List<String> item) -> item.get(0)));
			if (inCell) {
				items.get(0).set(0, "|" + items.get(0).get(0));
			}
			items.forEach(sorted::addAll);
		}
		return sorted;
	}

	private static void sortSubItems(List<String> item) {
		int start = 0;
		while (start < item.size()) {
			int end = start;
			while (end < item.size() && item.get(end).startsWith("** `")) {
				end++;
			}
			if (end > start) {
				Collections.sort(item.subList(start, end));
				start = end;
			}
			else {
				start++;
			}
		}
	}

	private static boolean isListLine(String line) {
		return line.startsWith("Rel(") || line.startsWith("* `") || line.startsWith("|* `");
	}

	/**
	 * A line that belongs to the list item above it: its text after a {@code +}, a
	 * sub-item.
	 */
	private static boolean isContinuation(String line) {
		return !line.isEmpty() && !isListLine(line) && !line.startsWith("|") && !line.startsWith("_");
	}

	/**
	 * What the main code hands to {@code publishEvent}, read from its bytecode. An
	 * argument built in place ({@code publishEvent(new Audited(...))}) is the constructor
	 * call right before the publishing call. A call that publishes what another method
	 * built (a method reference over a list of events) is named in {@link #FROM_LISTS}
	 * with the method that builds them; each type that method constructs counts as
	 * published.
	 */
	record PublishedTypes(Set<String> inPlace, Set<String> fromLists, Map<String, Set<String>> constructedBy) {

		/** A call publishing a list of events, and the method that builds the list. */
		static final Map<String, String> FROM_LISTS = Map.of("org.yizhan.station.StationRegistry.save",
				"org.yizhan.station.Station.drainEvents");

		Set<String> all() {
			Set<String> all = new TreeSet<>(inPlace);
			for (String call : fromLists) {
				String builder = FROM_LISTS.get(call);
				if (builder != null) {
					assertThat(constructedBy).as("constructor calls of " + builder).containsKey(builder);
					all.addAll(constructedBy.get(builder));
				}
			}
			return all;
		}

		static PublishedTypes scan() {
			PublishedTypes found = new PublishedTypes(new TreeSet<>(), new TreeSet<>(), new HashMap<>());
			try (Stream<Path> files = Files.walk(mainClasses())) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".class")).toList()) {
					try (InputStream in = Files.newInputStream(file)) {
						new ClassReader(in).accept(found.new Scanner(), ClassReader.SKIP_FRAMES);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return found;
		}

		private static Path mainClasses() {
			try {
				return Path.of(YizhanApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			}
			catch (URISyntaxException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private final class Scanner extends ClassVisitor {

			private String owner;

			Scanner() {
				super(SpringAsmInfo.ASM_VERSION);
			}

			@Override
			public void visit(int version, int access, String name, String signature, String superName,
					String[] interfaces) {
				this.owner = name.replace('/', '.');
			}

			@Override
			public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
					String[] exceptions) {
				String method = owner + "." + name;
				return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {

					private String justConstructed;

					@Override
					public void visitMethodInsn(int opcode, String type, String called, String calledDescriptor,
							boolean isInterface) {
						if (called.equals("publishEvent")) {
							if (justConstructed != null) {
								inPlace.add(justConstructed);
							}
							else {
								fromLists.add(method);
							}
						}
						justConstructed = null;
						if (opcode == Opcodes.INVOKESPECIAL && called.equals("<init>")) {
							String constructed = type.replace('/', '.');
							justConstructed = constructed;
							if (!constructed.startsWith("java.")) {
								constructedBy.computeIfAbsent(method, (m) -> new TreeSet<>()).add(constructed);
							}
						}
					}

					@Override
					public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
							Object... arguments) {
						for (Object argument : arguments) {
							if (argument instanceof Handle handle && handle.getName().equals("publishEvent")) {
								fromLists.add(method);
							}
						}
						justConstructed = null;
					}

					@Override
					public void visitInsn(int opcode) {
						justConstructed = null;
					}

					@Override
					public void visitIntInsn(int opcode, int operand) {
						justConstructed = null;
					}

					@Override
					public void visitVarInsn(int opcode, int var) {
						justConstructed = null;
					}

					@Override
					public void visitTypeInsn(int opcode, String type) {
						justConstructed = null;
					}

					@Override
					public void visitFieldInsn(int opcode, String type, String name, String descriptor) {
						justConstructed = null;
					}

					@Override
					public void visitJumpInsn(int opcode, Label label) {
						justConstructed = null;
					}

					@Override
					public void visitLdcInsn(Object value) {
						justConstructed = null;
					}

					@Override
					public void visitIincInsn(int var, int increment) {
						justConstructed = null;
					}

					@Override
					public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
						justConstructed = null;
					}

					@Override
					public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
						justConstructed = null;
					}

					@Override
					public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
						justConstructed = null;
					}

				};
			}

		}

	}

}
