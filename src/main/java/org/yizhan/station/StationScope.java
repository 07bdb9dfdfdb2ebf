package org.yizhan.station;

import java.util.List;
import java.util.Map;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Assignments;
import org.yizhan.organization.Role;

/**
 * The stations a signed-in account may see, as a condition every query of the registry
 * carries in its SQL, so that no code path can return a station from outside it.
 *
 * <p>
 * Union roles (admins, reviewers, inspectors, finance, auditors, evaluators under
 * contract) see their organisation's whole subtree. Station masters and liaisons see the
 * stations bound to them, hosts the stations of their host, always inside their
 * organisation's subtree too. Any other account sees nothing.
 *
 * @param actor who asks
 * @param wholeSubtree whether the actor sees every station of the subtree
 * @param stationIds the bound stations, when not the whole subtree
 * @param hostName the host's stations, when not the whole subtree ({@code null} for none)
 */
record StationScope(Actor actor, boolean wholeSubtree, List<Long> stationIds, String hostName) {

	StationScope {
		stationIds = List.copyOf(stationIds);
	}

	static StationScope of(Actor actor, Assignments assignments) {
		if (actor.isUnionStaff()) {
			return new StationScope(actor, true, List.of(), null);
		}
		List<Long> bound = (actor.holds(Role.STATION_MASTER) || actor.holds(Role.LIAISON))
				? assignments.stationsOf(actor) : List.of();
		String host = actor.holds(Role.HOST) ? assignments.hostOf(actor).orElse(null) : null;
		return new StationScope(actor, false, bound, host);
	}

	/**
	 * The SQL condition on the station table aliased {@code s}, its parameters put into
	 * {@code params}.
	 */
	String condition(Map<String, Object> params) {
		params.put("scopePath", this.actor.organizationPath());
		String inSubtree = """
				s.district_code in (select code from organization
				  where path = :scopePath or path like :scopePath || '/%')""";
		if (this.wholeSubtree) {
			return inSubtree;
		}
		StringBuilder bound = new StringBuilder("false");
		if (!this.stationIds.isEmpty()) {
			params.put("scopeStations", this.stationIds);
			bound.append(" or s.id in (:scopeStations)");
		}
		if (this.hostName != null) {
			params.put("scopeHost", this.hostName);
			bound.append(" or s.host_name = :scopeHost");
		}
		return inSubtree + " and (" + bound + ")";
	}

	/** Registering, listing, suspending, reopening and delisting: union admins only. */
	boolean mayManage() {
		return this.actor.holds(Role.ORG_ADMIN);
	}

	/**
	 * Revising the details and photos of a station it sees: an admin, the station master
	 * who runs it, or its host's HOST account (both keep hours, facilities, photos and
	 * contact right day to day). What the union decides stays the admin's:
	 * {@link StationRegistry#revise} refuses the others a change of it.
	 */
	boolean mayEdit(Station station) {
		return mayManage() || (this.actor.holds(Role.STATION_MASTER) && this.stationIds.contains(station.id().value()))
				|| isHostOf(station);
	}

	/**
	 * Whether the actor speaks for the station's host: the same name a HOST account's
	 * scope is drawn by, so a host edits exactly the stations it sees as its own (a
	 * liaison bound to the station edits nothing for being a host elsewhere).
	 */
	private boolean isHostOf(Station station) {
		return this.actor.holds(Role.HOST) && this.hostName != null
				&& this.hostName.equals(station.details().hostName());
	}

	/** Whether {@code districtPath}, a district's path, lies in the actor's subtree. */
	boolean covers(String districtPath) {
		return this.actor.sees(districtPath);
	}

}
