package org.yizhan.operations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yizhan.platform.YizhanTime;
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
 * The operations module's rows of the access matrix: a check-in is public (by the
 * station's QR code, own district or foreign alike); whoever sees a station reads its
 * visits; its station master, liaison and host and the union admins over it record its
 * tally; a union's figures are for its own staff (a foreign union is hidden), while the
 * console's visits page shows a station master or host their own stations instead.
 */
final class OperationsAccessRows implements AccessRows {

	/** Who records a station's tally: admins, its station master, liaison and host. */
	static final String TALLY = "UAFFFFAAAF";

	/** A union's figures: its own staff; the others are refused. */
	static final String UNION_STAFF = "UAAAAAFFFA";

	private StationTokens tokens;

	@Override
	public void prepare(AccessFixture fixture) {
		this.tokens = fixture.bean(StationTokens.class);
	}

	private String token(Cell c) {
		return this.tokens.issue(StationId.of(c.station()));
	}

	private static String today() {
		return LocalDate.now(YizhanTime.ZONE).toString();
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		rows.add(api("POST", "/api/v1/check-ins",
				c -> c.json("POST", "/api/v1/check-ins",
						q("{'token':'" + token(c) + "','deviceId':'matrix-device-" + f.serial() + "-0000'}")),
				PUBLIC, PUBLIC));
		// the QR page gives the phone its device cookie; its button posts the form
		rows.add(page("POST", "/v/{token}", c -> {
			String token = token(c);
			c.get("/r/" + token);
			return c.form("/v/" + token, Map.of());
		}, PUBLIC, PUBLIC));
		rows.add(api("GET", "/api/v1/stations/{id}/visits", c -> c.get("/api/v1/stations/" + c.station() + "/visits"),
				SIGNED_IN, HIDDEN));
		rows.add(api("PUT", "/api/v1/stations/{id}/visits/{day}/tally",
				c -> c.json("PUT", "/api/v1/stations/" + c.station() + "/visits/" + today() + "/tally",
						"{\"visits\":3}"),
				TALLY, HIDDEN));
		rows.add(api("GET", "/api/v1/visits", c -> c.get("/api/v1/visits?union=" + c.district()), UNION_STAFF,
				"UNNNNNFFFN")
			.leaks(f::foreignMarkers));
		rows.add(page("GET", "/console/visits", c -> c.get("/console/visits?union=" + c.district()), SIGNED_IN,
				"UNNNNNAAAN")
			.leaks(f::foreignMarkers));
		rows.add(page("GET", "/console/stations/{id}/visits",
				c -> c.get("/console/stations/" + c.station() + "/visits"), SIGNED_IN, HIDDEN));
		rows.add(page("POST", "/console/stations/{id}/visits/tally",
				c -> c.form("/console/stations/" + c.station() + "/visits/tally",
						Map.of("day", today(), "visits", "4")),
				TALLY, HIDDEN));
		return rows;
	}

}
