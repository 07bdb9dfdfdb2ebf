package org.yizhan.reporting;

/**
 * One station's day so far, as its station master sees it on landing (Asia/Shanghai).
 *
 * @param visits visits served today (the larger of check-ins and the tally with door
 * entries, ADR 0023)
 * @param tallyEntered whether today's tally has been entered
 * @param ratings counted ratings today
 * @param averageStars their average, {@code null} without any
 * @param openCases cases not resolved (open, or rectified and awaiting the re-check)
 * @param overdueCases open past their deadline
 * @param lowSupplies supplies at or below their restock threshold
 * @param expiringSupplies supplies expired or expiring within
 * {@link StationDays#EXPIRY_DAYS} days
 * @param doorsOnline door devices heard from within their interval
 * @param doorsSilent door devices gone silent
 */
public record StationDay(long stationId, String code, String name, String status, long visits, boolean tallyEntered,
		long ratings, Double averageStars, long openCases, long overdueCases, long lowSupplies, long expiringSupplies,
		long doorsOnline, long doorsSilent) {

	/** Whether anything on the station asks for the master's attention today. */
	public boolean needsAttention() {
		return this.overdueCases > 0 || this.lowSupplies > 0 || this.expiringSupplies > 0 || this.doorsSilent > 0;
	}

}
