package org.yizhan.onboarding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.geo.GeoPoint;
import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;
import org.yizhan.support.access.Cell;

import static org.yizhan.support.access.AccessFixture.*;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * Onboarding's rows of the access matrix: applying, the form, the hours reading and an
 * application's status by its token are public; union admins and reviewers read the
 * applications and hosts of their subtree (a foreign one does not exist for them, other
 * roles are refused); only union admins register hosts.
 */
final class OnboardingAccessRows implements AccessRows {

	/** Union admins and reviewers read applications and hosts. */
	static final String READERS = "UAAFFFFFFF";

	static final String READERS_HIDDEN = "UNNFFFFFFF";

	private ApplicationFixtures applications;

	private AccessFixture fixture;

	private final Map<Boolean, String> tokens = new HashMap<>();

	private final Map<Boolean, Long> ids = new HashMap<>();

	private final Map<Boolean, Long> hosts = new HashMap<>();

	private final Map<Boolean, String> names = new HashMap<>();

	/** An application with a photo in each district, sent through the use case. */
	@Override
	public void prepare(AccessFixture fixture) {
		this.fixture = fixture;
		this.applications = new ApplicationFixtures(fixture.jdbc());
		Applications use = fixture.bean(Applications.class);
		for (boolean foreign : new boolean[] { false, true }) {
			String district = foreign ? FOREIGN : OWN;
			String name = "矩阵申请" + (foreign ? "外区" : "本区") + fixture.serial();
			Map<String, Object> application = ApplicationFixtures.application(ApplicationFixtures.randomCreditCode(),
					name, district, this.applications.freeSite(district));
			Applications.Receipt receipt = use.submit(input(application), List.of(fixture.photo()), "http://matrix");
			this.tokens.put(foreign, receipt.token().value());
			this.names.put(foreign, name);
			Map<String, Object> row = fixture.jdbc()
				.sql("select id, host_id from application where token = ?")
				.param(receipt.token().value())
				.query()
				.singleRow();
			this.ids.put(foreign, ((Number) row.get("id")).longValue());
			this.hosts.put(foreign, ((Number) row.get("host_id")).longValue());
		}
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		rows.add(api("POST", "/api/v1/applications", this::apply, PUBLIC, PUBLIC));
		rows.add(api("GET", "/api/v1/applications/{token}", c -> c.get("/api/v1/applications/" + token(c)), PUBLIC,
				PUBLIC));
		rows.add(page("GET", "/apply", c -> c.get("/apply?district=" + c.district()), PUBLIC, PUBLIC));
		rows.add(page("GET", "/apply/hours", c -> c.get("/apply/hours?value=Mo-Fr%2008:00-18:00"), PUBLIC, null));
		rows.add(page("GET", "/a/{token}", c -> c.get("/a/" + token(c)), PUBLIC, PUBLIC));
		rows.add(api("POST", "/api/v1/hosts",
				c -> c.json("POST", "/api/v1/hosts",
						q("{'host':{'creditCode':'" + ApplicationFixtures.randomCreditCode()
								+ "','name':'矩阵登记单位','kind':'BANK'},'contact':{'name':'李','phone':'13900001111'}}")),
				ADMIN, null));
		rows.add(api("GET", "/api/v1/hosts/{id}", c -> c.get("/api/v1/hosts/" + this.hosts.get(c.foreign)), READERS,
				READERS_HIDDEN));
		rows.add(page("GET", "/console/applications", c -> c.get("/console/applications?org=" + c.district()), READERS,
				READERS_HIDDEN)
			.leaks(() -> List.of(this.names.get(true))));
		rows.add(page("GET", "/console/applications/{id}",
				c -> c.get("/console/applications/" + this.ids.get(c.foreign)), READERS, READERS_HIDDEN));
		rows.add(page("GET", "/console/applications/{id}/photos/{position}",
				c -> c.get("/console/applications/" + this.ids.get(c.foreign) + "/photos/1?thumbnail=true"), READERS,
				READERS_HIDDEN));
		// selection (issue 14, item 4): scores, the scored list and "choose N", of the
		// subtree only
		rows.add(api("GET", "/api/v1/applications/{id}/score",
				c -> c.get("/api/v1/applications/" + this.ids.get(c.foreign) + "/score"), READERS, READERS_HIDDEN));
		rows.add(api("POST", "/api/v1/applications/scores",
				c -> c.json("POST", "/api/v1/applications/scores", q("{'org':'" + c.district() + "'}")), READERS,
				READERS_HIDDEN));
		rows.add(api("GET", "/api/v1/application-scores", c -> c.get("/api/v1/application-scores?org=" + c.district()),
				READERS, READERS_HIDDEN)
			.leaks(() -> List.of(this.names.get(true))));
		rows.add(api("POST", "/api/v1/applications/selection",
				c -> c.json("POST", "/api/v1/applications/selection", q("{'org':'" + c.district() + "','n':1}")),
				READERS, READERS_HIDDEN)
			.leaks(() -> List.of(this.names.get(true))));
		rows.add(page("GET", "/console/applications/selection",
				c -> c.get("/console/applications/selection?org=" + c.district() + "&n=1"), READERS, READERS_HIDDEN)
			.leaks(() -> List.of(this.names.get(true))));
		rows.add(page("POST", "/console/applications/selection/score",
				c -> c.form("/console/applications/selection/score", Map.of("org", c.district())), READERS,
				READERS_HIDDEN));
		rows.add(page("GET", "/console/applications/{id}/score",
				c -> c.get("/console/applications/" + this.ids.get(c.foreign) + "/score"), READERS, READERS_HIDDEN));
		return rows;
	}

	private String token(Cell cell) {
		return this.tokens.get(cell.foreign);
	}

	/** A fresh application from a new host at a free site of the cell's district. */
	private HttpResponse<String> apply(Cell cell) {
		GeoPoint site = this.applications.freeSite(cell.district());
		String json = ApplicationFixtures.json(ApplicationFixtures.application(ApplicationFixtures.randomCreditCode(),
				"矩阵商户" + this.fixture.serial(), cell.district(), site));
		String boundary = "onboarding" + System.nanoTime();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"application\"\r\n"
					+ "Content-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary
					+ "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"p.jpg\"\r\n"
					+ "Content-Type: image/jpeg\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.write(this.fixture.photo());
			out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return cell.caller.send("POST", "/api/v1/applications", "multipart/form-data; boundary=" + boundary,
				out.toByteArray(), null);
	}

	@SuppressWarnings("unchecked")
	static ApplicationInput input(Map<String, Object> application) {
		Map<String, Object> host = (Map<String, Object>) application.get("host");
		Map<String, Object> contact = (Map<String, Object>) application.get("contact");
		Map<String, Object> site = (Map<String, Object>) application.get("site");
		return new ApplicationInput(
				new ApplicationInput.HostInput(
						(String) host.get("creditCode"), (String) host.get("name"), (String) host.get("kind")),
				List.of(),
				new ApplicationInput.ContactInput((String) contact.get("name"), (String) contact.get("phone"),
						(String) contact.get("email")),
				new ApplicationInput.SiteInput((String) site.get("district"), (String) site.get("address"),
						(Double) site.get("lat"), (Double) site.get("lon"), (String) site.get("crs"),
						((Number) site.get("areaM2")).doubleValue(), (Integer) site.get("floor"),
						(Boolean) site.get("facingStreet")),
				(String) application.get("stationName"), (List<String>) application.get("amenities"),
				(String) application.get("openingHours"), (String) application.get("buildMode"),
				(String) application.get("description"));
	}

}
