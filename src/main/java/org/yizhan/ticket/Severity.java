package org.yizhan.ticket;

import org.yizhan.station.Labelled;

/**
 * How serious a problem staff, a station or an inspection found is: it sets the case's
 * deadline ({@code yizhan.rating.tickets.severity-deadlines.<SEVERITY>}; an inspection's
 * general finding has a month, as Qingdao's 回头看 campaigns give). A worker's QR report has
 * no severity: its problem type sets its deadline.
 */
public enum Severity implements Labelled {

	URGENT("紧急", "Urgent"), SERIOUS("较重", "Serious"), GENERAL("一般", "General");

	private final Label label;

	Severity(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
