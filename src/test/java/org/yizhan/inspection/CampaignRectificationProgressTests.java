package org.yizhan.inspection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.yizhan.support.HttpCaller;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestImages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.inspection.InspectionFixtures.inspectionJson;
import static org.yizhan.inspection.InspectionFixtures.submit;

/**
 * "Rectified" in a campaign's progress (issue 15, item 1): each failed item's case is
 * counted per union as open, then overdue once its deadline passes, waiting for its
 * re-check once the station side marks it rectified, and rectified when the re-check
 * passes — the ticket module's state, read through its root API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
class CampaignRectificationProgressTests {

	/** 富阳区, Hangzhou: no other inspection test samples it. */
	static final String FUYANG = "330111";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aFailedItemsCaseIsCountedOpenOverdueAwaitingItsRecheckAndRectified() {
		InspectionFixtures fixtures = new InspectionFixtures(this.port, this.jdbc);
		InspectionFixtures.Account inspector = fixtures.account(FUYANG, "INSPECTOR", "");
		long station = fixtures.station(FUYANG, 30.0495, 119.9600);
		long campaign = fixtures.campaign(FUYANG, "富阳区回头看", false, null, List.of(inspector.id()));
		List<String> items = fixtures.items(campaign);
		assertThat(rectification(fixtures, campaign, "$.total")).containsExactly(0, 0, 0, 0, 0);

		var stored = submit(inspector.api(),
				inspectionJson(UUID.randomUUID().toString(), campaign, station, items, "sign", null, null),
				List.of(new InspectionFixtures.Photo(TestImages.jpeg(64, 48), "image/jpeg")));
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
		long inspection = JsonPath.parse(stored.body()).read("$.id", Long.class);
		String number = this.jdbc.sql("select number from problem_ticket where reference = ?")
			.param(CompletionAnnouncer.reference(inspection, campaign))
			.query(String.class)
			.single();

		// cases, open, overdue, awaiting re-check, rectified
		assertThat(rectification(fixtures, campaign, "$.total")).containsExactly(1, 1, 0, 0, 0);
		assertThat(rectification(fixtures, campaign, "$.unions[?(@.code == '" + FUYANG + "')]")).containsExactly(1, 1,
				0, 0, 0);

		// An inspection finding has 30 days; on the 31st it is overdue.
		this.clock.set(this.clock.instant().plus(Duration.ofDays(31)));
		assertThat(rectification(fixtures, campaign, "$.total")).containsExactly(1, 0, 1, 0, 0);
		this.clock.reset();

		var rectified = fixtures.admin.send("POST", "/api/v1/tickets/" + number + "/rectify",
				"multipart/form-data; boundary=after", afterPhotoForm("更换了统一标识"), null);
		assertThat(rectified.statusCode()).as(rectified.body()).isEqualTo(200);
		assertThat(rectification(fixtures, campaign, "$.total")).containsExactly(1, 0, 0, 1, 0);

		HttpCaller.ok(inspector.api()
			.postJson("/api/v1/tickets/" + number + "/recheck", "{\"passed\":true,\"reason\":\"标识已更换\"}"));
		assertThat(rectification(fixtures, campaign, "$.total")).containsExactly(1, 0, 0, 0, 1);
		assertThat(rectification(fixtures, campaign, "$.unions[?(@.code == '" + FUYANG + "')]")).containsExactly(1, 0,
				0, 0, 1);

		String page = fixtures.console(inspector).get("/console/inspections/campaigns/" + campaign).body();
		assertThat(page).contains("已整改", "待复查", "逾期", "/report.xlsx");

		// The Excel report says the same, per union and for the station.
		var xlsx = inspector.api()
			.sendBytes("GET", "/api/v1/inspection-campaigns/" + campaign + "/report.xlsx", null, null);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type"))
			.hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".xlsx");
		Map<String, List<List<String>>> sheets = sheets(xlsx.body());
		assertThat(sheets).containsOnlyKeys("汇总", "驿站明细");
		List<String> summaryHeader = sheets.get("汇总")
			.stream()
			.filter(row -> row.size() > 1 && row.get(1).equals("计划"))
			.findFirst()
			.orElseThrow();
		assertThat(summaryHeader).containsExactly("工会", "计划", "已检查", "合格", "不合格", "整改项", "已整改", "待复查", "整改中", "逾期");
		List<String> total = sheets.get("汇总").get(sheets.get("汇总").size() - 1);
		assertThat(total.get(0)).isEqualTo("合计");
		assertThat(total.subList(3, 10)).containsExactly("0", "1", "1", "1", "0", "0", "0");
		String code = this.jdbc.sql("select code from station where id = ?")
			.param(station)
			.query(String.class)
			.single();
		List<String> row = sheets.get("驿站明细").stream().filter(r -> r.get(0).equals(code)).findFirst().orElseThrow();
		assertThat(row.subList(6, 12)).containsExactly("不合格", "1", "1", "0", "0", "0");

		// The PDF for print, its Chinese in a font it carries.
		var pdf = fixtures.console(inspector)
			.sendBytes("GET", "/console/inspections/campaigns/" + campaign + "/report.pdf", null, null);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		String printed = pdfText(pdf.body());
		assertThat(printed).contains("富阳区回头看", "富阳区总工会", "计划", "已整改", "待复查", "合计", code, "不合格");
	}

	/** The PDF's text as a reader extracts it; every font it uses is embedded. */
	private static String pdfText(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					assertThat(page.getResources().getFont(name).isEmbedded()).as(name.getName()).isTrue();
				}
			}
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theReportRefusesCampaignsTheCallerDoesNotSeeAndNeutralisesFormulas() {
		InspectionFixtures fixtures = new InspectionFixtures(this.port, this.jdbc);
		InspectionFixtures.Account inspector = fixtures.account(FUYANG, "INSPECTOR", "");
		fixtures.station(FUYANG, 30.0510, 119.9620);
		long campaign = fixtures.campaign(FUYANG, "=HYPERLINK(\\\"http://evil.example\\\",\\\"点我\\\")", false, 10,
				List.of(inspector.id()));
		InspectionFixtures.Account outsider = fixtures.account("330102", "INSPECTOR", "");

		assertThat(outsider.api()
			.sendBytes("GET", "/api/v1/inspection-campaigns/" + campaign + "/report.xlsx", null, null)
			.statusCode()).isEqualTo(404);
		var english = fixtures.admin.sendBytes("GET", "/api/v1/inspection-campaigns/" + campaign + "/report.xlsx", null,
				Map.of("Accept-Language", "en"));
		assertThat(english.statusCode()).isEqualTo(200);
		Map<String, List<List<String>>> sheets = sheets(english.body());
		assertThat(sheets).containsOnlyKeys("Summary", "Stations");
		assertThat(sheets.get("Summary").get(0).get(0)).startsWith("'=HYPERLINK(");
		assertThat(sheets.get("Stations").get(0)).startsWith("Station code", "Station");
		var pdf = fixtures.admin.sendBytes("GET", "/api/v1/inspection-campaigns/" + campaign + "/report.pdf", null,
				Map.of("Accept-Language", "en"));
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdfText(pdf.body())).contains("=HYPERLINK(", "点我", "Planned", "Total");
		assertThat(outsider.api()
			.sendBytes("GET", "/api/v1/inspection-campaigns/" + campaign + "/report.pdf", null, null)
			.statusCode()).isEqualTo(404);
	}

	/** Each sheet's rows as the cells' text, by sheet name. */
	private static Map<String, List<List<String>>> sheets(byte[] xlsx) {
		Map<String, List<List<String>>> sheets = new java.util.LinkedHashMap<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook.getSheets().toList()) {
				List<List<String>> rows = new java.util.ArrayList<>();
				for (Row row : sheet.read()) {
					rows.add(row.stream().map(cell -> cell == null ? "" : cell.getText()).toList());
				}
				sheets.put(sheet.getName(), rows);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return sheets;
	}

	/**
	 * The rectification figures of the progress at {@code path} (the total, or one
	 * union's row): cases, open, overdue, awaiting re-check, rectified.
	 */
	private static List<Integer> rectification(InspectionFixtures fixtures, long campaign, String path) {
		DocumentContext progress = JsonPath
			.parse(HttpCaller.ok(fixtures.admin.get("/api/v1/inspection-campaigns/" + campaign + "/progress")));
		String counts = path.startsWith("$.unions") ? path + ".counts.rectification" : path + ".rectification";
		Object read = progress.read(counts);
		Object tally = (read instanceof List<?> rows) ? rows.get(0) : read;
		@SuppressWarnings("unchecked")
		java.util.Map<String, Integer> t = (java.util.Map<String, Integer>) tally;
		return List.of(t.get("cases"), t.get("open"), t.get("overdue"), t.get("awaitingRecheck"), t.get("rectified"));
	}

	private static byte[] afterPhotoForm(String note) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			out.write(("--after\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + note + "\r\n"
					+ "--after\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"after.jpg\"\r\n"
					+ "Content-Type: image/jpeg\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			out.write(TestImages.jpeg(64, 48));
			out.write("\r\n--after--\r\n".getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

}
