package org.yizhan.partner;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;
import org.yizhan.support.access.Cell;

import static org.yizhan.support.access.AccessFixture.*;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * The partner module's rows of the access matrix. Union staff read the partners and
 * programmes of their subtree (a foreign one is hidden), the station side is refused
 * everything; union admins manage; only a partner's own admin (no column of the matrix:
 * {@code PartnerAccountsTests} covers it) manages keys and webhooks. The partner API
 * answers a live key whatever account the request also carries, and hides a programme of
 * another partner.
 */
final class PartnerAccessRows implements AccessRows {

	private static final String READERS = "UAAAAAFFFA";

	private static final String READERS_HIDDEN = "UNNNNNFFFN";

	/** Per side (own, foreign): a partner, its programme, a key's secret and id. */
	private final Map<Boolean, Long> partners = new HashMap<>();

	private final Map<Boolean, Long> programmes = new HashMap<>();

	private final Map<Boolean, String> secrets = new HashMap<>();

	private final Map<Boolean, Long> keys = new HashMap<>();

	/**
	 * Per side: a programme's station run by the partner, for the API's and the page's
	 * hand-over.
	 */
	private final Map<Boolean, Long> apiHandOver = new HashMap<>();

	private final Map<Boolean, Long> pageHandOver = new HashMap<>();

	private long partnerReviewer;

	@Override
	public void prepare(AccessFixture f) {
		SecureRandom random = new SecureRandom();
		for (boolean foreign : new boolean[] { false, true }) {
			String union = foreign ? FOREIGN : OWN;
			Timestamp now = Timestamp.from(Instant.now());
			long partner = f.jdbc()
				.sql("""
						insert into partner (name, kind, union_code, created_by, created_at)
						values (:name, 'PLATFORM', :union, 'admin', :at) returning id""")
				.param("name", "矩阵合作方" + f.serial())
				.param("union", union)
				.param("at", now)
				.query(Long.class)
				.single();
			long programme = f.jdbc()
				.sql("""
						insert into programme (name, organization_code, target_count, starts_on, ends_on, created_at)
						values (:name, :union, 10, :starts, :ends, :at) returning id""")
				.param("name", "矩阵合作计划" + f.serial())
				.param("union", union)
				.param("starts", LocalDate.now().minusMonths(1))
				.param("ends", LocalDate.now().plusMonths(11))
				.param("at", now)
				.query(Long.class)
				.single();
			f.jdbc()
				.sql("""
						insert into partner_programme (programme_id, partner_id, added_by, added_at)
						values (:programme, :partner, 'admin', :at)""")
				.param("programme", programme)
				.param("partner", partner)
				.param("at", now)
				.update();
			byte[] bytes = new byte[32];
			random.nextBytes(bytes);
			String secret = PartnerKeys.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			long key = f.jdbc()
				.sql("""
						insert into partner_api_key (partner_id, label, key_hash, created_by, created_at)
						values (:partner, '矩阵', :hash, 'admin', :at) returning id""")
				.param("partner", partner)
				.param("hash", PartnerKeys.hash(secret))
				.param("at", now)
				.query(Long.class)
				.single();
			this.partners.put(foreign, partner);
			this.programmes.put(foreign, programme);
			this.secrets.put(foreign, secret);
			this.keys.put(foreign, key);
			this.apiHandOver.put(foreign, inProgramme(f, union, programme));
			this.pageHandOver.put(foreign, inProgramme(f, union, programme));
		}
		this.partnerReviewer = f.account(OWN, "PARTNER_REVIEWER", "").id();
	}

