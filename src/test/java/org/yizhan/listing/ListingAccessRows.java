package org.yizhan.listing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * The listing module's rows of the access matrix: a report of a station's listing is
 * public, own district or foreign alike (a worker needs no account and no QR code); each
 * cell reports with a phone of its own, so no cell is answered as a repeat of another.
 * The union's figures of its listings are its own staff's, as its dashboard is.
 */
final class ListingAccessRows implements AccessRows {

	private StationTokens tokens;

	@Override
	public void prepare(AccessFixture fixture) {
		this.tokens = fixture.bean(StationTokens.class);
	}

	private String token(Cell c) {
		return this.tokens.issue(StationId.of(c.station()));
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		rows.add(api("POST", "/api/v1/stations/{id}/listing-reports",
				c -> c.json("POST", "/api/v1/stations/" + c.station() + "/listing-reports",
						q("{'kind':'WRONG_HOURS','deviceId':'matrix-listing-" + f.serial() + "-0000'}")),
				PUBLIC, PUBLIC));
		rows.add(page("GET", "/stations/{id}/report", c -> c.get("/stations/" + c.station() + "/report"), PUBLIC,
				PUBLIC));
		// the page gives the phone its device cookie; the form posts with it
		rows.add(page("POST", "/stations/{id}/report", c -> {
			c.get("/stations/" + c.station() + "/report");
			return c.form("/stations/" + c.station() + "/report", Map.of("kind", "WRONG_FACILITIES"));
		}, PUBLIC, PUBLIC));
		// the question after a rating: public through the station's QR token, each cell a
		// phone of its own
		rows.add(api("GET", "/api/v1/listing-prompts", c -> c
			.get("/api/v1/listing-prompts?token=" + token(c) + "&deviceId=matrix-prompt-" + f.serial() + "-0000"),
				PUBLIC, PUBLIC));
		rows.add(api("POST", "/api/v1/listing-prompts",
				c -> c.json("POST", "/api/v1/listing-prompts", q("{'token':'" + token(c)
						+ "','deviceId':'matrix-prompt-" + f.serial() + "-0001','question':'HOURS','agrees':true}")),
				PUBLIC, PUBLIC));
		// the union's figures of its listings, like its dashboard: its own staff's, a
		// foreign
		// union hidden, the station side refused
		rows.add(page("GET", "/console/listing/figures", c -> c.get("/console/listing/figures?org=" + c.district()),
				SUBTREE_READERS, "UNNNNNFFFN")
			.leaks(f::foreignMarkers));
		rows.add(page("GET", "/console/listing/figures.xlsx",
				c -> c.get("/console/listing/figures.xlsx?org=" + c.district()), SUBTREE_READERS, "UNNNNNFFFN"));
		rows.add(api("GET", "/api/v1/listing-figures", c -> c.get("/api/v1/listing-figures?org=" + c.district()),
				SUBTREE_READERS, "UNNNNNFFFN"));
		return rows;
	}

}
