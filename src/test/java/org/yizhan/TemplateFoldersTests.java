package org.yizhan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.yizhan.support.SourceFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module's templates live in {@code templates/<module>/} ({@code console/} for its
 * console pages, {@code mail/} for its mails, public pages directly), and its controllers
 * render only those: adding a module adds a folder and edits no other module's. The
 * platform keeps the shared frame, sign-in and error pages at the top.
 */
class TemplateFoldersTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path MAIN_JAVA = Path.of("src/main/java/org/yizhan");

	/**
	 * The platform's own pages: the layout, sign-in, and the error pages Spring Boot
	 * looks up by status under {@code error/}.
	 */
	private static final Set<String> PLATFORM = Set.of("layout.html", "login.html", "error.html");

	/**
	 * A view name returned or rendered in Java: {@code "ticket/console/tickets"}, with a
	 * fragment or not.
	 */
	private static final Pattern VIEW_NAME = Pattern.compile("\"([a-z]+)/([a-z\\-/]+?)( :: [^\"]+)?\"");

	@Test
	void everyTemplateIsThePlatformsOrSitsInTheFolderOfAModule() {
		Set<String> modules = SourceFiles.modules();
		List<String> misplaced = new ArrayList<>();
		for (Path template : SourceFiles.files(TEMPLATES, ".html")) {
			String name = TEMPLATES.relativize(template).toString().replace('\\', '/');
			if (!PLATFORM.contains(name) && !name.startsWith("error/")
					&& !modules.contains(name.substring(0, Math.max(0, name.indexOf('/'))))) {
				misplaced.add(name);
			}
		}
		assertThat(misplaced).as("templates outside templates/<module>/ (modules: %s)", modules).isEmpty();
	}

	@Test
	void aModuleRendersOnlyItsOwnTemplates() {
		Set<String> modules = SourceFiles.modules();
		List<String> foreign = new ArrayList<>();
		int views = 0;
		for (String module : modules) {
			for (Path source : SourceFiles.files(MAIN_JAVA.resolve(module), ".java")) {
				Matcher view = VIEW_NAME.matcher(SourceFiles.read(source));
				while (view.find()) {
					String folder = view.group(1);
					if (!Files.exists(TEMPLATES.resolve(folder + "/" + view.group(2) + ".html"))) {
						continue; // a path of another kind, not a template
					}
					views++;
					if (!folder.equals(module)) {
						foreign.add(MAIN_JAVA.relativize(source) + " renders " + folder + "/" + view.group(2));
					}
				}
			}
		}
		assertThat(views).as("view names found").isGreaterThan(20);
		assertThat(foreign).isEmpty();
	}

}
