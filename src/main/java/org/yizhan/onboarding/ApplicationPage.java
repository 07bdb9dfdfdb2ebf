package org.yizhan.onboarding;

import java.util.List;

/** One page of the reviewers' list, newest first. */
public record ApplicationPage(List<ApplicationSummary> content, int page, int size, long totalElements) {

	public int totalPages() {
		return (int) ((this.totalElements + this.size - 1) / this.size);
	}

}
