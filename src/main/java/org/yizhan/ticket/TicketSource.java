package org.yizhan.ticket;

import org.yizhan.station.Labelled;

/**
 * How a case was opened. Every case keeps its source for good: it decides the deadline (a
 * worker's report by its problem type, the others by their severity), who may close it
 * (an inspection's case only after a re-check) and who may reopen it (the worker who
 * reported it).
 */
public enum TicketSource implements Labelled {

	/** A worker's report from a station's QR page, without an account. */
	QR_REPORT("扫码报告", "QR report"),
	/** A station's own self-check: its station master opens a case for the station. */
	SELF_CHECK("驿站自查", "Self-check"),
	/** Union staff in the console, e.g. after a 12351 hotline call. */
	STAFF("工会受理", "Union staff"),
	/**
	 * A failed item of an inspection, through {@link Rectifications#openFromInspection}.
	 */
	INSPECTION("检查发现", "Inspection"),
	/**
	 * A station's own equipment reporting itself out of order (a smart station's door
	 * device that stopped calling in), through {@link Rectifications#openFromDevice}.
	 */
	DEVICE("设备告警", "Device alert");

	private final Label label;

	TicketSource(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return this.label;
	}

	/** Whether a worker reported it, who may then reopen it from its status page. */
	public boolean reportedByWorker() {
		return this == QR_REPORT || this == STAFF;
	}

}
