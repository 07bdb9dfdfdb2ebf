package org.yizhan.inspection;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.yizhan.station.EvidencePhotos;
import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;
import org.yizhan.support.access.Cell;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.yizhan.support.access.AccessFixture.FOREIGN;
import static org.yizhan.support.access.AccessFixture.OWN;
import static org.yizhan.support.access.AccessRow.api;
import static org.yizhan.support.access.AccessRow.page;

/**
 * The inspections' rows of the access matrix. The own object is a mystery campaign of 西湖区
 * naming the matrix's inspector and evaluator, with an unpublished inspection (and its
 * failed item's photo) of the station the station master, liaison and host share: the
 * station side gets 404 for it everywhere (its station's list answers, without it:
 * {@code MysteryVisitTests} reads the lists), as does union staff that neither sees the
 * campaign nor is named by it. The foreign object is an open campaign of 上城区 and its
 * inspection, which nobody of 西湖区 sees. Campaigns are read by union admins, inspectors
 * and auditors above them and by the evaluators they name; created and published by union
 * admins; inspections submitted by the worklist's inspector.
 */
final class InspectionAccessRows implements AccessRows {

	static final String READERS = "UAFAFAFFFA";

	/** A campaign: its readers; the station side never learns whether it exists. */
	static final String CAMPAIGN = "UAFAFANNNA";

	static final String CAMPAIGN_HIDDEN = "UNFNFNNNNN";

	/** The unpublished mystery visit: its campaign's readers only. */
	static final String MYSTERY = "UANANANNNA";

	static final String NOBODY_SEES = "UNNNNNNNNN";

	private final Map<Boolean, Long> campaigns = new HashMap<>();

	private final Map<Boolean, Long> inspections = new HashMap<>();

	private final Map<Boolean, Long> photos = new HashMap<>();

	private final Map<Boolean, String> names = new HashMap<>();

	private final Map<Boolean, String> notes = new HashMap<>();

	@Override
	public void prepare(AccessFixture f) {
		long inspector = f.roleAccounts().get("INSPECTOR");
		long evaluator = f.roleAccounts().get("EVALUATOR");
		EvidencePhotos evidence = f.bean(EvidencePhotos.class);
		for (boolean foreign : new boolean[] { false, true }) {
			String name = "矩阵检查活动" + (foreign ? "外区" : "本区") + f.serial();
			List<Long> assignees = foreign ? List.of(f.foreignAccount()) : List.of(inspector, evaluator);
			long campaign = campaign(f.jdbc(), foreign ? FOREIGN : OWN, name, !foreign, assignees);
			long station = foreign ? f.foreignStation() : f.ownStation();
			long assignee = assignees.get(0);
			f.jdbc()
				.sql("insert into inspection_sample (campaign_id, station_id, district_code, assignee_id) values (?, ?, ?, ?)")
				.params(campaign, station, foreign ? FOREIGN : OWN, assignee)
				.update();
			String note = "矩阵检查备注" + (foreign ? "外区" : "本区") + f.serial();
			long inspection = f.jdbc()
				.sql("""
						insert into inspection (client_id, campaign_id, station_id, district_code, inspector_id, inspected_at,
						  submitted_at, near_station, note, score, passed, failed_items)
						values (?, ?, ?, ?, ?, now(), now(), true, ?, 0, false, 1) returning id""")
				.params(UUID.randomUUID(), campaign, station, foreign ? FOREIGN : OWN, assignee, note)
				.query(Long.class)
				.single();
			f.jdbc()
				.sql("insert into inspection_answer (inspection_id, item_code, passed, note) values (?, 'sign', false, '褪色')")
				.param(inspection)
				.update();
			String key = evidence.store(f.photo(), "photo", k -> true);
			long photo = f.jdbc()
				.sql("insert into inspection_photo (inspection_id, item_code, photo_key) values (?, 'sign', ?) returning id")
				.params(inspection, key)
				.query(Long.class)
				.single();
			this.campaigns.put(foreign, campaign);
			this.inspections.put(foreign, inspection);
			this.photos.put(foreign, photo);
			this.names.put(foreign, name);
			this.notes.put(foreign, note);
		}
	}

