package org.yizhan.support.access;

import java.util.Comparator;
import java.util.List;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * One module's rows of the access matrix ({@code AccessMatrixTests}): the expected answer
 * of each of its handlers to every role, on an object of the caller's own district and on
 * one of a foreign district. A module keeps its rows in its own test package, in a class
 * implementing this interface (package-private is fine); the matrix finds every such
 * class on the test class path, so a new module adds its rows without editing the matrix,
 * and a handler no module's rows know still fails the build.
 */
public interface AccessRows {

	/**
	 * Objects the rows need beyond the shared fixture (a ticket to read, a held rating),
	 * made once before any cell runs.
	 */
	default void prepare(AccessFixture fixture) {
	}

	/** The rows, in the order their cells run. */
	List<AccessRow> rows(AccessFixture fixture);

	/**
	 * Every implementation on the class path under {@code org.yizhan}, one instance each,
	 * ordered by class name so that a run is repeatable.
	 */
	static List<AccessRows> discover() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(AccessRows.class));
		return scanner.findCandidateComponents("org.yizhan")
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.sorted(Comparator.naturalOrder())
			.map(AccessRows::instantiate)
			.toList();
	}

	private static AccessRows instantiate(String className) {
		try {
			Class<?> type = ClassUtils.forName(className, AccessRows.class.getClassLoader());
			return (AccessRows) BeanUtils.instantiateClass(type.getDeclaredConstructor());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(className + " needs a constructor without arguments", ex);
		}
	}

}
