package org.yizhan.station;

import java.util.Map;

/**
 * The stations the current account may see, as an SQL condition on the {@code station}
 * table aliased {@code s}: for modules whose own tables refer to stations (ratings,
 * tickets, digests) and must answer only within the caller's scope, with the same rule
 * the registry applies to itself ({@link StationScope}).
 *
 * <p>
 * A query joins {@code station s} and adds {@code and} + {@link #condition(Map)}; the
 * named parameters the condition uses are put into the map (their names start with
 * {@code scope}).
 */
public final class VisibleStations {

	private final StationScope scope;

	VisibleStations(StationScope scope) {
		this.scope = scope;
	}

	/** The condition on {@code s}, its parameters added to {@code params}. */
	public String condition(Map<String, Object> params) {
		return this.scope.condition(params);
	}

	/**
	 * Whether the caller sees every station of its organisation's subtree (union roles),
	 * rather than only the stations bound to it or its host's.
	 */
	public boolean wholeSubtree() {
		return this.scope.wholeSubtree();
	}

	/** Whether the caller may manage stations it sees (list, suspend, delist). */
	public boolean mayManage() {
		return this.scope.mayManage();
	}

}