	/** A campaign of one item, from today for a month, straight into its tables. */
	static long campaign(JdbcClient jdbc, String union, String name, boolean mystery, List<Long> assignees) {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		long id = jdbc
			.sql("""
					insert into inspection_campaign (union_code, kind, name, mystery, checklist_id, checklist_version_id,
					  checklist_version_number, checklist_name_zh, checklist_name_en, sample_percent, seed, starts_on, ends_on,
					  created_at, created_by)
					select ?, 'SPOT_CHECK', ?, ?, c.id, v.id, v.number, c.name_zh, c.name_en, null, 1, ?, ?, now(), 'matrix'
					from checklist c join checklist_version v on v.checklist_id = c.id
					where c.owner_code = '100000' order by v.number desc limit 1 returning id""")
			.params(union, name, mystery, today, today.plusDays(30))
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into inspection_campaign_item (campaign_id, position, code, text_zh, text_en, required)
				values (?, 1, 'sign', '有统一的标识名称', 'A unified sign and name', true)""").param(id).update();
		assignees.forEach(account -> jdbc.sql("insert into inspection_assignee (campaign_id, account_id) values (?, ?)")
			.params(id, account)
			.update());
		return id;
	}

	@Override
	public List<AccessRow> rows(AccessFixture f) {
		List<AccessRow> rows = new ArrayList<>();
		long inspector = f.roleAccounts().get("INSPECTOR");
		rows.add(api("POST", "/api/v1/inspection-campaigns",
				c -> c.json("POST", "/api/v1/inspection-campaigns",
						"{\"union\":\"" + c.district() + "\",\"kind\":\"SPOT_CHECK\",\"name\":\"矩阵抽查\",\"checklistId\":"
								+ liuYou(f) + ",\"samplePercent\":1,\"startsOn\":\"" + today() + "\",\"endsOn\":\""
								+ today().plusDays(7) + "\",\"assignees\":[" + inspector + "]}"),
				"UAFFFFFFFF", "UIFFFFFFFF"));
		rows.add(api("GET", "/api/v1/inspection-campaigns", c -> c.get("/api/v1/inspection-campaigns"), READERS, null)
			.leaks(() -> List.of(this.names.get(true))));
		rows.add(api("GET", "/api/v1/inspection-campaigns/{id}",
				c -> c.get("/api/v1/inspection-campaigns/" + this.campaigns.get(c.foreign)), CAMPAIGN,
				CAMPAIGN_HIDDEN));
		rows.add(api("GET", "/api/v1/inspection-campaigns/{id}/progress",
				c -> c.get("/api/v1/inspection-campaigns/" + this.campaigns.get(c.foreign) + "/progress"), CAMPAIGN,
				CAMPAIGN_HIDDEN));
		rows.add(api("GET", "/api/v1/inspection-campaigns/{id}/report.xlsx",
				c -> c.get("/api/v1/inspection-campaigns/" + this.campaigns.get(c.foreign) + "/report.xlsx"), CAMPAIGN,
				CAMPAIGN_HIDDEN));
		rows.add(api("GET", "/api/v1/inspection-campaigns/{id}/report.pdf",
				c -> c.get("/api/v1/inspection-campaigns/" + this.campaigns.get(c.foreign) + "/report.pdf"), CAMPAIGN,
				CAMPAIGN_HIDDEN));
		rows.add(api("GET", "/api/v1/inspection-campaigns/{id}/sample",
				c -> c.get("/api/v1/inspection-campaigns/" + this.campaigns.get(c.foreign) + "/sample"), CAMPAIGN,
				CAMPAIGN_HIDDEN));
		rows.add(
				api("GET", "/api/v1/inspection-worklist", c -> c.get("/api/v1/inspection-worklist"), "UFFAFFFFFA", null)
					.leaks(() -> List.of(f.foreignStationCode())));
		rows.add(api("POST", "/api/v1/inspections", c -> InspectionFixtures.submit(c.caller,
				"{'clientId':'" + UUID.randomUUID() + "','campaignId':" + this.campaigns.get(false) + ",'stationId':"
						+ c.station() + ",'inspectedAt':'" + InspectionFixtures.now() + "','answers':[]}",
				List.of()), "UFFIFFFFFF", "UFFFFFFFFF"));
		rows.add(api("GET", "/api/v1/inspections/{id}",
				c -> c.get("/api/v1/inspections/" + this.inspections.get(c.foreign)), MYSTERY, NOBODY_SEES));
		rows.add(api("GET", "/api/v1/inspection-photos/{id}",
				c -> c.get("/api/v1/inspection-photos/" + this.photos.get(c.foreign)), MYSTERY, NOBODY_SEES));
		rows.add(api("GET", "/api/v1/stations/{id}/inspections",
				c -> c.get("/api/v1/stations/" + c.station() + "/inspections"), "UAAAAAAAAA", NOBODY_SEES)
			.leaks(() -> List.of(this.notes.get(true))));
		rows.add(page("GET", "/console/inspections", c -> c.get("/console/inspections"), READERS, null)
			.leaks(() -> List.of(this.names.get(true))));
		rows.add(page("POST", "/console/inspections",
				c -> c.form("/console/inspections",
						Map.of("union", c.district(), "kind", "SPOT_CHECK", "name", "矩阵抽查", "checklistId",
								Long.toString(liuYou(f)), "samplePercent", "1", "startsOn", today().toString(),
								"endsOn", today().plusDays(7).toString(), "assignees", Long.toString(inspector))),
				"UAFFFFFFFF", "URFFFFFFFF"));
		rows.add(page("GET", "/console/inspections/campaigns/{id}",
				c -> c.get("/console/inspections/campaigns/" + this.campaigns.get(c.foreign)), CAMPAIGN,
				CAMPAIGN_HIDDEN));
		rows.add(page("GET", "/console/inspections/campaigns/{id}/report.xlsx",
				c -> c.get("/console/inspections/campaigns/" + this.campaigns.get(c.foreign) + "/report.xlsx"),
				CAMPAIGN, CAMPAIGN_HIDDEN));
		rows.add(page("GET", "/console/inspections/campaigns/{id}/report.pdf",
				c -> c.get("/console/inspections/campaigns/" + this.campaigns.get(c.foreign) + "/report.pdf"), CAMPAIGN,
				CAMPAIGN_HIDDEN));
		rows.add(page("GET", "/console/inspections/worklist", c -> c.get("/console/inspections/worklist"), "UFFAFFFFFA",
				null)
			.leaks(() -> List.of(f.foreignStationCode())));
		rows.add(page("GET", "/console/inspections/form",
				c -> c
					.get("/console/inspections/form?campaign=" + this.campaigns.get(false) + "&station=" + c.station()),
				"UFFAFFFFFF", "UFFFFFFFFF"));
		rows.add(page("POST", "/console/inspections/form",
				c -> c.caller.postFile("/console/inspections/form", "photo.sign", "p.jpg", f.photo(), null),
				"UFFRFFFFFR", null));
		rows.add(page("GET", "/console/inspections/{id}",
				c -> c.get("/console/inspections/" + this.inspections.get(c.foreign)), MYSTERY, NOBODY_SEES));
		rows.add(page("GET", "/console/inspections/photos/{id}",
				c -> c.get("/console/inspections/photos/" + this.photos.get(c.foreign)), MYSTERY, NOBODY_SEES));
		rows.add(page("GET", "/console/inspections/stations/{id}",
				c -> c.get("/console/inspections/stations/" + c.station()), "UAAAAAAAAA", NOBODY_SEES)
			.leaks(() -> List.of(this.notes.get(true))));
		// publishing changes the campaign: each cell publishes a campaign of its own
		rows.add(api("POST", "/api/v1/inspection-campaigns/{id}/publish",
				c -> c.json("POST", "/api/v1/inspection-campaigns/" + fresh(f, c) + "/publish", "{}"), "UAFFFFNNNF",
				CAMPAIGN_HIDDEN));
		rows.add(page("POST", "/console/inspections/campaigns/{id}/publish",
				c -> c.form("/console/inspections/campaigns/" + fresh(f, c) + "/publish", Map.of()), "UAFFFFNNNF",
				CAMPAIGN_HIDDEN));
		return rows;
	}

	private static long fresh(AccessFixture f, Cell c) {
		List<Long> assignees = c.foreign ? List.of(f.foreignAccount())
				: List.of(f.roleAccounts().get("INSPECTOR"), f.roleAccounts().get("EVALUATOR"));
		return campaign(f.jdbc(), c.district(), "矩阵待公布" + f.serial(), true, assignees);
	}

	private static long liuYou(AccessFixture f) {
		return f.jdbc()
			.sql("select id from checklist where owner_code = '100000' order by id limit 1")
			.query(Long.class)
			.single();
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

}
