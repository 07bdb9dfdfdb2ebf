package org.yizhan.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The message bundles of the application: the platform's {@code messages} and every
 * module's {@code i18n/<module>.properties} (with its {@code _en} translation), found on
 * the class path, so that a module adds its texts without editing any list outside it.
 */
public final class MessageBundles {

	/**
	 * The platform's bundle: problems, validation, shared field labels, sign-in, errors.
	 */
	public static final String PLATFORM = "messages";

	/** Where modules put their bundles: {@code i18n/<module>.properties}, {@code _en}. */
	public static final String MODULES = "classpath*:i18n/*.properties";

	/**
	 * A file name: the base name, then an optional locale ({@code _en}, {@code _zh_CN}).
	 */
	private static final Pattern FILE = Pattern.compile("([a-z][a-z0-9-]*)(?:_[a-z]{2,3}(?:_[A-Z]{2})?)?\\.properties");

	private MessageBundles() {
	}

	/**
	 * The base names to load, the platform's first, then the modules' in alphabetical
	 * order.
	 * @throws IllegalStateException for a file that does not follow the naming rule (it
	 * would otherwise never be loaded)
	 */
	public static List<String> baseNames(ResourcePatternResolver resolver) {
		Set<String> modules = new TreeSet<>();
		try {
			for (Resource resource : resolver.getResources(MODULES)) {
				String name = resource.getFilename();
				Matcher file = FILE.matcher(name == null ? "" : name);
				if (!file.matches()) {
					throw new IllegalStateException("The message bundle i18n/" + name
							+ " is not named i18n/<module>.properties or i18n/<module>_<language>.properties");
				}
				modules.add("i18n/" + file.group(1));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the message bundles " + MODULES, ex);
		}
		List<String> baseNames = new ArrayList<>();
		baseNames.add(PLATFORM);
		baseNames.addAll(modules);
		return baseNames;
	}

}
