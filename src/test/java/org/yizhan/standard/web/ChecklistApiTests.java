package org.yizhan.standard.web;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationStatus;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Standards over real HTTP as the national admin: the seeded standards with their
 * sources, the standard in force down the tree, versions, the "add, not weaken" rule,
 * judgements, the listing gate and the report of listed stations that fall short. Each
 * test works in a province of its own (the database is shared by the whole test run),
 * never in the demo city, which has no standard.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
class ChecklistApiTests {

	/** 青岛市市南区, under Qingdao's additions to Shandong's rule (seeded). */
	static final String SHINAN = "370202";

	@LocalServerPort
	int port;

	@Autowired
	StationRegistry registry;

	HttpCaller admin;

	@BeforeEach
	void setUp() {
		admin = HttpCaller.basic(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
	}

	@Test
	void theSeededStandardsAreListedWithTheirSourcesAndWhereTheyApply() {
		DocumentContext list = JsonPath.parse(HttpCaller.ok(admin.get("/api/v1/checklists")));
		List<String> names = list.read("$.content[*].nameZh");
		assertThat(names).contains("一平米温暖爱心驿站“六有”标准", "西安市工会驿站“八有”基本建设标准", "山东省户外劳动者服务站点设置规则", "青岛市驿站基本需求标准");
		List<String> sixHaves = list.read("$.content[?(@.ownerCode == '100000')].currentVersion.items[*].textZh");
		assertThat(sixHaves).containsExactly("有统一的标识名称", "有合理的站点布局", "有健全的服务设施", "有完善的服务功能", "有规范的管理制度", "有地图可查");
		List<String> sources = list.read("$.content[*].source");
		assertThat(sources).allSatisfy(source -> assertThat(source).isNotBlank());
		// the three quoting the newspaper pages cite them first; Shandong's only says
		// they lack it
		assertThat(sources.stream().filter(source -> source.startsWith("工人日报"))).hasSize(3);
		// Shandong's rule has no document to cite yet: its source says so to the reader
		// rather than point at the project's own notes or lend it a citation.
		List<String> shandong = list.read("$.content[?(@.nameZh == '山东省户外劳动者服务站点设置规则')].source");
		assertThat(shandong).singleElement().asString().startsWith("出处待补").contains("12平方米", "一楼且临街");
		assertThat(sources).noneMatch(source -> source.contains("DOMAIN.md"));
		List<String> assigned = list.read("$.assignments[*].unionCode");
		assertThat(assigned).contains("370000", "370200", "610100").doesNotContain("330000", "330100", "100000");
	}

	@Test
	void aQingdaoDistrictUsesShandongsRuleWithQingdaosAdditions() {
		DocumentContext inForce = JsonPath
			.parse(HttpCaller.ok(admin.get("/api/v1/checklists/in-force?union=" + SHINAN)));
		assertThat(inForce.read("$.assignedAt", String.class)).isEqualTo("370200");
		List<String> codes = inForce.read("$.items[*].code");
		assertThat(codes).containsExactly("area", "street-level", "water", "eating", "resting");
		assertThat(inForce.read("$.items[0].minimum", BigDecimal.class)).isEqualByComparingTo("12");
		assertThat(inForce.read("$.items[0].unit", String.class)).isEqualTo("m²");
	}

	@Test
	void theDemoCityHasNoStandardInForce() {
		DocumentContext inForce = JsonPath.parse(HttpCaller.ok(admin.get("/api/v1/checklists/in-force?union=330106")));
		assertThat(inForce.read("$.checklist", Object.class)).isNull();
		assertThat(inForce.read("$.items", List.class)).isEmpty();
	}

	@Test
	void anUnknownUnionIsRefusedNamingTheField() {
		HttpResponse<String> answer = admin.speaking("en").get("/api/v1/checklists/in-force?union=999999");
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("union", "There is no union with code \\\"999999\\\"");
	}

	@Test
	void listingADraftThatLacksRequiredItemsIsRefusedNamingEachOfThem() {
		Station draft = draft("市南测试缺项驿站", SHINAN, 36.0671, 120.3826, new BigDecimal("8"), "DRINKING_WATER");
		HttpResponse<String> refused = admin.send("POST", "/api/v1/stations/" + draft.id() + "/list");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.body()).contains("青岛市驿站基本需求标准", "站点面积不少于12平方米", "设在一楼且临街", "满足就餐需求", "满足休息需求")
			.doesNotContain("满足饮水需求");
		HttpResponse<String> english = admin.speaking("en").send("POST", "/api/v1/stations/" + draft.id() + "/list");
		assertThat(english.statusCode()).isEqualTo(409);
		assertThat(english.body()).contains("A floor area of at least 12 m²", "On the ground floor, facing the street",
				"Somewhere to rest");
		ActingAsNationalAdmin.signIn();
		assertThat(registry.getById(draft.id()).status()).isEqualTo(StationStatus.DRAFT);
	}

