package org.yizhan.ticket;

import java.util.List;
import java.util.Map;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.station.VisibleStations;

/**
 * The tickets an account may see, as an SQL condition on {@code problem_ticket t} joined
 * with {@code station s}: those of the stations it sees (union roles their subtree,
 * station masters and liaisons their stations), plus those of stations whose
 * responsibility chain names it (a general station master is named without being bound to
 * the stations) and those it holds.
 */
public final class TicketScope {

	private final Actor actor;

	private final VisibleStations stations;

	private final List<Long> namedStations;

	public TicketScope(Actor actor, VisibleStations stations, List<Long> namedStations) {
		this.actor = actor;
		this.stations = stations;
		this.namedStations = List.copyOf(namedStations);
	}

	public Actor actor() {
		return this.actor;
	}

	String condition(Map<String, Object> params) {
		params.put("ticketAccount", this.actor.accountId());
		StringBuilder condition = new StringBuilder("((").append(this.stations.condition(params))
			.append(") or t.assignee_id = :ticketAccount");
		if (!this.namedStations.isEmpty()) {
			params.put("ticketNamed", this.namedStations);
			condition.append(" or t.station_id in (:ticketNamed)");
		}
		return condition.append(')').toString();
	}

	/**
	 * The tickets the account holds: as the person at their level, or, for a union admin,
	 * those its own union holds at the top of the chain.
	 */
	String heldCondition(Map<String, Object> params) {
		params.put("ticketAccount", this.actor.accountId());
		if (!this.actor.holds(Role.ORG_ADMIN)) {
			return "t.assignee_id = :ticketAccount";
		}
		params.put("ticketUnion", this.actor.organizationCode());
		return "(t.assignee_id = :ticketAccount or (t.responsible_level = 'SUPERVISING_UNION'"
				+ " and t.assignee_union_code = :ticketUnion))";
	}

}
