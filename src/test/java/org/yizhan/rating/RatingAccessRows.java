package org.yizhan.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * The rating module's rows of the access matrix: the QR page and the rating API for
 * everyone; figures, the review queue, QR codes and posters as docs/access.md says.
 */
final class RatingAccessRows implements AccessRows {

	private AccessFixture fixture;

	private long foreignHeldRating;

	@Override
	public void prepare(AccessFixture fixture) {
		this.fixture = fixture;
		this.foreignHeldRating = new RatingRows(fixture.jdbc()).at(fixture.foreignStation())
			.held("STATION_BURST")
			.insert();
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		// rating intake (issue 5): a station's QR page and the rating API are for
		// everyone, without an account, and for the stations of every district alike
		rows.add(page("GET", "/r/{token}", c -> c.get("/r/" + ratingToken(c.station())), PUBLIC, PUBLIC));
		rows.add(api("POST", "/api/v1/ratings", c -> c.json("POST", "/api/v1/ratings", ratingJson(c.station())), PUBLIC,
				PUBLIC));
		// satisfaction figures and the review queue of held ratings (rating.figures):
		// figures for whoever sees the station, a union's for its union roles, the queue
		// and its verdicts for union admins; each verdict cell has a held rating of its
		// own
		rows.add(api("GET", "/api/v1/stations/{id}/figures", c -> c.get("/api/v1/stations/" + c.station() + "/figures"),
				SIGNED_IN, HIDDEN));
		rows.add(api("GET", "/api/v1/organizations/{code}/figures",
				c -> c.get("/api/v1/organizations/" + c.district() + "/figures"), SUBTREE_READERS, HIDDEN));
		rows.add(api("GET", "/api/v1/ratings/held", c -> c.get("/api/v1/ratings/held?size=200&org=" + c.district()),
				ADMIN, ADMIN_HIDDEN)
			.leaks(() -> List.of(f.foreignStationCode())));
		for (String verdict : List.of("release", "reject")) {
			rows.add(api("POST", "/api/v1/ratings/{id}/" + verdict,
					c -> c.json("POST", "/api/v1/ratings/" + heldRating(c) + "/" + verdict, "{}"), ADMIN, HIDDEN));
		}
		rows.add(api("POST", "/api/v1/ratings/review",
				c -> c.json("POST", "/api/v1/ratings/review", q("{'verdict':'RELEASE','ids':[" + heldRating(c) + "]}")),
				ADMIN, HIDDEN));
		rows.add(page("GET", "/console/stations/{id}/figures",
				c -> c.get("/console/stations/" + c.station() + "/figures"), SIGNED_IN, HIDDEN));
		rows.add(page("GET", "/console/figures", c -> c.get("/console/figures?org=" + c.district()), SUBTREE_READERS,
				HIDDEN));
		rows.add(page("GET", "/console/ratings/held", c -> c.get("/console/ratings/held?org=" + c.district()), ADMIN,
				ADMIN_HIDDEN)
			.leaks(() -> List.of(f.foreignStationCode())));
		rows.add(page("POST", "/console/ratings/held/review", c -> c.form("/console/ratings/held/review",
				Map.of("verdict", "RELEASE", "ids", Long.toString(heldRating(c)))), ADMIN, HIDDEN));

		// QR codes and posters (issue 5, rating.qr): printed by the station's union
		// admins
		// and its own station master; the bulk PDF of a district by its admins. The
		// console's QR section shows every reader of the station what they may do.
		rows.add(api("GET", "/api/v1/stations/{id}/qr", c -> c.get("/api/v1/stations/" + c.station() + "/qr"), EDITORS,
				HIDDEN));
		rows.add(api("GET", "/api/v1/stations/{id}/qr.png",
				c -> c.get("/api/v1/stations/" + c.station() + "/qr.png?px=256"), EDITORS, HIDDEN));
		rows.add(api("GET", "/api/v1/stations/{id}/qr.svg", c -> c.get("/api/v1/stations/" + c.station() + "/qr.svg"),
				EDITORS, HIDDEN));
		rows.add(api("GET", "/api/v1/stations/{id}/poster.pdf",
				c -> c.get("/api/v1/stations/" + c.station() + "/poster.pdf"), EDITORS, HIDDEN));
		rows.add(api("GET", "/api/v1/organizations/{code}/posters.pdf",
				c -> c.get("/api/v1/organizations/" + c.district() + "/posters.pdf"), ADMIN, NOBODY));
		rows.add(page("GET", "/console/stations/{id}/qr", c -> c.get("/console/stations/" + c.station() + "/qr"),
				SIGNED_IN, HIDDEN));
		rows.add(page("GET", "/console/stations/{id}/qr.png",
				c -> c.get("/console/stations/" + c.station() + "/qr.png?px=256"), EDITORS, HIDDEN));
		rows.add(page("GET", "/console/stations/{id}/qr.svg",
				c -> c.get("/console/stations/" + c.station() + "/qr.svg"), EDITORS, HIDDEN));
		rows.add(page("GET", "/console/stations/{id}/poster.pdf",
				c -> c.get("/console/stations/" + c.station() + "/poster.pdf?paper=A4"), EDITORS, HIDDEN));
		rows.add(page("GET", "/console/organizations/{code}/posters",
				c -> c.get("/console/organizations/" + c.district() + "/posters"), SIGNED_IN, SIGNED_IN)
			.leaks(() -> List.of("/console/organizations/" + FOREIGN + "/posters.pdf")));
		rows.add(page("GET", "/console/organizations/{code}/posters.pdf",
				c -> c.get("/console/organizations/" + c.district() + "/posters.pdf"), ADMIN, NOBODY));
		return rows;
	}

	/**
	 * A rating held for review: a fresh one of the own station for each own cell, the
	 * foreign station's one (never reviewed if all is well) otherwise.
	 */
	private long heldRating(Cell c) {
		return c.foreign ? this.foreignHeldRating
				: new RatingRows(this.fixture.jdbc()).at(this.fixture.ownStation())
					.held("STATION_BURST")
					.stars(1)
					.insert();
	}

	/**
	 * A rating of a station through its QR token, from a device of its own, so that no
	 * cell is another's repeat or meets the per-device limit.
	 */
	private String ratingJson(long station) {
		return q("{'token':'" + ratingToken(station) + "','stars':4,'tags':['CLEAN'],'deviceId':'matrix-"
				+ UUID.randomUUID().toString().replace("-", "") + "'}");
	}

	private String ratingToken(long station) {
		return this.fixture.bean(StationTokens.class).issue(StationId.of(station));
	}

}
