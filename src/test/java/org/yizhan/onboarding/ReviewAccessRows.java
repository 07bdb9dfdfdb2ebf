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

import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;
import org.yizhan.support.access.Cell;

import static org.yizhan.support.access.AccessFixture.FOREIGN;
import static org.yizhan.support.access.AccessFixture.OWN;
import static org.yizhan.support.access.AccessFixture.PUBLIC;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * The review's rows of the access matrix: union admins and reviewers of the subtree take
 * an application through review (a foreign one does not exist for them, other roles are
 * refused); the applicant's answer and withdrawal are public, keyed by the status link.
 * Each write acts on an application of its own, put in the status the step needs, so the
 * cells do not depend on each other's order. The test districts have no standard in
 * force, so a visit is refused there as its input (409), which still shows who reaches
 * the use case.
 */
final class ReviewAccessRows implements AccessRows {

	static final String READERS = OnboardingAccessRows.READERS;

	static final String READERS_HIDDEN = OnboardingAccessRows.READERS_HIDDEN;

	private AccessFixture fixture;

	private ApplicationFixtures applications;

	/** An application in each district with a field visit that has a photo. */
	private final Map<Boolean, long[]> visited = new HashMap<>();

	@Override
	public void prepare(AccessFixture fixture) {
		this.fixture = fixture;
		this.applications = new ApplicationFixtures(fixture.jdbc());
		for (boolean foreign : new boolean[] { false, true }) {
			long id = fresh(foreign ? FOREIGN : OWN, "UNDER_REVIEW");
			String key = fixture.jdbc()
				.sql("select photo_key from application_photo where application_id = ? and position = 1")
				.param(id)
				.query(String.class)
				.single();
			long visit = fixture.jdbc().sql("""
					insert into application_visit (application_id, checklist_id, checklist_version_id,
					    version_number, visited_at, account_id)
					values (?, 1, 1, 1, now(), 1) returning id""").param(id).query(Long.class).single();
			fixture.jdbc()
				.sql("insert into application_visit_item (visit_id, item_code, yes, photo_key) values (?, 'sign', true, ?)")
				.param(visit)
				.param(key)
				.update();
			this.visited.put(foreign, new long[] { id, visit });
		}
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		rows.add(api("POST", "/api/v1/applications/{id}/review",
				c -> c.json("POST", "/api/v1/applications/" + fresh(c, "SUBMITTED") + "/review", "{}"), READERS,
				READERS_HIDDEN));
		rows.add(api("POST", "/api/v1/applications/{id}/information-request",
				c -> c.json("POST", "/api/v1/applications/" + fresh(c, "UNDER_REVIEW") + "/information-request",
						"{\"question\":\"请补充照片\"}"),
				READERS, READERS_HIDDEN));
		rows.add(api("POST", "/api/v1/applications/{id}/visits", this::visitApi, "UIIFFFFFFF", READERS_HIDDEN));
		rows.add(api("GET", "/api/v1/applications/{id}/visits/latest",
				c -> c.get("/api/v1/applications/" + this.visited.get(c.foreign)[0] + "/visits/latest"), READERS,
				READERS_HIDDEN));
		rows.add(api("GET", "/api/v1/applications/{id}/votes",
				c -> c.get("/api/v1/applications/" + this.visited.get(c.foreign)[0] + "/votes"), READERS,
				READERS_HIDDEN));
		rows.add(api("POST", "/api/v1/applications/{id}/decision",
				c -> c.json("POST", "/api/v1/applications/" + fresh(c, "UNDER_REVIEW") + "/decision",
						"{\"decision\":\"REJECT\",\"reason\":\"矩阵驳回\"}"),
				READERS, READERS_HIDDEN));
		rows.add(page("GET", "/console/applications/{id}/review",
				c -> c.get("/console/applications/" + this.visited.get(c.foreign)[0] + "/review"), READERS,
				READERS_HIDDEN));
		rows.add(
				page("GET", "/console/applications/{id}/visits/{visitId}/photos/{code}",
						c -> c.get("/console/applications/" + this.visited.get(c.foreign)[0] + "/visits/"
								+ this.visited.get(c.foreign)[1] + "/photos/sign?thumbnail=true"),
						READERS, READERS_HIDDEN));
		rows.add(page("POST", "/console/applications/{id}/review/start", c -> c
			.form("/console/applications/" + fresh(c, "SUBMITTED") + "/review/start", Map.of("committee", "false")),
				READERS, READERS_HIDDEN));
		rows.add(page("POST", "/console/applications/{id}/review/information-request",
				c -> c.form("/console/applications/" + fresh(c, "UNDER_REVIEW") + "/review/information-request",
						Map.of("question", "请补充照片")),
				READERS, READERS_HIDDEN));
		rows.add(page("POST", "/console/applications/{id}/review/visit",
				c -> c.caller.postFile("/console/applications/" + fresh(c, "UNDER_REVIEW") + "/review/visit",
						"photo.sign", "p.jpg", this.fixture.photo(), null),
				"URRFFFFFFF", READERS_HIDDEN));
		rows.add(page("POST", "/console/applications/{id}/review/decision",
				c -> c.form("/console/applications/" + fresh(c, "UNDER_REVIEW") + "/review/decision",
						Map.of("decision", "REJECT", "reason", "矩阵驳回")),
				READERS, READERS_HIDDEN));
		rows.add(page("POST", "/a/{token}/reply",
				c -> c.form("/a/" + token(fresh(OWN, "MORE_INFO_REQUESTED")) + "/reply", Map.of("reply", "已补充")),
				PUBLIC, null));
		// the applicant withdraws by the status link, after ticking the confirmation
		rows.add(page("POST", "/a/{token}/withdraw",
				c -> c.form("/a/" + token(fresh(OWN, "SUBMITTED")) + "/withdraw", Map.of("confirm", "yes")), PUBLIC,
				null));
		return rows;
	}

	/** A visit sent as the API takes it, with one photo part. */
	private HttpResponse<String> visitApi(Cell cell) {
		long id = fresh(cell, "UNDER_REVIEW");
		String boundary = "review" + System.nanoTime();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"visit\"\r\n"
					+ "Content-Type: application/json\r\n\r\n{\"answers\":[]}\r\n--" + boundary
					+ "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"p.jpg\"\r\n"
					+ "Content-Type: image/jpeg\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.write(this.fixture.photo());
			out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return cell.caller.send("POST", "/api/v1/applications/" + id + "/visits",
				"multipart/form-data; boundary=" + boundary, out.toByteArray(), null);
	}

	private long fresh(Cell cell, String status) {
		return fresh(cell.district(), status);
	}

	/** A new application of a new host in the district, moved to {@code status}. */
	private long fresh(String district, String status) {
		Map<String, Object> application = ApplicationFixtures.application(ApplicationFixtures.randomCreditCode(),
				"矩阵审核" + this.fixture.serial(), district, this.applications.freeSite(district));
		Applications.Receipt receipt = this.fixture.bean(Applications.class)
			.submit(OnboardingAccessRows.input(application), List.of(this.fixture.photo()), "http://matrix");
		return this.fixture.jdbc()
			.sql("update application set status = ?, review_round = 1 where token = ? returning id")
			.param(status)
			.param(receipt.token().value())
			.query(Long.class)
			.single();
	}

	private String token(long id) {
		return this.fixture.jdbc()
			.sql("select token from application where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

}