	@Test
	void aDraftThatMeetsTheStandardIsListedAndKeepsTheJudgementItWasListedUnder() {
		Station draft = draft("市南测试达标驿站", SHINAN, 36.0601, 120.3701, new BigDecimal("20"), "DRINKING_WATER",
				"MICROWAVE", "SEATING");
		String judged = HttpCaller.ok(admin.postJson("/api/v1/stations/" + draft.id() + "/judgements",
				"{\"evidence\":[{\"code\":\"street-level\",\"yes\":true}]}"));
		assertThat(JsonPath.parse(judged).read("$.met", Boolean.class)).isTrue();
		assertThat(JsonPath.parse(judged).read("$.purpose", String.class)).isEqualTo("RECORDED");

		HttpResponse<String> listed = admin.send("POST", "/api/v1/stations/" + draft.id() + "/list");
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
		assertThat(JsonPath.parse(listed.body()).read("$.status", String.class)).isEqualTo("LISTED");
		DocumentContext judgements = JsonPath
			.parse(HttpCaller.ok(admin.get("/api/v1/stations/" + draft.id() + "/judgements")));
		assertThat(judgements.read("$[*].purpose", List.class)).containsExactly("LISTING", "RECORDED");
		assertThat(judgements.read("$[0].checklist.nameZh", String.class)).isEqualTo("青岛市驿站基本需求标准");
		assertThat(judgements.read("$[0].items[?(@.code == 'area')].number", List.class)).containsExactly(20);
	}

	@Test
	void aJudgementIsRefusedForAnItemTheStationsRecordDecidesOrOneTheStandardLacks() {
		Station draft = draft("市南测试评定驿站", SHINAN, 36.0621, 120.3721, null);
		HttpResponse<String> answer = admin.speaking("en")
			.postJson("/api/v1/stations/" + draft.id() + "/judgements",
					"{\"evidence\":[{\"code\":\"area\",\"number\":30},{\"code\":\"sauna\",\"yes\":true},"
							+ "{\"code\":\"street-level\"}]}");
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("evidence[0].code", "is judged from the station's record",
				"evidence[1].code", "no item \\\"sauna\\\"", "evidence[2].yes");
		ActingAsNationalAdmin.signIn();
		assertThat(registry.getById(draft.id()).status()).isEqualTo(StationStatus.DRAFT);
	}

	@Test
	void whereNoUnionSetAStandardAStationWithNothingIsListedAsBefore() {
		Station listed = TestStations.listed(registry, "西湖无标准测试驿站", "西湖区测试路1号", "330106", 30.2595, 120.1302);
		assertThat(listed.status()).isEqualTo(StationStatus.LISTED);
	}

	@Test
	void aLowerUnionMayAddToTheStandardInForceButNotWeakenIt() {
		// Jiangsu sets a rule; Nanjing extends it
		// made while nothing is in force in Jiangsu, so it extends nothing
		long suzhouOwn = create("320500", "苏州自定测试规则", "[" + yesNo("staffed", true) + "]");
		long jiangsu = create("320000", "江苏测试规则", "[" + area(10, true) + "," + yesNo("signboard", true) + "]");
		assertThat(assign("320000", jiangsu).statusCode()).isEqualTo(200);

		HttpResponse<String> lower = createAnswer("320100", "南京降低面积", "[" + area(8, true) + "]");
		assertThat(lower.statusCode()).as(lower.body()).isEqualTo(409);
		assertThat(lower.body()).contains("站点面积（测试）", "area", "10", "8");
		HttpResponse<String> optional = createAnswer("320100", "南京改为可选", "[" + area(10, false) + "]");
		assertThat(optional.statusCode()).isEqualTo(409);
		assertThat(optional.body()).contains("站点面积（测试）", "不能改为可选");
		HttpResponse<String> evidence = createAnswer("320100", "南京改证明方式", "[" + yesNo("area", true) + "]");
		assertThat(evidence.statusCode()).isEqualTo(409);

		long nanjing = create("320100", "南京测试补充",
				"[" + area(15, true) + ",{\"code\":\"toilet\",\"textZh\":\"有卫生间\",\"textEn\":\"A toilet\","
						+ "\"evidence\":\"AMENITY\",\"amenity\":\"TOILET\"}]");
		assertThat(assign("320100", nanjing).statusCode()).isEqualTo(200);
		DocumentContext inForce = JsonPath.parse(HttpCaller.ok(admin.get("/api/v1/checklists/in-force?union=320102")));
		assertThat(inForce.read("$.items[*].code", List.class)).containsExactly("area", "signboard", "toilet");
		assertThat(inForce.read("$.items[0].minimum", BigDecimal.class)).isEqualByComparingTo("15");

		// a checklist that does not extend Jiangsu's may not replace it below
		HttpResponse<String> replace = assign("320500", suzhouOwn);
		assertThat(replace.statusCode()).isEqualTo(409);
		assertThat(replace.body()).contains("江苏测试规则");
		// nor may a new version of the extension weaken what it inherits
		HttpResponse<String> weakened = admin.postJson("/api/v1/checklists/" + nanjing + "/versions",
				"{\"items\":[" + area(9, true) + "]}");
		assertThat(weakened.statusCode()).isEqualTo(409);
		assertThat(weakened.body()).contains("站点面积（测试）");
	}

