package org.yizhan.grading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import org.yizhan.platform.YizhanTime;
import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;
import org.yizhan.support.access.Cell;

import static org.yizhan.support.access.AccessFixture.*;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * The grading module's rows of the access matrix: union staff of the subtree read rules,
 * runs, proposals and the stations at risk (a foreign union or run is hidden; the station
 * side is refused); only admins save rules, run assessments and decide. Each deciding row
 * has runs of its own, made by the national admin beforehand, so that no row decides what
 * another row expects undecided.
 */
final class GradingAccessRows implements AccessRows {

	private static final String READERS_HIDDEN = "UNNNNNFFFN";

	/** Runs by purpose and side (own or foreign district). */
	private final Map<String, Long> runs = new HashMap<>();

	/**
	 * Stations of the grading rows' own, by purpose and side, registered at city level
	 * with 3 stars and without evidence, so each proposal changes them: deciding the
	 * shared stations would change the grade the station rows send back unchanged.
	 */
	private final Map<String, Long> stations = new HashMap<>();

	/** A pending nomination by each side's district, by whether it is foreign. */
	private final Map<Boolean, Long> nominations = new HashMap<>();

	private int year;

	@Override
	public void prepare(AccessFixture fixture) {
		this.year = LocalDate.now(YizhanTime.ZONE).getYear() - 1;
		for (String purpose : List.of("decideApi", "batchApi", "decidePage", "batchPage")) {
			for (boolean foreign : new boolean[] { false, true }) {
				this.stations.put(purpose + foreign, fixture.station(foreign ? FOREIGN : OWN, "LISTED"));
			}
		}
		for (String purpose : List.of("read", "decideApi", "batchApi", "decidePage", "batchPage")) {
			for (boolean foreign : new boolean[] { false, true }) {
				String created = ok(fixture.admin()
					.send("POST", "/api/v1/grading/runs", "application/json",
							"{\"union\":\"" + (foreign ? FOREIGN : OWN) + "\",\"year\":" + this.year + "}", null));
				this.runs.put(purpose + foreign, JsonPath.parse(created).read("$.id", Long.class));
			}
		}
		// a nomination sent by each district to 杭州市, to be read and (refused) answered by
		// the district's staff: written directly, as no fixture account is a city's admin
		for (boolean foreign : new boolean[] { false, true }) {
			this.nominations.put(foreign,
					fixture.jdbc()
						.sql("""
								insert into grading_nomination (run_id, station_id, year, from_code, to_code, level, reason,
								  status, nominated_by, nominated_at)
								values (:run, :station, :year, :from, '330100', 'CITY', '矩阵推荐', 'PENDING', 'matrix', now())
								returning id""")
						.param("run", this.runs.get("read" + foreign))
						.param("station", foreign ? fixture.foreignStation() : fixture.ownStation())
						.param("year", this.year)
						.param("from", foreign ? FOREIGN : OWN)
						.query(Long.class)
						.single());
		}
	}

	private long run(String purpose, Cell c) {
		return this.runs.get(purpose + c.foreign);
	}

