package org.yizhan.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.yizhan.organization.Organization;
import org.yizhan.station.HostType;
import org.yizhan.station.StationLevel;
import org.yizhan.station.StationStatus;

/**
 * A union's figures over its whole subtree, as they stand when read: its stations now,
 * the last twelve months (the current one so far) month by month, its cases and silent
 * stations now, and the same per child union for the drill-down.
 *
 * @param union the union whose subtree is summed
 * @param today the day it was read (Asia/Shanghai)
 * @param stations the stations of the subtree now
 * @param months the last twelve months, oldest first, the current one last
 * @param cases the subtree's cases now
 * @param children the unions directly below with at least one station or figure, in code
 * order (none for a district: its stations are below it directly)
 */
public record Dashboard(Organization union, LocalDate today, StationCounts stations, List<Month> months, Cases cases,
		List<ChildUnion> children) {

	public Dashboard {
		months = List.copyOf(months);
		children = List.copyOf(children);
	}

	/** The figures over the twelve months. */
	public Totals totals() {
		long ratings = 0;
		long stars = 0;
		long satisfied = 0;
		long visits = 0;
		for (Month month : this.months) {
			ratings += month.ratings();
			stars += month.stars();
			satisfied += month.satisfied();
			visits += month.visits();
		}
		return new Totals(ratings, stars, satisfied, visits);
	}

	/**
	 * Stations by what they are. {@code byStatus} counts every station; the other
	 * breakdowns count the listed ones only (上图: what workers can find and use).
	 *
	 * @param total every station of the subtree, drafts and delisted ones included
	 * @param listed the listed ones
	 * @param allDay listed and open 24 hours ({@code 24/7})
	 * @param smart listed with unattended smart entry (智慧驿站)
	 */
	public record StationCounts(long total, long listed, long allDay, long smart, Map<StationStatus, Long> byStatus,
			Map<StationLevel, Long> byLevel, Map<Integer, Long> byStars, Map<HostType, Long> byHostType) {

		public StationCounts {
			byStatus = Map.copyOf(byStatus);
			byLevel = Map.copyOf(byLevel);
			byStars = Map.copyOf(byStars);
			byHostType = Map.copyOf(byHostType);
		}

	}

	/**
	 * One calendar month (Asia/Shanghai).
	 *
	 * @param registered stations of the subtree registered in the month
	 * @param registeredTotal stations of the subtree registered by the month's end
	 * @param ratings counted ratings of the month
	 * @param stars their stars summed
	 * @param satisfied those with 4★ or more
	 * @param visits visits served (a station's day counts the larger of check-ins and
	 * tally)
	 */
	public record Month(YearMonth month, long registered, long registeredTotal, long ratings, long stars,
			long satisfied, long visits) {

		/** Share of counted ratings with 4★ or more; {@code null} without ratings. */
		public Double satisfaction() {
			return (this.ratings == 0) ? null : (double) this.satisfied / this.ratings;
		}

		/** Average stars; {@code null} without ratings. */
		public Double averageStars() {
			return (this.ratings == 0) ? null : (double) this.stars / this.ratings;
		}

	}

	/** Sums over the twelve months. */
	public record Totals(long ratings, long stars, long satisfied, long visits) {

		public Double satisfaction() {
			return (this.ratings == 0) ? null : (double) this.satisfied / this.ratings;
		}

		public Double averageStars() {
			return (this.ratings == 0) ? null : (double) this.stars / this.ratings;
		}

	}

	/**
	 * Cases (problem tickets and rectifications) of the subtree's stations.
	 *
	 * @param open not yet resolved (open, or rectified and waiting for the re-check)
	 * @param overdue open past their deadline
	 * @param closedRecently resolved in the last {@link UnionDashboards#CLOSED_DAYS} days
	 * (merged duplicates not counted)
	 * @param medianHoursToClose the median time from report to resolution of those,
	 * {@code null} without any
	 * @param silent stations with an open silent-station case (no rating for months)
	 */
	public record Cases(long open, long overdue, long closedRecently, Double medianHoursToClose, long silent) {
	}

	/**
	 * A union directly below, with the figures of its own subtree: the drill-down's row.
	 * Ratings and visits are over the same twelve months.
	 */
	public record ChildUnion(String code, String name, long stations, long listed, long allDay, long smart,
			long ratings, long satisfied, long visits, long openCases, long overdueCases, long silent) {

		public Double satisfaction() {
			return (this.ratings == 0) ? null : (double) this.satisfied / this.ratings;
		}

	}

}