	@Test
	void aNewVersionSupersedesTheOldWhichStaysReadableAndJudgementsKeepTheirVersion() {
		long jiangxi = create("360000", "江西测试规则", "[" + yesNo("rules", true) + "]");
		assign("360000", jiangxi);
		Station draft = draft("南昌测试版本驿站", "360102", 28.6830, 115.8930, null);
		HttpCaller.ok(admin.postJson("/api/v1/stations/" + draft.id() + "/judgements",
				"{\"evidence\":[{\"code\":\"rules\",\"yes\":true}]}"));

		HttpResponse<String> stale = admin.postJson("/api/v1/checklists/" + jiangxi + "/versions",
				"{\"expectedVersion\":7,\"items\":[" + yesNo("rules", true) + "]}");
		assertThat(stale.statusCode()).isEqualTo(409);
		DocumentContext second = JsonPath
			.parse(HttpCaller.ok(admin.postJson("/api/v1/checklists/" + jiangxi + "/versions",
					"{\"expectedVersion\":1,\"note\":\"加面积\",\"items\":[" + yesNo("rules", true) + "," + area(12, true)
							+ "]}")));
		assertThat(second.read("$.versions[*].number", List.class)).containsExactly(2, 1);
		assertThat(second.read("$.versions[1].items[*].code", List.class)).containsExactly("rules");
		assertThat(second.read("$.versions[0].items[*].code", List.class)).containsExactly("rules", "area");

		HttpCaller.ok(admin.postJson("/api/v1/stations/" + draft.id() + "/judgements",
				"{\"evidence\":[{\"code\":\"rules\",\"yes\":true}]}"));
		DocumentContext judgements = JsonPath
			.parse(HttpCaller.ok(admin.get("/api/v1/stations/" + draft.id() + "/judgements")));
		assertThat(judgements.read("$[*].checklist.version", List.class)).containsExactly(2, 1);
		assertThat(judgements.read("$[*].met", List.class)).containsExactly(false, true);
		assertThat(judgements.read("$[1].items[*].code", List.class)).containsExactly("rules");
	}

