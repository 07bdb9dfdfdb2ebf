package org.yizhan.rating;

import org.yizhan.station.Labelled;

/**
 * Why a rating was held for review instead of counted: one anomaly rule of the abuse
 * defence each, stored by name in {@code rating.hold_reasons}. The rules look for the two
 * ways the rating loop is gamed: a station master rating their own station to escape the
 * silent-station rule, and a rival flooding a station with bad scores. None of them
 * proves abuse, so a held rating is kept for an admin to release or reject.
 */
public enum HoldReason implements Labelled {

	/**
	 * More ratings on one station within a short window than its workers plausibly give.
	 */
	STATION_BURST("短时间内集中评价", "Burst of ratings on the station"),
	/** One device rating more stations in a day than a worker passes through. */
	DEVICE_SPREAD("同一设备当天评价多个驿站", "One device rating many stations in a day"),
	/** A sudden run of 1★ or of 5★ on a station, against its own recent history. */
	STAR_SPIKE("一星或五星评价骤增", "Sudden spike of 1★ or 5★ ratings"),
	/** Sent while the station's opening hours say it was closed. */
	OUTSIDE_HOURS("非开放时间评价", "Sent outside the opening hours"),
	/** The worker's own location check said they were not within 300 m of the station. */
	FAR_AWAY("位置核验不在驿站附近", "Location check: not near the station"),
	/** The same browser fingerprint behind many device ids on one station in a day. */
	FINGERPRINT_REPEAT("同一浏览器使用多个设备标识", "One browser behind many device ids");

	private final Label label;

	HoldReason(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return label;
	}

}
