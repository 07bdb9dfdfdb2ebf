package org.yizhan.funding;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.yizhan.organization.Actor;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.YizhanTime;
import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;
import org.yizhan.support.access.Cell;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.yizhan.support.access.AccessFixture.q;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * The funding module's rows of the access matrix: a union's admins and finance staff
 * manage its rules, runs and approvals, its auditors read them too, every other role is
 * refused (403) and another union's money does not exist for any of them (404). A row
 * that changes a batch or the ledger gets a fresh one per cell: a rule of a year of its
 * own, run by the national admin, so that each allowed approval or reversal has something
 * to approve or reverse.
 */
final class FundingAccessRows implements AccessRows {

	/** Who manages money: the union's admins and finance staff. */
	static final String MANAGERS = "UAFFAFFFFF";

	static final String MANAGERS_FOREIGN = "UNFFNFFFFF";

	/** Who reads it: the managers and the auditors. */
	static final String READERS = "UAFFAAFFFF";

	static final String READERS_FOREIGN = "UNFFNNFFFF";

	/** Budget years for the rules the creation cells adopt, one per cell. */
	private static final AtomicInteger creationYears = new AtomicInteger(2000);

	/** The months fresh batches are prepared for, counted from January 2001. */
	private static final AtomicInteger freshMonths = new AtomicInteger();

	private AccessFixture fixture;

	/** A rule of the own and of the foreign district, with a prepared batch. */
	private final Map<Boolean, Long> rules = new HashMap<>();

	private final Map<Boolean, Long> batches = new HashMap<>();

	/** The upkeep rules fresh batches are prepared under, by district and year. */
	private final Map<String, Long> freshRules = new HashMap<>();

	@Override
	public void prepare(AccessFixture fixture) {
		this.fixture = fixture;
		for (boolean foreign : new boolean[] { false, true }) {
			long station = foreign ? fixture.foreignStation() : fixture.ownStation();
			fixture.jdbc()
				.sql("insert into funding_station_status (station_id, since, status) values (:id, :since, 'LISTED')")
				.param("id", station)
				.param("since", Timestamp.from(LocalDate.of(2000, 12, 1).atStartOfDay(YizhanTime.ZONE).toInstant()))
				.update();
			String district = foreign ? AccessFixture.FOREIGN : AccessFixture.OWN;
			long rule = rule(district, "CONSTRUCTION", 2000);
			this.rules.put(foreign, rule);
			this.batches.put(foreign, run(rule, "2000-12"));
		}
	}

	/**
	 * A rule adopted by the national admin; one yuan a unit, so no batch needs a second
	 * approver.
	 */
	private long rule(String district, String kind, int year) {
		return JsonPath
			.parse(AccessFixture.ok(fixture.admin()
				.postJson("/api/v1/funding/rules", q("{'union':'" + district + "','kind':'" + kind + "','name':'矩阵补贴"
						+ year + "','year':'" + year + "','amount':'1','budget':'1000000'}"))))
			.read("$.id", Long.class);
	}

	private long run(long rule, String month) {
		return JsonPath
			.parse(AccessFixture.ok(fixture.admin()
				.postJson("/api/v1/funding/rules/" + rule + "/runs", q("{'month':'" + month + "'}"))))
			.read("$.batch.id", Long.class);
	}

	/**
	 * A prepared batch of the cell's district, fresh for this cell: an upkeep month not
	 * run before.
	 */
	private long freshBatch(Cell c) {
		int n = freshMonths.getAndIncrement();
		int year = 2001 + n / 12;
		long rule = this.freshRules.computeIfAbsent(c.district() + "/" + year,
				key -> rule(c.district(), "UPKEEP", year));
		return run(rule, String.format("%d-%02d", year, n % 12 + 1));
	}

