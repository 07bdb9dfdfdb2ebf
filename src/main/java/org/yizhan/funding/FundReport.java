package org.yizhan.funding;

import java.util.List;

/**
 * The supervision of a union's funds in a year: each rule of its subtree with budget,
 * committed and paid; the money against the stations and the visits they served; what
 * each station received over its life; and the flags: money paid to a station later
 * delisted, or to one never listed.
 */
public record FundReport(String unionCode, String unionName, int year, List<SubsidyRule> rules, long listedStations,
		long paidStations, long paidInYearFen, long visitsInYear, List<StationFunds> stations,
		List<StationFunds> flagged) {

	public long budgetFen() {
		return this.rules.stream().mapToLong(SubsidyRule::budgetFen).sum();
	}

	public long committedFen() {
		return this.rules.stream().mapToLong(SubsidyRule::committedFen).sum();
	}

	public long paidFen() {
		return this.rules.stream().mapToLong(SubsidyRule::paidFen).sum();
	}

	/** Fen paid in the year per visit served in it, or {@code null} without visits. */
	public Long fenPerVisit() {
		return this.visitsInYear == 0 ? null : this.paidInYearFen / this.visitsInYear;
	}

	/** Why a station's money is flagged. */
	public enum Flag {

		/** Paid, then delisted (摘牌) after the first payment. */
		DELISTED_AFTER_PAYMENT,

		/** Paid though the station was never listed. */
		NEVER_LISTED

	}

	/** A station's money over its life and the visits it served. */
	public record StationFunds(long stationId, String code, String name, String status, long paidFen, long payments,
			long visits, Flag flag) {
	}

}
