package org.yizhan.ticket;

import org.yizhan.station.Labelled;

/**
 * Whether a ticket still waits for someone, as its reporter and the console see it. Only
 * an inspection's case is ever {@code RECTIFIED}: its station marked it rectified with an
 * "after" photo, and it waits for the re-check (回头看) that closes it or sends it back.
 */
public enum TicketStatus implements Labelled {

	OPEN("处理中", "Being handled"), RECTIFIED("已整改待复查", "Rectified, awaiting re-check"), RESOLVED("已解决", "Resolved");

	private final Label label;

	TicketStatus(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return label;
	}

}
