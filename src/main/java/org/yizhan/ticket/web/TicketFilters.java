package org.yizhan.ticket.web;

import java.util.List;

import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.RequestValues;
import org.yizhan.ticket.ProblemType;
import org.yizhan.ticket.TicketQuery;
import org.yizhan.ticket.TicketSource;
import org.yizhan.station.StationId;

/**
 * A ticket list's filters as they come from the query string.
 *
 * @param view {@code mine} or {@code scope}
 * @param state {@code open}, {@code overdue}, {@code resolved} or {@code all}
 * @param org a union code: tickets of stations in its subtree
 * @param problem a problem type
 * @param station a station id
 * @param source how the tickets were opened ({@code QR_REPORT}, {@code SELF_CHECK},
 * {@code STAFF}, {@code INSPECTION})
 */
record TicketFilters(String view, String state, String org, String problem, String station, String source) {

	/**
	 * The query; each value that cannot be read is a violation (API) or, with
	 * {@code violations} {@code null}, left out (console).
	 */
	TicketQuery toQuery(OrganizationTree organizations, TicketQuery.View defaultView, List<Violation> violations) {
		List<Violation> found = (violations != null) ? violations : new java.util.ArrayList<>();
		TicketQuery.View parsedView = blank(this.view) ? defaultView
				: RequestValues.enumValue(TicketQuery.View.class, this.view, "view", found);
		TicketQuery.State parsedState = blank(this.state) ? TicketQuery.State.OPEN
				: RequestValues.enumValue(TicketQuery.State.class, this.state, "state", found);
		ProblemType parsedProblem = blank(this.problem) ? null
				: RequestValues.enumValue(ProblemType.class, this.problem, "problem", found);
		TicketSource parsedSource = blank(this.source) ? null
				: RequestValues.enumValue(TicketSource.class, this.source.strip(), "source", found);
		String path = null;
		if (!blank(this.org)) {
			path = organizations.findByCode(this.org.strip()).map(Organization::path).orElse(null);
			if (path == null) {
				found.add(Violation.of("org", "ticket.unknownOrganization", this.org.strip()));
			}
		}
		StationId parsedStation = null;
		if (!blank(this.station)) {
			try {
				parsedStation = StationId.of(Long.parseLong(this.station.strip()));
			}
			catch (NumberFormatException ex) {
				found.add(Violation.of("station", "validation.type"));
			}
		}
		return new TicketQuery((parsedView != null) ? parsedView : defaultView,
				(parsedState != null) ? parsedState : TicketQuery.State.OPEN, path, parsedProblem, parsedStation,
				parsedSource);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
