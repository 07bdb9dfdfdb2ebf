package org.yizhan.platform;

import java.util.List;

/**
 * The page and size a caller asks of a list, checked the same way by every list of the
 * API and the console: pages count from 0, a size runs from 1 to the list's own maximum.
 * Offsets are {@code long}: {@code page × size} of two valid {@code int}s can pass
 * {@link Integer#MAX_VALUE}, and a wrapped, negative offset is an error of the database.
 */
public final class Paging {

	private Paging() {
	}

	/**
	 * Adds a violation for each of {@code page} and {@code size} that is out of range.
	 */
	public static void check(int page, int size, int maxSize, List<Violation> violations) {
		if (page < 0) {
			violations.add(Violation.of("page", "validation.range", 0, Integer.MAX_VALUE));
		}
		if (size < 1 || size > maxSize) {
			violations.add(Violation.of("size", "validation.size", maxSize));
		}
	}

	/** The rows to skip before {@code page}, without overflow. */
	public static long offset(int page, int size) {
		return (long) page * size;
	}

}
