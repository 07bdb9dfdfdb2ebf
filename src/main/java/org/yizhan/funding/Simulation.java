package org.yizhan.funding;

import java.util.List;

/**
 * What a rule would have cost over a past year, per union directly below the rule's union
 * (or the union itself for its own districts): the stations and units (station-months for
 * the upkeep, stations for a one-off) it would have paid for.
 */
public record Simulation(String unionCode, SubsidyKind kind, int year, long amountFen, long budgetFen, List<Row> rows) {

	public long totalFen() {
		return this.rows.stream().mapToLong(Row::costFen).sum();
	}

	public long units() {
		return this.rows.stream().mapToLong(Row::units).sum();
	}

	/** One union's share. */
	public record Row(String unionCode, String unionName, long stations, long units, long costFen) {
	}

}
