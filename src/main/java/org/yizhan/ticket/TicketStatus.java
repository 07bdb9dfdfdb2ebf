package org.yizhan.ticket;

import org.yizhan.station.Labelled;

/** Whether a ticket still waits for someone, as its reporter and the console see it. */
public enum TicketStatus implements Labelled {

	OPEN("处理中", "Being handled"), RESOLVED("已解决", "Resolved");

	private final Label label;

	TicketStatus(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return label;
	}

}