	/**
	 * A payment of the cell's district, fresh for this cell: approved by a second
	 * national account.
	 */
	/**
	 * A reversal of a fresh payment, requested by the matrix's checker for the cell to
	 * approve.
	 */
	private long freshReversal(Cell c) {
		long entry = freshPayment(c);
		Actor checker = new Actor(0, "matrix-funding-checker", OrganizationTree.NATIONAL_CODE,
				OrganizationTree.NATIONAL_CODE, Set.of(Role.FINANCE));
		Actor.Principal principal = () -> checker;
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(principal, null));
		try {
			return fixture.bean(PaymentRuns.class).requestReversal(entry, "矩阵冲正申请").id();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private long freshPayment(Cell c) {
		long batch = freshBatch(c);
		Actor checker = new Actor(0, "matrix-funding-checker", OrganizationTree.NATIONAL_CODE,
				OrganizationTree.NATIONAL_CODE, Set.of(Role.FINANCE));
		Actor.Principal principal = () -> checker;
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(principal, null));
		try {
			PaymentRuns runs = fixture.bean(PaymentRuns.class);
			runs.approve(batch);
			return runs.listEntries(batch).get(0).id();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private long rule(Cell c) {
		return this.rules.get(c.foreign);
	}

	private long batch(Cell c) {
		return this.batches.get(c.foreign);
	}

	private static String ruleJson(Cell c) {
		int year = creationYears.incrementAndGet();
		return q("{'union':'" + c.district() + "','kind':'SELF_BUILT','name':'矩阵自建奖补','year':'" + year
				+ "','amount':'5000','budget':'100000'}");
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		rows.add(api("GET", "/api/v1/funding/rules", c -> c.get("/api/v1/funding/rules?union=" + c.district()), READERS,
				READERS_FOREIGN));
		rows.add(api("POST", "/api/v1/funding/rules", c -> c.json("POST", "/api/v1/funding/rules", ruleJson(c)),
				MANAGERS, MANAGERS_FOREIGN));
		rows.add(api("GET", "/api/v1/funding/rules/{id}", c -> c.get("/api/v1/funding/rules/" + rule(c)), READERS,
				READERS_FOREIGN));
		rows.add(api("PUT", "/api/v1/funding/rules/{id}/budget",
				c -> c.json("PUT", "/api/v1/funding/rules/" + rule(c) + "/budget", q("{'budget':'1000000'}")), MANAGERS,
				MANAGERS_FOREIGN));
		rows.add(api("POST", "/api/v1/funding/simulations",
				c -> c.json("POST", "/api/v1/funding/simulations", ruleJson(c)), MANAGERS, MANAGERS_FOREIGN));
		rows.add(api("POST", "/api/v1/funding/rules/{id}/runs",
				c -> c.json("POST", "/api/v1/funding/rules/" + rule(c) + "/runs", q("{'month':'2000-11'}")), MANAGERS,
				MANAGERS_FOREIGN));
		rows.add(api("GET", "/api/v1/funding/rules/{id}/batches",
				c -> c.get("/api/v1/funding/rules/" + rule(c) + "/batches"), READERS, READERS_FOREIGN));
		rows.add(api("GET", "/api/v1/funding/batches/{id}", c -> c.get("/api/v1/funding/batches/" + batch(c)), READERS,
				READERS_FOREIGN));
		rows.add(api("POST", "/api/v1/funding/batches/{id}/approvals",
				c -> c.json("POST", "/api/v1/funding/batches/" + freshBatch(c) + "/approvals", ""), MANAGERS,
				MANAGERS_FOREIGN));
		rows.add(api("GET", "/api/v1/funding/batches/{id}/export.xlsx",
				c -> c.get("/api/v1/funding/batches/" + batch(c) + "/export.xlsx"), MANAGERS, MANAGERS_FOREIGN));
		rows.add(api("POST", "/api/v1/funding/ledger/{id}/reversals",
				c -> c.json("POST", "/api/v1/funding/ledger/" + freshPayment(c) + "/reversals", q("{'reason':'矩阵冲正'}")),
				MANAGERS, MANAGERS_FOREIGN));
		rows.add(api("POST", "/api/v1/funding/reversals/{id}/approvals",
				c -> c.json("POST", "/api/v1/funding/reversals/" + freshReversal(c) + "/approvals", ""), MANAGERS,
				MANAGERS_FOREIGN));
		rows.add(api("GET", "/api/v1/funding/supervision",
				c -> c.get("/api/v1/funding/supervision?union=" + c.district()), READERS, READERS_FOREIGN));
		// the console
		rows.add(page("GET", "/console/funding", c -> c.get("/console/funding?union=" + c.district()), READERS,
				READERS_FOREIGN));
		rows.add(page("GET", "/console/funding/rules", c -> c.get("/console/funding/rules?union=" + c.district()),
				READERS, READERS_FOREIGN));
		rows.add(page("POST", "/console/funding/rules", c -> {
			int year = creationYears.incrementAndGet();
			return c.form("/console/funding/rules", Map.of("union", c.district(), "kind", "CONSTRUCTION", "name",
					"矩阵自建奖补", "year", String.valueOf(year), "amount", "5000", "budget", "50000", "action", "create"));
		}, MANAGERS, MANAGERS_FOREIGN));
		rows.add(page("GET", "/console/funding/rules/{id}", c -> c.get("/console/funding/rules/" + rule(c)), READERS,
				READERS_FOREIGN));
		rows.add(page("POST", "/console/funding/rules/{id}",
				c -> c.form("/console/funding/rules/" + rule(c), Map.of("month", "2000-10")), MANAGERS,
				MANAGERS_FOREIGN));
		rows.add(page("GET", "/console/funding/batches/{id}", c -> c.get("/console/funding/batches/" + batch(c)),
				READERS, READERS_FOREIGN));
		rows.add(page("POST", "/console/funding/batches/{id}",
				c -> c.form("/console/funding/batches/" + freshBatch(c), Map.of()), MANAGERS, MANAGERS_FOREIGN));
		rows.add(page("GET", "/console/funding/batches/{id}/export.xlsx",
				c -> c.get("/console/funding/batches/" + batch(c) + "/export.xlsx"), MANAGERS, MANAGERS_FOREIGN));
		return rows;
	}

}
