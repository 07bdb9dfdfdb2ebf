package org.yizhan.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;

import static org.yizhan.support.access.AccessFixture.*;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * Supervision's rows of the access matrix: whoever sees a station reads its silent case;
 * its admins decide.
 */
final class SilentStationAccessRows implements AccessRows {

	private AccessFixture fixture;

	@Override
	public void prepare(AccessFixture fixture) {
		this.fixture = fixture;
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		// silent stations (issue 5): whoever sees the station reads its case; its admins
		// decide
		rows.add(api("GET", "/api/v1/silent-stations", c -> {
			silentCase(f.foreignStation());
			return c.get("/api/v1/silent-stations?size=200&org=" + c.district());
		}, SIGNED_IN, SIGNED_IN).leaks(() -> List.of(f.foreignStationCode())));
		rows.add(api("POST", "/api/v1/silent-stations/{id}/downgrade", c -> {
			long station = c.editable("LISTED");
			return c.json("POST", "/api/v1/silent-stations/" + silentCase(station) + "/downgrade",
					q("{'reason':'矩阵无评价'}"), f.ifMatch(station));
		}, ADMIN, HIDDEN));
		rows.add(api("POST", "/api/v1/silent-stations/{id}/delist", c -> {
			long station = c.editable("LISTED");
			return c.json("POST", "/api/v1/silent-stations/" + silentCase(station) + "/delist", q("{'note':'矩阵无评价'}"),
					f.ifMatch(station));
		}, ADMIN, HIDDEN));
		rows.add(
				api("POST", "/api/v1/silent-stations/{id}/exempt",
						c -> c.json("POST", "/api/v1/silent-stations/" + silentCase(c.editable("LISTED")) + "/exempt",
								q("{'reason':'矩阵豁免','exemptUntil':'" + LocalDate.now().plusDays(30) + "'}")),
						ADMIN, HIDDEN));
		rows.add(page("GET", "/console/silent-stations", c -> {
			silentCase(f.foreignStation());
			return c.get("/console/silent-stations?status=ALL&org=" + c.district());
		}, SIGNED_IN, SIGNED_IN).leaks(() -> List.of(f.foreignStationCode())));
		rows.add(page("GET", "/console/stations/{id}/silent", c -> {
			silentCase(c.station());
			return c.get("/console/stations/" + c.station() + "/silent");
		}, SIGNED_IN, HIDDEN));
		rows.add(page("POST", "/console/silent-stations/{id}/downgrade", c -> {
			long station = c.editable("LISTED");
			return c.form("/console/silent-stations/" + silentCase(station) + "/downgrade",
					Map.of("version", f.version(station), "reason", "矩阵无评价"));
		}, ADMIN, HIDDEN));
		rows.add(page("POST", "/console/silent-stations/{id}/delist", c -> {
			long station = c.editable("LISTED");
			return c.form("/console/silent-stations/" + silentCase(station) + "/delist",
					Map.of("version", f.version(station), "note", "矩阵无评价"));
		}, ADMIN, HIDDEN));
		rows.add(page("POST", "/console/silent-stations/{id}/exempt",
				c -> c.form("/console/silent-stations/" + silentCase(c.editable("LISTED")) + "/exempt",
						Map.of("reason", "矩阵豁免", "exemptUntil", LocalDate.now().plusDays(30).toString())),
				ADMIN, HIDDEN));
		return rows;
	}

	/**
	 * The open silent-station case of a station, opened here when it has none: the check
	 * itself is tested with its clock in {@code SilentStationCheckTests}.
	 */
	private long silentCase(long station) {
		JdbcClient jdbc = this.fixture.jdbc();
		return jdbc.sql("select id from silent_station_case where station_id = :station and status = 'OPEN'")
			.param("station", station)
			.query(Long.class)
			.optional()
			.orElseGet(() -> jdbc.sql("""
					insert into silent_station_case (station_id, first_silent_month, last_silent_month, status,
					  opened_at, version)
					values (:station, date '2026-01-01', date '2026-03-01', 'OPEN', now(), 0) returning id
					""").param("station", station).query(Long.class).single());
	}

}
