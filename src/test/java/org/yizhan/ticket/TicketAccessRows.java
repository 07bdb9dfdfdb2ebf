package org.yizhan.ticket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.yizhan.station.StationId;
import org.yizhan.station.StationTokens;
import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;
import org.yizhan.support.access.Cell;

import static org.yizhan.support.access.AccessFixture.*;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * Problem tickets' rows of the access matrix: reporting and a ticket's status by its
 * number are public; staff read the tickets of the stations they see (and of the chains
 * naming them); the holder, those above it in the chain and union admins over the station
 * resolve.
 */
final class TicketAccessRows implements AccessRows {

	/** The holder (station master), the liaison above it and admins resolve. */
	static final String TICKET_RESOLVERS = "UAFFFFAAFF";

	/**
	 * Union admins and inspectors open cases as union staff, station masters record their
	 * own station's self-check.
	 */
	static final String CASE_OPENERS = "UAFAFFAFFF";

	/** The same on a foreign station: those who may open cases do not see it. */
	static final String CASE_OPENERS_FOREIGN = "UNFNFFNFFF";

	/** Inspectors and union admins over the station re-check; nobody on its side. */
	static final String RECHECKERS = "UAFAFFFFFF";

	private Rectifications rectifications;

	/**
	 * An inspection's open case, rectified and waiting for its re-check, per district.
	 */
	private final Map<Boolean, String> inspectionCases = new HashMap<>();

	private final Map<Boolean, String> rectifiedCases = new HashMap<>();

	private AccessFixture fixture;

	private StationTokens stationTokens;

	private ProblemTickets problemTickets;

	private final Map<Boolean, Long> ticketStations = new HashMap<>();

	private final Map<Boolean, String> openTickets = new HashMap<>();

	private final Map<Boolean, String> photoTickets = new HashMap<>();

	/** A second open ticket of the same station and problem, to merge into. */
	private final Map<Boolean, String> twinTickets = new HashMap<>();

