package org.yizhan.ticket;

import java.util.List;

/** One page of a ticket list; {@code page} counts from 0. */
public record TicketPage(List<ProblemTicket> content, int page, int size, long totalElements) {

	public TicketPage {
		content = List.copyOf(content);
	}

	public int totalPages() {
		return (int) ((this.totalElements + this.size - 1) / this.size);
	}

}
