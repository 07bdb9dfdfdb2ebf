package org.yizhan.station;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;

import static org.yizhan.support.access.AccessFixture.*;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * The station registry's rows of the access matrix: its public catalogues, its API and
 * console, scoped in the repository.
 */
final class StationAccessRows implements AccessRows {

	/**
	 * Who keeps a station's details and photos: its union's admins, its station master
	 * and its host's HOST account (the fixture's stations all belong to the fixture's
	 * host). What the union decides (level, stars, district, host, status) stays the
	 * admins': the lifecycle rows are {@code ADMIN}, and a revision that changes it is
	 * refused in {@code station.web.HostStationTests}.
	 */
	static final String KEEPERS = "UAFFFFAFAF";

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		rows.add(api("GET", "/api/v1/amenities", c -> c.get("/api/v1/amenities"), PUBLIC, null));
		rows.add(api("GET", "/api/v1/host-types", c -> c.get("/api/v1/host-types"), PUBLIC, null));

		// station registry API: scoped in the repository
		rows.add(api("GET", "/api/v1/stations", c -> c.get("/api/v1/stations?size=100&org=" + c.district()), SIGNED_IN,
				SIGNED_IN)
			.leaks(() -> List.of(f.foreignStationCode())));
		rows.add(api("GET", "/api/v1/stations/{idOrCode}", c -> c.get("/api/v1/stations/" + c.station()), SIGNED_IN,
				HIDDEN));
		rows.add(api("GET", "/api/v1/stations/{id}/responsibility",
				c -> c.get("/api/v1/stations/" + c.station() + "/responsibility"), SIGNED_IN, HIDDEN));
		rows.add(api("PUT", "/api/v1/stations/{id}/responsibility",
				c -> c.json("PUT", "/api/v1/stations/" + c.station() + "/responsibility", "{}"), ADMIN, HIDDEN));
		rows.add(api("POST", "/api/v1/stations", c -> c.json("POST", "/api/v1/stations", f.stationJson(c.district())),
				ADMIN, NOBODY));
		rows.add(api("PUT", "/api/v1/stations/{id}", c -> {
			long id = c.editable("LISTED");
			return c.json("PUT", "/api/v1/stations/" + id, f.stationJson(c.district()), f.ifMatch(id));
		}, KEEPERS, HIDDEN));
		rows.add(api("POST", "/api/v1/stations/{id}/list", c -> {
			long id = c.managed("DRAFT");
			return c.json("POST", "/api/v1/stations/" + id + "/list", "{}", f.ifMatch(id));
		}, ADMIN, HIDDEN));
		rows.add(api("POST", "/api/v1/stations/{id}/suspend", c -> {
			long id = c.managed("LISTED");
			return c.json("POST", "/api/v1/stations/" + id + "/suspend",
					q("{'reason':'装修','expectedReopening':'" + LocalDate.now().plusMonths(1) + "'}"), f.ifMatch(id));
		}, ADMIN, HIDDEN));
		rows.add(api("POST", "/api/v1/stations/{id}/reopen", c -> {
			long id = c.managed("SUSPENDED");
			return c.json("POST", "/api/v1/stations/" + id + "/reopen", "{}", f.ifMatch(id));
		}, ADMIN, HIDDEN));
		rows.add(api("POST", "/api/v1/stations/{id}/delist", c -> {
			long id = c.managed("LISTED");
			return c.json("POST", "/api/v1/stations/" + id + "/delist", q("{'reason':'CLOSED','note':'矩阵'}"),
					f.ifMatch(id));
		}, ADMIN, HIDDEN));
		rows.add(api("POST", "/api/v1/stations/{id}/photos", c -> {
			long id = c.editable("LISTED");
			return c.caller.postFile("/api/v1/stations/" + id + "/photos", "file", "p.jpg", f.photo(), f.ifMatch(id));
		}, KEEPERS, HIDDEN));
		rows.add(api("GET", "/api/v1/stations/{id}/photos/{photoId}",
				c -> c.get("/api/v1/stations/" + c.station() + "/photos/" + c.photo()), SIGNED_IN, HIDDEN));
		rows.add(api("DELETE", "/api/v1/stations/{id}/photos/{photoId}", c -> {
			long id = c.editable("LISTED");
			long photo = c.foreign ? f.foreignPhoto() : f.addPhoto(id);
			return c.caller.send("DELETE", "/api/v1/stations/" + id + "/photos/" + photo, null, (byte[]) null,
					f.ifMatch(id));
		}, KEEPERS, HIDDEN));

