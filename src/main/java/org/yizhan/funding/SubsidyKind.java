package org.yizhan.funding;

/**
 * The kinds of subsidy the seeds describe (seed 002): Shanxi's construction subsidy per
 * new station that passes acceptance, Taiyuan's monthly upkeep per listed station and its
 * grant to an enterprise that builds its own station.
 */
public enum SubsidyKind {

	/** Once per new station, in the month it is first listed (accepted). */
	CONSTRUCTION(true),

	/**
	 * Per station and month listed from the first day to the last; not for a month it was
	 * suspended, silent or had an overdue rectification case.
	 */
	UPKEEP(false),

	/**
	 * Once per station an enterprise built itself (its approved application said
	 * {@code SELF_BUILT}), to that enterprise, in the month the station is first listed.
	 */
	SELF_BUILT(true);

	private final boolean oneOff;

	SubsidyKind(boolean oneOff) {
		this.oneOff = oneOff;
	}

	public boolean oneOff() {
		return this.oneOff;
	}

}
