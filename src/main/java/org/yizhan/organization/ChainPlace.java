package org.yizhan.organization;

/**
 * The places of a station's responsibility chain an account can be named at from its own
 * form (Qingdao's 站长 → 联络员 → 总站长; the supervising union above them is no account). The
 * station registry keeps the chain; the account form only says where to name the account.
 */
public enum ChainPlace {

	STATION_MASTER(Role.STATION_MASTER), LIAISON(Role.LIAISON), GENERAL_STATION_MASTER(Role.STATION_MASTER);

	private final Role role;

	ChainPlace(Role role) {
		this.role = role;
	}

	/** The role an account must hold to be named at this place. */
	public Role role() {
		return this.role;
	}

}