		// station console
		rows.add(page("GET", "/console", c -> c.get("/console"), SIGNED_IN, null));
		rows.add(page("GET", "/console/stations", c -> c.get("/console/stations?org=" + c.district()), SIGNED_IN,
				SIGNED_IN)
			.leaks(() -> List.of(f.foreignStationCode())));
		rows.add(page("GET", "/console/stations/map-data", c -> c.get("/console/stations/map-data"), SIGNED_IN, null)
			.leaks(() -> List.of(f.foreignStationCode(), "\"id\":" + f.foreignStation() + ",")));
		rows.add(page("GET", "/console/stations/{id}", c -> c.get("/console/stations/" + c.station()), SIGNED_IN,
				HIDDEN));
		rows.add(page("GET", "/console/stations/new", c -> c.get("/console/stations/new"), ADMIN, null));
		rows.add(page("POST", "/console/stations/new",
				c -> c.form("/console/stations/new", f.stationForm(c.district())), ADMIN, NOBODY));
		rows.add(page("GET", "/console/stations/{id}/edit", c -> c.get("/console/stations/" + c.station() + "/edit"),
				KEEPERS, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/edit", c -> {
			long id = c.editable("LISTED");
			Map<String, String> form = f.stationForm(c.district());
			form.put("version", f.version(id));
			return c.form("/console/stations/" + id + "/edit", form);
		}, KEEPERS, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/list", c -> {
			long id = c.managed("DRAFT");
			return c.form("/console/stations/" + id + "/list", Map.of("version", f.version(id)));
		}, ADMIN, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/suspend", c -> {
			long id = c.managed("LISTED");
			return c.form("/console/stations/" + id + "/suspend", Map.of("version", f.version(id), "reason", "装修",
					"expectedReopening", LocalDate.now().plusMonths(1).toString()));
		}, ADMIN, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/reopen", c -> {
			long id = c.managed("SUSPENDED");
			return c.form("/console/stations/" + id + "/reopen", Map.of("version", f.version(id)));
		}, ADMIN, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/delist", c -> {
			long id = c.managed("LISTED");
			return c.form("/console/stations/" + id + "/delist",
					Map.of("version", f.version(id), "reason", "CLOSED", "note", "矩阵"));
		}, ADMIN, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/responsibility",
				c -> c.form("/console/stations/" + c.station() + "/responsibility", Map.of()), ADMIN, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/photos", c -> {
			long id = c.editable("LISTED");
			return c.caller.postFile("/console/stations/" + id + "/photos?version=" + f.version(id), "file", "p.jpg",
					f.photo(), null);
		}, KEEPERS, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/photos/{photoId}/delete", c -> {
			long id = c.editable("LISTED");
			long photo = c.foreign ? f.foreignPhoto() : f.addPhoto(id);
			return c.form("/console/stations/" + id + "/photos/" + photo + "/delete", Map.of("version", f.version(id)));
		}, KEEPERS, HIDDEN));
		// truthful listings (issue 20): the freshness section and the one-click
		// confirmation
		rows.add(page("GET", "/console/stations/{id}/freshness",
				c -> c.get("/console/stations/" + c.station() + "/freshness"), SIGNED_IN, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/confirm-listing",
				c -> c.form("/console/stations/" + c.editable("LISTED") + "/confirm-listing", Map.of()), KEEPERS,
				HIDDEN));
		rows.add(page("GET", "/console/stations/{id}/photos/{photoId}",
				c -> c.get("/console/stations/" + c.station() + "/photos/" + c.photo()), SIGNED_IN, HIDDEN));
		return rows;
	}

}