	@Test
	void aStationListedBeforeTheStandardIsReportedNotDelisted() {
		Station before = TestStations.listed(registry, "合肥先上图测试驿站", "瑶海区测试路1号", "340102", 31.8580, 117.3090);
		long anhui = create("340000", "安徽测试规则",
				"[{\"code\":\"toilet\",\"textZh\":\"有卫生间（测试）\",\"textEn\":\"A toilet (test)\","
						+ "\"evidence\":\"AMENITY\",\"amenity\":\"TOILET\"}]");
		assign("340000", anhui);

		DocumentContext report = JsonPath.parse(HttpCaller.ok(admin.get("/api/v1/checklists/shortfalls?union=340000")));
		assertThat(report.read("$.content[*].code", List.class)).containsExactly(before.code().toString());
		assertThat(report.read("$.content[0].unmet[*].code", List.class)).containsExactly("toilet");
		ActingAsNationalAdmin.signIn();
		assertThat(registry.getById(before.id()).status()).isEqualTo(StationStatus.LISTED);
		HttpCaller console = HttpCaller.console(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		assertThat(console.get("/console/checklists/shortfalls?union=340000").body()).contains(before.code().toString(),
				"有卫生间（测试）");
	}

	@Test
	void theConsoleShowsTheStandardInForceAddsAnItemAsANewVersionAndSetsWhereItApplies() {
		long ningxia = create("640000", "宁夏测试规则", "[" + yesNo("rules", true) + "]");
		HttpCaller console = HttpCaller.console(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		assertThat(console.get("/console/checklists?union=" + SHINAN).body()).contains("青岛市驿站基本需求标准", "站点面积不少于12平方米",
				"山东省户外劳动者服务站点设置规则");
		HttpResponse<String> invalid = console.postForm("/console/checklists/" + ningxia,
				Map.of("code", "Bad Code", "textZh", "有饮水", "textEn", "Water", "evidence", "AMENITY", "version", "1"));
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.body()).contains("项目编码“Bad Code”", "按设施证明的项目需要选择一项服务设施");
		HttpResponse<String> added = console.postForm("/console/checklists/" + ningxia,
				Map.of("code", "water", "textZh", "有饮水", "textEn", "Water", "evidence", "AMENITY", "amenity",
						"DRINKING_WATER", "required", "true", "version", "1"));
		assertThat(added.statusCode()).isIn(200, 302);
		DocumentContext checklist = JsonPath.parse(HttpCaller.ok(admin.get("/api/v1/checklists/" + ningxia)));
		assertThat(checklist.read("$.currentVersion.number", Integer.class)).isEqualTo(2);
		assertThat(checklist.read("$.currentVersion.items[*].code", List.class)).containsExactly("rules", "water");

		HttpResponse<String> assigned = console.postForm("/console/checklists/" + ningxia + "/assign",
				Map.of("union", "640000"));
		assertThat(assigned.statusCode()).isIn(200, 302);
		DocumentContext inForce = JsonPath.parse(HttpCaller.ok(admin.get("/api/v1/checklists/in-force?union=640104")));
		assertThat(inForce.read("$.checklist.id", Long.class)).isEqualTo(ningxia);
		assertThat(inForce.read("$.items[*].code", List.class)).containsExactly("rules", "water");
	}

	@Test
	void aChecklistWithoutWhatItsItemsNeedIsRefusedFieldByFieldAndNothingIsStored() {
		int before = JsonPath.parse(HttpCaller.ok(admin.get("/api/v1/checklists"))).read("$.content.length()");
		HttpResponse<String> answer = admin.speaking("en")
			.postJson("/api/v1/checklists",
					"{\"ownerCode\":\"620000\",\"nameZh\":\"甘肃测试\",\"nameEn\":\"\","
							+ "\"source\":\"test\",\"items\":[{\"code\":\"area\",\"textZh\":\"面积\",\"textEn\":\"Area\","
							+ "\"evidence\":\"NUMBER\"},{\"code\":\"area\",\"textZh\":\"卫生间\",\"textEn\":\"Toilet\","
							+ "\"evidence\":\"SAUNA\"}]}");
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("nameEn", "items[0].minimum", "A number item needs a minimum",
				"items[1].evidence", "SAUNA");
		assertThat(JsonPath.parse(HttpCaller.ok(admin.get("/api/v1/checklists")))
			.read("$.content.length()", Integer.class)).isEqualTo(before);
	}

	// ------------------------------------------------------------------ helpers

	private Station draft(String name, String district, double lat, double lon, BigDecimal areaM2,
			String... amenities) {
		ActingAsNationalAdmin.signIn();
		return registry.create(new StationInput(name, name + "地址1号", district, "测试单位", "OTHER", lat, lon, "wgs84",
				areaM2, null, List.of(amenities), "24/7", null, null, false, null, null, null, null));
	}

	private static String area(int minimum, boolean required) {
		return "{\"code\":\"area\",\"textZh\":\"站点面积（测试）\",\"textEn\":\"Floor area (test)\",\"evidence\":\"NUMBER\","
				+ "\"minimum\":" + minimum + ",\"measure\":\"AREA_M2\",\"required\":" + required + "}";
	}

	private static String yesNo(String code, boolean required) {
		return "{\"code\":\"" + code + "\",\"textZh\":\"" + code + "（测试）\",\"textEn\":\"" + code
				+ " (test)\",\"evidence\":\"YES_NO\",\"required\":" + required + "}";
	}

	private HttpResponse<String> createAnswer(String owner, String name, String items) {
		return admin.postJson("/api/v1/checklists", "{\"ownerCode\":\"" + owner + "\",\"nameZh\":\"" + name
				+ "\",\"nameEn\":\"" + name + " (test)\",\"source\":\"测试\",\"items\":" + items + "}");
	}

	private long create(String owner, String name, String items) {
		HttpResponse<String> created = createAnswer(owner, name, items);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JsonPath.parse(created.body()).read("$.id", Long.class);
	}

	private HttpResponse<String> assign(String union, long checklist) {
		return admin.sendJson("PUT", "/api/v1/checklists/assignments/" + union, "{\"checklistId\":" + checklist + "}");
	}

}
