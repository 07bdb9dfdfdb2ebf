package org.yizhan.grading;

/**
 * A union's nominations of a year against its quota: {@code quota} is {@code null} while
 * the union above set none (nothing may be nominated then), {@code used} counts the
 * pending and accepted ones (a declined one gives its place back).
 */
public record NominationQuota(String unionCode, String unionName, int year, Integer quota, int used) {

	/** The places still free, never below 0. */
	public int left() {
		return this.quota == null ? 0 : Math.max(0, this.quota - this.used);
	}

}
