package org.yizhan.supervision;

import java.util.List;

/** One page of cases. */
public record SilentCasePage(List<SilentCase> content, int page, int size, long totalElements) {

	public int totalPages() {
		return (int) ((totalElements + size - 1) / size);
	}

}
