package org.yizhan.onboarding;

import java.util.List;

/** One page of the selection list. */
public record ScoredPage(List<ScoredApplication> content, int page, int size, long totalElements) {

	public int totalPages() {
		return (int) ((this.totalElements + this.size - 1) / this.size);
	}

}