	private long station(String purpose, Cell c) {
		return this.stations.get(purpose + c.foreign);
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		rows.add(api("GET", "/api/v1/grading/rules", c -> c.get("/api/v1/grading/rules?union=" + c.district()),
				SUBTREE_READERS, READERS_HIDDEN));
		rows.add(api("PUT", "/api/v1/grading/rules",
				c -> c.json("PUT", "/api/v1/grading/rules", ruleJson(c.district())), ADMIN, ADMIN_HIDDEN));
		rows.add(
				api("POST", "/api/v1/grading/runs",
						c -> c.json("POST", "/api/v1/grading/runs",
								"{\"union\":\"" + c.district() + "\",\"year\":" + this.year + "}"),
						ADMIN, ADMIN_HIDDEN));
		rows.add(api("GET", "/api/v1/grading/runs/{id}/proposals",
				c -> c.get("/api/v1/grading/runs/" + run("read", c) + "/proposals"), SUBTREE_READERS, READERS_HIDDEN));
		rows.add(api("POST", "/api/v1/grading/runs/{id}/stations/{stationId}/decision",
				c -> c.json("POST", "/api/v1/grading/runs/" + run("decideApi", c) + "/stations/"
						+ station("decideApi", c) + "/decision", "{\"accept\":true,\"reason\":\"矩阵\"}"),
				ADMIN, ADMIN_HIDDEN));
		rows.add(api("POST", "/api/v1/grading/runs/{id}/batches", c -> c.json("POST",
				"/api/v1/grading/runs/" + run("batchApi", c) + "/batches", "{\"documentNumber\":\"矩阵文号" + f.serial()
						+ "\",\"documentDate\":\"" + today() + "\",\"stations\":[" + station("batchApi", c) + "]}"),
				ADMIN, ADMIN_HIDDEN));
		rows.add(api("GET", "/api/v1/grading/at-risk", c -> c.get("/api/v1/grading/at-risk?union=" + c.district()),
				SUBTREE_READERS, READERS_HIDDEN));
		rows.add(page("GET", "/console/grading/rules", c -> c.get("/console/grading/rules?union=" + c.district()),
				SUBTREE_READERS, READERS_HIDDEN));
		rows.add(page("POST", "/console/grading/rules", c -> c.form("/console/grading/rules", ruleForm(c.district())),
				ADMIN, ADMIN_HIDDEN));
		rows.add(page("GET", "/console/grading/runs", c -> c.get("/console/grading/runs"), SUBTREE_READERS, null));
		rows.add(
				page("POST", "/console/grading/runs",
						c -> c.form("/console/grading/runs",
								Map.of("union", c.district(), "year", Integer.toString(this.year))),
						ADMIN, ADMIN_HIDDEN));
		rows.add(page("GET", "/console/grading/runs/{id}", c -> c.get("/console/grading/runs/" + run("read", c)),
				SUBTREE_READERS, READERS_HIDDEN));
		rows.add(page("POST", "/console/grading/runs/{id}",
				c -> c.form("/console/grading/runs/" + run("batchPage", c),
						Map.of("documentNumber", "矩阵页面文号" + f.serial(), "documentDate", today(), "station",
								Long.toString(station("batchPage", c)))),
				ADMIN, ADMIN_HIDDEN));
		rows.add(page("GET", "/console/grading/runs/{id}/stations/{stationId}",
				c -> c.get("/console/grading/runs/" + run("read", c) + "/stations/" + c.station()), SUBTREE_READERS,
				READERS_HIDDEN));
		rows.add(
				page("POST", "/console/grading/runs/{id}/stations/{stationId}",
						c -> c.form("/console/grading/runs/" + run("decidePage", c) + "/stations/"
								+ station("decidePage", c), Map.of("action", "accept", "reason", "矩阵页面")),
						ADMIN, ADMIN_HIDDEN));
		rows.add(page("GET", "/console/grading/at-risk", c -> c.get("/console/grading/at-risk?union=" + c.district()),
				SUBTREE_READERS, READERS_HIDDEN));
		rows.add(page("GET", "/console/grading/nominations",
				c -> c.get("/console/grading/nominations?year=" + this.year), SUBTREE_READERS, null));
		// a quota is set by a union above the one it limits: a district's admin sets
		// none,
		// not even its own
		rows.add(page(
				"POST", "/console/grading/nominations", c -> c.form("/console/grading/nominations", Map.of("action",
						"quota", "union", c.district(), "year", Integer.toString(this.year), "quota", "5")),
				NOBODY, ADMIN_HIDDEN));
		rows.add(page("GET", "/console/grading/nominations/{id}",
				c -> c.get("/console/grading/nominations/" + this.nominations.get(c.foreign)), SUBTREE_READERS,
				READERS_HIDDEN));
		// only the union a nomination was sent to answers it, not the one that sent it
		rows.add(page("POST", "/console/grading/nominations/{id}",
				c -> c.form("/console/grading/nominations/" + this.nominations.get(c.foreign),
						Map.of("action", "accept", "answer", "矩阵")),
				NOBODY, ADMIN_HIDDEN));
		return rows;
	}

	private static String today() {
		return LocalDate.now(YizhanTime.ZONE).toString();
	}

	private static String ruleJson(String union) {
		StringBuilder json = new StringBuilder("{\"union\":\"" + union + "\",\"criteria\":{");
		Criterion[] criteria = Criterion.values();
		for (int i = 0; i < criteria.length; i++) {
			CriterionRule rule = criteria[i].defaultRule();
			json.append(i == 0 ? "" : ",")
				.append("\"")
				.append(criteria[i].name())
				.append("\":{\"weight\":\"")
				.append(rule.weight())
				.append("\",\"fullAt\":\"")
				.append(rule.fullAt().toPlainString())
				.append("\",\"zeroAt\":\"")
				.append(rule.zeroAt().toPlainString())
				.append("\"}");
		}
		return json.append("},\"starThresholds\":[\"40\",\"55\",\"70\",\"80\",\"90\"],")
			.append("\"levelThresholds\":[\"60\",\"80\",\"92\"]}")
			.toString();
	}

	private static Map<String, String> ruleForm(String union) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("union", union);
		for (Criterion criterion : Criterion.values()) {
			CriterionRule rule = criterion.defaultRule();
			form.put("weight." + criterion.name(), Integer.toString(rule.weight()));
			form.put("fullAt." + criterion.name(), rule.fullAt().toPlainString());
			form.put("zeroAt." + criterion.name(), rule.zeroAt().toPlainString());
		}
		String[] stars = { "40", "55", "70", "80", "90" };
		for (int i = 0; i < 5; i++) {
			form.put("stars" + (i + 1), stars[i]);
		}
		form.put("levelCITY", "60");
		form.put("levelPROVINCIAL", "80");
		form.put("levelNATIONAL", "92");
		return form;
	}

}