	/**
	 * A listed station per district with tickets: an open one to read, a resolved one
	 * with a photo. The own station's chain names the matrix's station master and
	 * liaison.
	 */
	@Override
	public void prepare(AccessFixture fixture) {
		this.fixture = fixture;
		this.stationTokens = fixture.bean(StationTokens.class);
		this.problemTickets = fixture.bean(ProblemTickets.class);
		this.rectifications = fixture.bean(Rectifications.class);
		for (boolean foreign : new boolean[] { false, true }) {
			long station = fixture.station(foreign ? FOREIGN : OWN, "LISTED");
			this.ticketStations.put(foreign, station);
			if (!foreign) {
				ok(fixture.admin()
					.send("PUT", "/api/v1/stations/" + station + "/responsibility", "application/json",
							q("{'stationMaster':" + accountId("STATION_MASTER") + ",'liaison':" + accountId("LIAISON")
									+ "}"),
							null));
			}
			this.openTickets.put(foreign, report(station, "MISSING_SUPPLIES"));
			this.twinTickets.put(foreign, report(station, "MISSING_SUPPLIES"));
			String withPhoto = report(station, "BROKEN_FACILITY");
			ok(fixture.admin()
				.postFile("/api/v1/tickets/" + withPhoto + "/resolve?note=%E7%9F%A9%E9%98%B5", "photo", "p.jpg",
						fixture.photo(), null));
			this.photoTickets.put(foreign, withPhoto);
			this.inspectionCases.put(foreign, inspectionCase(station));
			this.rectifiedCases.put(foreign, rectifiedCase(station));
		}
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		// problem tickets (rating, tickets slice): reporting and a ticket's status by its
		// number are public; staff read the tickets of the stations they see (and of the
		// chains naming them); the holder, those above it in the chain and union admins
		// over the station resolve. The own station's chain names the matrix's station
		// master and liaison, so fresh tickets go to the station master.
		rows.add(api("POST", "/api/v1/problems",
				c -> c.json("POST", "/api/v1/problems", q(
						"{'token':'" + this.stationTokens.issue(ticketStation(c)) + "','problem':'MISSING_SUPPLIES'}")),
				PUBLIC, PUBLIC));
		rows.add(api("GET", "/api/v1/problems/{number}", c -> c.get("/api/v1/problems/" + openTicket(c)), PUBLIC,
				PUBLIC));
		rows.add(page("GET", "/p/{number}", c -> c.get("/p/" + openTicket(c)), PUBLIC, PUBLIC));
		rows.add(page("GET", "/p", c -> c.get("/p?number=" + openTicket(c)), PUBLIC, PUBLIC));
		rows.add(api("GET", "/api/v1/tickets", c -> c.get("/api/v1/tickets?state=all&size=200&org=" + c.district()),
				SIGNED_IN, SIGNED_IN)
			.leaks(this::foreignTickets));
		rows.add(api("GET", "/api/v1/tickets/{number}", c -> c.get("/api/v1/tickets/" + openTicket(c)), SIGNED_IN,
				HIDDEN));
		rows.add(api("POST", "/api/v1/tickets/{number}/resolve",
				c -> c.json("POST", "/api/v1/tickets/" + freshTicket(c) + "/resolve", q("{'note':'矩阵办结'}")),
				TICKET_RESOLVERS, HIDDEN));
		// merging closes the merged ticket, so whoever may resolve it may merge it
		rows.add(api("POST", "/api/v1/tickets/{number}/merge-into/{other}",
				c -> c.json("POST", "/api/v1/tickets/" + freshTicket(c) + "/merge-into/" + twinTicket(c), "{}"),
				TICKET_RESOLVERS, HIDDEN));
		rows.add(api("GET", "/api/v1/tickets/{number}/photo",
				c -> c.get("/api/v1/tickets/" + photoTicket(c) + "/photo?thumbnail=true"), SIGNED_IN, HIDDEN));
		rows.add(
				page("GET", "/console/tickets", c -> c.get("/console/tickets?view=scope&state=all&org=" + c.district()),
						SIGNED_IN, SIGNED_IN)
					.leaks(this::foreignTickets));
		rows.add(page("GET", "/console/tickets/{number}", c -> c.get("/console/tickets/" + openTicket(c)), SIGNED_IN,
				HIDDEN));
		rows.add(page("POST", "/console/tickets/{number}/resolve",
				c -> c.form("/console/tickets/" + freshTicket(c) + "/resolve", Map.of("note", "矩阵办结")),
				TICKET_RESOLVERS, HIDDEN));
		rows.add(page("POST", "/console/tickets/{number}/merge-into/{other}",
				c -> c.form("/console/tickets/" + freshTicket(c) + "/merge-into/" + twinTicket(c), Map.of()),
				TICKET_RESOLVERS, HIDDEN));
		rows.add(page("GET", "/console/tickets/{number}/photo",
				c -> c.get("/console/tickets/" + photoTicket(c) + "/photo"), SIGNED_IN, HIDDEN));
		rows.add(page("GET", "/console/stations/{id}/tickets",
				c -> c.get("/console/stations/" + ticketStation(c).value() + "/tickets"), SIGNED_IN, HIDDEN)
			.leaks(this::foreignTickets));
		// one rectification flow for every source: union staff and station masters open
		// cases; an inspection's case is rectified by those who may resolve it and
		// re-checked by inspectors and union admins; a worker reopens their resolved case
		// by its number, like its status, without an account
		rows.add(api("POST", "/api/v1/tickets", c -> c.json("POST", "/api/v1/tickets", openJson(c)), CASE_OPENERS,
				CASE_OPENERS_FOREIGN));
		rows.add(page("GET", "/console/tickets/new", c -> c.get("/console/tickets/new?station=" + c.station()),
				CASE_OPENERS, CASE_OPENERS_FOREIGN));
		rows.add(page("POST", "/console/tickets", c -> c.form("/console/tickets", openForm(c)), CASE_OPENERS,
				CASE_OPENERS_FOREIGN));
		rows.add(api("POST", "/api/v1/tickets/{number}/rectify",
				c -> c.caller.postFile(
						"/api/v1/tickets/" + freshInspectionCase(c) + "/rectify?note=%E5%B7%B2%E6%95%B4%E6%94%B9",
						"photo", "after.jpg", this.fixture.photo(), null),
				TICKET_RESOLVERS, HIDDEN));
		rows.add(page("POST", "/console/tickets/{number}/rectify",
				c -> c.caller.postFile(
						"/console/tickets/" + freshInspectionCase(c) + "/rectify?note=%E5%B7%B2%E6%95%B4%E6%94%B9",
						"photo", "after.jpg", this.fixture.photo(), null),
				TICKET_RESOLVERS, HIDDEN));
		rows.add(api("POST", "/api/v1/tickets/{number}/recheck",
				c -> c.json("POST", "/api/v1/tickets/" + freshRectifiedCase(c) + "/recheck", q("{'passed':true}")),
				RECHECKERS, HIDDEN));
		rows.add(page("POST", "/console/tickets/{number}/recheck",
				c -> c.form("/console/tickets/" + freshRectifiedCase(c) + "/recheck", Map.of("passed", "true")),
				RECHECKERS, HIDDEN));
		rows.add(api("POST", "/api/v1/problems/{number}/reopen",
				c -> c.json("POST", "/api/v1/problems/" + resolvedReport(c) + "/reopen", q("{'reason':'矩阵'}")), PUBLIC,
				PUBLIC));
		rows.add(page("POST", "/p/{number}/reopen",
				c -> c.form("/p/" + resolvedReport(c) + "/reopen", Map.of("reason", "矩阵")), PUBLIC, PUBLIC));
		return rows;
	}

