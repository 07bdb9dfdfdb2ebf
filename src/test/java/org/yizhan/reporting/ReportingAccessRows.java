package org.yizhan.reporting;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yizhan.organization.OrganizationTree;
import org.yizhan.platform.YizhanTime;
import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;

import static org.yizhan.support.access.AccessFixture.*;
import static org.yizhan.support.access.AccessRow.page;

/**
 * The reporting module's rows of the access matrix: a union's dashboard and its Excel are
 * for the union's own staff (a foreign union is hidden, the station side refused); its
 * display tokens are its admins'; a display page is open to whoever holds a live token,
 * own union's or foreign alike, since the token is the credential.
 */
final class ReportingAccessRows implements AccessRows {

	/** Display tokens the rows revoke, of the own and the foreign district. */
	private final Map<Boolean, Long> revocable = new HashMap<>();

	/** Live display tokens (their secrets) of the own and the foreign district. */
	private final Map<Boolean, String> secrets = new HashMap<>();

	/** A kept report of the own and of the foreign district. */
	private final Map<Boolean, Long> reports = new HashMap<>();

	@Override
	public void prepare(AccessFixture fixture) {
		SecureRandom random = new SecureRandom();
		for (boolean foreign : new boolean[] { false, true }) {
			String union = foreign ? FOREIGN : OWN;
			for (boolean live : new boolean[] { true, false }) {
				byte[] bytes = new byte[32];
				random.nextBytes(bytes);
				String secret = DisplayTokens.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
				long id = fixture.jdbc()
					.sql("""
							insert into reporting_display_token (union_code, label, token_hash, created_by, created_at)
							values (:union, :label, :hash, 'admin', :at) returning id""")
					.param("union", union)
					.param("label", "矩阵大屏" + fixture.serial())
					.param("hash", DisplayTokens.hash(secret))
					.param("at", java.sql.Timestamp.from(Instant.now()))
					.query(Long.class)
					.single();
				if (live) {
					this.secrets.put(foreign, secret);
				}
				else {
					this.revocable.put(foreign, id);
				}
			}
			// a scheduled report of a month long past: made once per JVM, whoever asks
			// first
			ReportPeriod period = ReportPeriod.month(YearMonth.of(2025, 1));
			fixture.bean(UnionReports.class)
				.makeScheduled(period, List.of(fixture.bean(OrganizationTree.class).findByCode(union).orElseThrow()));
			this.reports.put(foreign, fixture.jdbc()
				.sql("select id from reporting_report where scheduled and union_code = :union and period = :period")
				.param("union", union)
				.param("period", period.text())
				.query(Long.class)
				.single());
		}
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		rows.add(page("GET", "/console/dashboard", c -> c.get("/console/dashboard?org=" + c.district()),
				SUBTREE_READERS, "UNNNNNFFFN")
			.leaks(f::foreignMarkers));
		rows.add(page("GET", "/console/dashboard/export",
				c -> c.get("/console/dashboard/export?org=" + c.district() + "&table=status"), SUBTREE_READERS,
				"UNNNNNFFFN"));
		rows.add(page("GET", "/console/dashboard/displays",
				c -> c.get("/console/dashboard/displays?org=" + c.district()), ADMIN, "UNNNNNFFFN"));
		rows.add(page("POST", "/console/dashboard/displays",
				c -> c.form("/console/dashboard/displays", Map.of("org", c.district(), "label", "矩阵" + f.serial())),
				ADMIN, "UNNNNNFFFN"));
		rows.add(page("POST", "/console/dashboard/displays/{id}/revoke",
				c -> c.form("/console/dashboard/displays/" + this.revocable.get(c.foreign) + "/revoke",
						Map.of("org", c.district())),
				ADMIN, "UNNNNNFFFN"));
		rows.add(page("GET", "/console/dashboard/reports", c -> c.get("/console/dashboard/reports?org=" + c.district()),
				SUBTREE_READERS, "UNNNNNFFFN")
			.leaks(f::foreignMarkers));
		rows.add(page(
				"POST", "/console/dashboard/reports", c -> c.form("/console/dashboard/reports", Map.of("org",
						c.district(), "kind", "MONTH", "period", YearMonth.now(YizhanTime.ZONE).toString())),
				SUBTREE_READERS, "UNNNNNFFFN"));
		rows.add(page("GET", "/console/dashboard/reports/{id}/pdf",
				c -> c.get("/console/dashboard/reports/" + this.reports.get(c.foreign) + "/pdf"), SUBTREE_READERS,
				"UNNNNNFFFN"));
		rows.add(page("GET", "/console/dashboard/reports/{id}/xlsx",
				c -> c.get("/console/dashboard/reports/" + this.reports.get(c.foreign) + "/xlsx"), SUBTREE_READERS,
				"UNNNNNFFFN"));
		rows.add(page("GET", "/console/my-day", c -> c.get("/console/my-day"), "UFFFFFAAAF", null)
			.leaks(f::foreignMarkers));
		rows.add(
				page("GET", "/display/{token}", c -> c.get("/display/" + this.secrets.get(c.foreign)), PUBLIC, PUBLIC));
		rows.add(page("GET", "/display/{token}/figures",
				c -> c.get("/display/" + this.secrets.get(c.foreign) + "/figures"), PUBLIC, PUBLIC));
		return rows;
	}

}
