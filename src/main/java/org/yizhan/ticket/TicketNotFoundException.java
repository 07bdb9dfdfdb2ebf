package org.yizhan.ticket;

import org.yizhan.platform.NotFoundException;

/**
 * No ticket has the number given, or none the caller may see: outside the caller's scope
 * a ticket does not exist for it.
 */
public class TicketNotFoundException extends NotFoundException {

	public TicketNotFoundException(String number) {
		super("ticket.notFound", number);
	}

}