	private String openJson(Cell cell) {
		boolean station = cell.role.equals("STATION_MASTER") || cell.role.equals("LIAISON");
		return q("{'station':'" + cell.station() + "','source':'" + (station ? "SELF_CHECK" : "STAFF")
				+ "','problem':'OTHER','severity':'GENERAL','description':'矩阵受理'}");
	}

	private Map<String, String> openForm(Cell cell) {
		boolean station = cell.role.equals("STATION_MASTER") || cell.role.equals("LIAISON");
		return Map.of("station", Long.toString(cell.station()), "source", station ? "SELF_CHECK" : "STAFF", "problem",
				"OTHER", "severity", "GENERAL", "description", "矩阵受理");
	}

	/** An inspection's open case; the foreign one is never rectified if all is well. */
	private String freshInspectionCase(Cell cell) {
		return cell.foreign ? this.inspectionCases.get(true) : inspectionCase(this.ticketStations.get(false));
	}

	/** A rectified case; the foreign one is never re-checked if all is well. */
	private String freshRectifiedCase(Cell cell) {
		return cell.foreign ? this.rectifiedCases.get(true) : rectifiedCase(this.ticketStations.get(false));
	}

	private String inspectionCase(long station) {
		return this.rectifications
			.openFromInspection(new Rectifications.InspectionFinding(StationId.of(station), "MX-1", "矩阵检查项", null, null,
					null, null, "矩阵"))
			.value();
	}

	private String rectifiedCase(long station) {
		String number = inspectionCase(station);
		ok(this.fixture.admin()
			.postFile("/api/v1/tickets/" + number + "/rectify?note=%E5%B7%B2%E6%95%B4%E6%94%B9", "photo", "p.jpg",
					this.fixture.photo(), null));
		return number;
	}

	/**
	 * A worker's report resolved just now, in either district: a reopening changes it, so
	 * every cell has its own.
	 */
	/**
	 * A resolved report to reopen. Every cell reopens from this machine's address, and
	 * the reopen rows alone ask more than the hour's allowance of reopenings and, on a
	 * quiet machine, the minute's of status look-ups (the page shows the case again): the
	 * matrix asks who may reopen, not how often (both are shared limits like the
	 * reports', whose refusals ProblemReportApiTests checks), so each cell starts with
	 * the address's reopenings and look-ups full.
	 */
	private String resolvedReport(Cell cell) {
		this.fixture.jdbc()
			.sql("delete from rate_limit_bucket where id like 'ticket-reopen:%' or id like 'ticket-lookup:%'")
			.update();
		String number = report(this.ticketStations.get(cell.foreign), "MISSING_SUPPLIES");
		ok(this.fixture.admin()
			.send("POST", "/api/v1/tickets/" + number + "/resolve", "application/json", q("{'note':'矩阵办结'}"), null));
		return number;
	}

	private StationId ticketStation(Cell cell) {
		return StationId.of(this.ticketStations.get(cell.foreign));
	}

	private String openTicket(Cell cell) {
		return this.openTickets.get(cell.foreign);
	}

	private String twinTicket(Cell cell) {
		return this.twinTickets.get(cell.foreign);
	}

	private String photoTicket(Cell cell) {
		return this.photoTickets.get(cell.foreign);
	}

	/**
	 * A new open ticket for a resolve cell; the foreign one is never resolved if all is
	 * well.
	 */
	private String freshTicket(Cell cell) {
		return cell.foreign ? this.openTickets.get(true) : report(this.ticketStations.get(false), "MISSING_SUPPLIES");
	}

	private String report(long station, String problem) {
		return this.problemTickets
			.report(new ProblemTickets.Report(this.stationTokens.issue(StationId.of(station)), problem, null, null))
			.ticket()
			.number()
			.value();
	}

	private long accountId(String role) {
		return JsonPath.parse(ok(this.fixture.basic(role).get("/api/v1/me"))).read("$.id", Long.class);
	}

	private List<String> foreignTickets() {
		return List.of(this.openTickets.get(true), this.photoTickets.get(true), this.twinTickets.get(true));
	}

}
