package org.yizhan.station;

/**
 * The levels of a station's responsibility chain a problem ticket climbs, lowest first
 * (Qingdao's 站长 → 联络员 → 总站长 → 督导工会). The first three are people, the last a union, which
 * is always there: the one the chain names, or the station's district union. Below them,
 * a station run by an operator under a contract in force has the operator's contact
 * ({@link StationOperators}); a station without one has no such level at all.
 */
public enum ResponsibleLevel implements Labelled {

	OPERATOR("运营方", "Operator"), STATION_MASTER("站长", "Station master"), LIAISON("联络员", "Liaison"),
	GENERAL_STATION_MASTER("总站长", "General station master"), SUPERVISING_UNION("督导工会", "Supervising union");

	private final Label label;

	ResponsibleLevel(String labelZh, String labelEn) {
		this.label = new Label(labelZh, labelEn);
	}

	@Override
	public Label label() {
		return label;
	}

	/** Whether this is the top of the chain, above which a ticket cannot climb. */
	public boolean isTop() {
		return this == SUPERVISING_UNION;
	}

}
