package org.yizhan.organization.audit;

import java.util.List;

public record AuditPage(List<AuditEntry> content, int page, int size, long totalElements) {

	public int totalPages() {
		return (int) ((totalElements + size - 1) / size);
	}

}