	private static long inProgramme(AccessFixture f, String district, long programme) {
		long station = f.station(district, "LISTED");
		f.jdbc()
			.sql("""
					insert into programme_station (station_id, programme_id, run_by, joined_at)
					values (:station, :programme, 'PARTNER', :at)""")
			.param("station", station)
			.param("programme", programme)
			.param("at", Timestamp.from(Instant.now()))
			.update();
		return station;
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		rows.add(api("POST", "/api/v1/partners",
				c -> c.json("POST", "/api/v1/partners",
						q("{'name':'矩阵新合作方" + f.serial() + "','kind':'BANK','union':'" + c.district() + "'}")),
				ADMIN, "UIFFFFFFFF"));
		rows.add(api("GET", "/api/v1/partners", c -> c.get("/api/v1/partners"), READERS, null));
		rows.add(api("GET", "/api/v1/partners/{id}", c -> c.get("/api/v1/partners/" + partner(c)), READERS,
				READERS_HIDDEN));
		rows.add(api(
				"POST", "/api/v1/partners/{id}/accounts", c -> c.json("POST",
						"/api/v1/partners/" + partner(c) + "/accounts", "{\"accountId\":" + this.partnerReviewer + "}"),
				ADMIN, "UNFFFFFFFF"));
		rows.add(api("PUT", "/api/v1/partners/{id}/webhook",
				c -> c.json("PUT", "/api/v1/partners/" + partner(c) + "/webhook", q("{'url':'https://example.cn/h'}")),
				NOBODY, READERS_HIDDEN));
		rows.add(api("POST", "/api/v1/partners/{id}/api-keys",
				c -> c.json("POST", "/api/v1/partners/" + partner(c) + "/api-keys", q("{'label':'矩阵'}")), NOBODY,
				READERS_HIDDEN));
		rows.add(api("GET", "/api/v1/partners/{id}/api-keys",
				c -> c.get("/api/v1/partners/" + partner(c) + "/api-keys"), NOBODY, READERS_HIDDEN));
		rows.add(api("POST", "/api/v1/partners/{id}/api-keys/{keyId}/revoke",
				c -> c.json("POST",
						"/api/v1/partners/" + partner(c) + "/api-keys/" + this.keys.get(c.foreign) + "/revoke", "{}"),
				NOBODY, READERS_HIDDEN));
		rows.add(api("GET", "/api/v1/partner-programmes", c -> c.get("/api/v1/partner-programmes"), READERS, null));
		rows.add(api("PUT", "/api/v1/partner-programmes/{id}/partners/{partnerId}",
				c -> c.json("PUT", "/api/v1/partner-programmes/" + programme(c) + "/partners/" + partner(c), "{}"),
				ADMIN, "UNFFFFFFFF"));
		rows.add(api("PUT", "/api/v1/partner-programmes/{id}/brand", c -> c.json("PUT",
				"/api/v1/partner-programmes/" + programme(c) + "/brand", q("{'brandName':'矩阵品牌','signText':'矩阵爱心驿站'}")),
				ADMIN, "UNFFFFFFFF"));
		rows.add(api("GET", "/api/v1/partner-programmes/{id}/stations",
				c -> c.get("/api/v1/partner-programmes/" + programme(c) + "/stations"), READERS, READERS_HIDDEN)
			.leaks(f::foreignMarkers));
		rows.add(api("POST", "/api/v1/partner-programmes/{id}/stations",
				c -> c.json("POST", "/api/v1/partner-programmes/" + programme(c) + "/stations",
						"{\"stationId\":" + freshStation(f, c) + "}"),
				ADMIN, "UNFFFFFFFF"));
		rows.add(
				api("POST", "/api/v1/partner-programmes/{id}/stations/{stationId}/hand-over",
						c -> c
							.json("POST",
									"/api/v1/partner-programmes/" + programme(c) + "/stations/"
											+ this.apiHandOver.get(c.foreign) + "/hand-over",
									"{}"),
						ADMIN, "UNFFFFFFFF"));
		rows.add(api("GET", "/api/v1/partner-programmes/{id}/stations/{stationId}/history",
				c -> c.get("/api/v1/partner-programmes/" + programme(c) + "/stations/" + this.apiHandOver.get(c.foreign)
						+ "/history"),
				READERS, READERS_HIDDEN));
		rows.add(api("GET", "/api/v1/partner-programmes/{id}/figures",
				c -> c.get("/api/v1/partner-programmes/" + programme(c) + "/figures"), READERS, READERS_HIDDEN));
		// the partner API: the key is the credential, whoever else the request speaks for
		rows.add(api("GET", "/api/v1/partner-api/programmes", c -> keyed(c, "/api/v1/partner-api/programmes"), PUBLIC,
				null));
		rows.add(api("GET", "/api/v1/partner-api/programmes/{id}/stations",
				c -> keyed(c, "/api/v1/partner-api/programmes/" + programme(c) + "/stations"), PUBLIC, "NNNNNNNNNN"));
		rows.add(api("GET", "/api/v1/partner-api/programmes/{id}/figures",
				c -> keyed(c, "/api/v1/partner-api/programmes/" + programme(c) + "/figures"), PUBLIC, "NNNNNNNNNN"));
		rows.add(api("GET", "/api/v1/partner-api/changes", c -> keyed(c, "/api/v1/partner-api/changes?since=0"), PUBLIC,
				null));
		rows.add(page("GET", "/console/partners", c -> c.get("/console/partners"), READERS, null)
			.leaks(f::foreignMarkers));
		rows.add(page(
				"POST", "/console/partners", c -> c.form("/console/partners", Map.of("programme",
						String.valueOf(programme(c)), "station", String.valueOf(this.pageHandOver.get(c.foreign)))),
				ADMIN, "UNFFFFFFFF"));
		return rows;
	}

	private long partner(Cell c) {
		return this.partners.get(c.foreign);
	}

	private long programme(Cell c) {
		return this.programmes.get(c.foreign);
	}

	/**
	 * A partner API call with the own partner's key on both sides: the foreign side's
	 * programme is another partner's.
	 */
	private HttpResponse<String> keyed(Cell c, String path) {
		return c.caller.send("GET", path, null, (byte[]) null, Map.of("X-Partner-Key", this.secrets.get(false)));
	}

	private static long freshStation(AccessFixture f, Cell c) {
		// only the admin's own call reaches the insert; the others are refused before it
		return (c.role.equals("ORG_ADMIN") && !c.foreign) ? f.station(OWN, "LISTED") : c.station();
	}

}
