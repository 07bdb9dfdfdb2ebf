package org.yizhan.station;

/**
 * The orders a station list can be sorted in; a closed set so that sorting never reaches
 * SQL as client text.
 */
public enum StationSort {

	CODE("s.code"), NAME("s.name"), DISTRICT("s.district_code, s.code"), STATUS("s.status, s.code"),
	STARS("s.stars, s.code"), UPDATED_AT("s.updated_at, s.id");

	final String columns;

	StationSort(String columns) {
		this.columns = columns;
	}

}
