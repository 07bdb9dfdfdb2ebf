package org.yizhan.station;

import java.util.List;

/**
 * One page of a station list.
 *
 * @param page zero-based page number
 * @param totalElements how many stations match the query on all pages
 */
public record StationPage(List<Station> content, int page, int size, long totalElements) {

	public int totalPages() {
		return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
	}

}
