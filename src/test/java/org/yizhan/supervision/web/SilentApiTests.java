package org.yizhan.supervision.web;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.yizhan.platform.YizhanTime;
import org.yizhan.rating.RatingStatus;
import org.yizhan.station.DelistingReason;
import org.yizhan.station.Station;
import org.yizhan.station.StationLevel;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationStatus;
import org.yizhan.supervision.SilentCase;
import org.yizhan.supervision.SilentCaseStatus;
import org.yizhan.supervision.SilentFixtures;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The silent-station API over real HTTP, as the demo district admins of 西湖区 and 上城区: the
 * list of cases with their months, and the three decisions, each refused with a clear
 * answer where it does not apply.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
class SilentApiTests {

	private static final String BEFORE_JANUARY = "2025-12-15T10:00+08:00";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	StationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	SilentFixtures fixtures;

	HttpCaller xihuAdmin;

	@BeforeEach
	void setUp() {
		fixtures = SilentFixtures.of(context);
		xihuAdmin = HttpCaller.basic(port, "xihu-admin", TestAccounts.DEMO_PASSWORD);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theListShowsTheCallersOpenCasesWithTheirMonthsAndLastCountedRatingAndNoneOfAnotherDistrict() {
		Station station = fixtures.listedStation("列表驿站", StationLevel.CITY, BEFORE_JANUARY);
		fixtures.rate(station.id(), "2025-12-31T23:59+08:00", RatingStatus.COUNTED);
		SilentCase flagged = flag(station);

		DocumentContext list = json(xihuAdmin.get("/api/v1/silent-stations?org=330106&size=200"), 200);
		String at = "$.content[?(@.id == " + flagged.id() + ")]";
		assertThat(list.read(at + ".station.code", List.class)).containsExactly(station.code().value());
		assertThat(list.read(at + ".status", List.class)).containsExactly("OPEN");
		assertThat(list.read(at + ".silentMonths", List.class))
			.containsExactly(List.of("2026-01", "2026-02", "2026-03"));
		assertThat(list.read(at + ".lastCountedRating.at", List.class)).containsExactly("2025-12-31T23:59:00+08:00");
		assertThat(list.read(at + ".offers", List.class)).containsExactly(List.of("DOWNGRADE", "DELIST", "EXEMPT"));

		DocumentContext foreign = json(HttpCaller.basic(port, "shangcheng-admin", TestAccounts.DEMO_PASSWORD)
			.get("/api/v1/silent-stations?size=200"), 200);
		assertThat(foreign.read("$.content[*].station.code", List.class)).doesNotContain(station.code().value());
		assertThat(json(xihuAdmin.get("/api/v1/silent-stations?org=330102&size=200"), 200)
			.read("$.content[*].station.code", List.class)).doesNotContain(station.code().value());
	}

	@ParameterizedTest
	@CsvSource({ "NATIONAL, PROVINCIAL", "PROVINCIAL, CITY", "CITY, NONE" })
	void aDowngradeLowersTheStationOneLevelAndClosesTheCaseInOneAuditedChange(StationLevel from, StationLevel to) {
		Station station = fixtures.listedStation("降级驿站", from, BEFORE_JANUARY);
		SilentCase flagged = flag(station);

		DocumentContext decided = json(xihuAdmin.send("POST", "/api/v1/silent-stations/" + flagged.id() + "/downgrade",
				"application/json", "{\"reason\":\"连续三个月无评价\"}", ifMatch(station.version())), 200);

		assertThat(decided.read("$.status", String.class)).isEqualTo("DOWNGRADED");
		assertThat(decided.read("$.station.level", String.class)).isEqualTo(to.name());
		assertThat(decided.read("$.decision.levelBefore", String.class)).isEqualTo(from.name());
		assertThat(decided.read("$.decision.levelAfter", String.class)).isEqualTo(to.name());
		assertThat(decided.read("$.decision.by", String.class)).isEqualTo("xihu-admin");
		assertThat(decided.read("$.offers", List.class)).isEmpty();
		Station after = registry.getById(station.id());
		assertThat(after.details().level()).isEqualTo(to);
		assertThat(after.status()).isEqualTo(StationStatus.LISTED);
		assertThat(after.version()).isEqualTo(station.version() + 1);
		assertThat(audited(station)).containsExactly("silent.flag", "station.downgrade", "silent.downgrade");
	}

	@Test
	void aStationWithoutALevelIsNotOfferedADowngradeAndTheApiRefusesIt() {
		Station station = fixtures.listedStation("未定级驿站", StationLevel.NONE, BEFORE_JANUARY);
		SilentCase flagged = flag(station);
		assertThat(flagged.offers()).doesNotContain(org.yizhan.supervision.SilentCaseDecision.DOWNGRADE);

		DocumentContext refused = json(xihuAdmin.sendJson("POST",
				"/api/v1/silent-stations/" + flagged.id() + "/downgrade", "{\"reason\":\"连续三个月无评价\"}"), 409);

		assertThat(refused.read("$.detail", String.class)).isEqualTo("该驿站当前为“未定级”，已是最低级别，不能再降级。");
		assertThat(refused.read("$.errors[0].field", String.class)).isEqualTo("level");
		assertThat(single(station).status()).isEqualTo(SilentCaseStatus.OPEN);
		assertThat(audited(station)).containsExactly("silent.flag");
	}

	@Test
	void aStaleStationVersionRefusesTheDowngradeAndChangesNothing() {
		Station station = fixtures.listedStation("版本过期驿站", StationLevel.CITY, BEFORE_JANUARY);
		SilentCase flagged = flag(station);

		json(xihuAdmin.send("POST", "/api/v1/silent-stations/" + flagged.id() + "/downgrade", "application/json",
				"{\"reason\":\"无评价\"}", ifMatch(station.version() - 1)), 409);

		assertThat(registry.getById(station.id()).details().level()).isEqualTo(StationLevel.CITY);
		assertThat(single(station).status()).isEqualTo(SilentCaseStatus.OPEN);
	}

	@Test
	void delistingTakesTheStationOffTheMapWithReasonSilent() {
		Station station = fixtures.listedStation("摘牌驿站", StationLevel.CITY, BEFORE_JANUARY);
		SilentCase flagged = flag(station);

		DocumentContext decided = json(xihuAdmin.sendJson("POST", "/api/v1/silent-stations/" + flagged.id() + "/delist",
				"{\"note\":\"联系承建单位无果\"}"), 200);

		assertThat(decided.read("$.status", String.class)).isEqualTo("DELISTED");
		assertThat(decided.read("$.station.status", String.class)).isEqualTo("DELISTED");
		Station after = registry.getById(station.id());
		assertThat(after.status()).isEqualTo(StationStatus.DELISTED);
		assertThat(after.delisting()).contains(new Station.Delisting(DelistingReason.SILENT, "联系承建单位无果"));
		assertThat(audited(station)).containsExactly("silent.flag", "station.delist", "silent.delist");
	}

	@Test
	void anExemptionNeedsAReasonAndAnEndDateWithinAYear() {
		Station station = fixtures.listedStation("豁免驿站", StationLevel.CITY, BEFORE_JANUARY);
		SilentCase flagged = flag(station);
		LocalDate today = LocalDate.now(YizhanTime.ZONE);
		String path = "/api/v1/silent-stations/" + flagged.id() + "/exempt";

		DocumentContext missing = json(xihuAdmin.sendJson("POST", path, "{}"), 400);
		assertThat(missing.read("$.errors[*].field", List.class)).containsExactly("reason", "exemptUntil");
		DocumentContext past = json(
				xihuAdmin.sendJson("POST", path, "{\"reason\":\"道路施工\",\"exemptUntil\":\"" + today + "\"}"), 400);
		assertThat(past.read("$.errors[0].message", String.class)).isEqualTo("须为今天之后的日期");
		DocumentContext tooFar = json(xihuAdmin.sendJson("POST", path,
				"{\"reason\":\"道路施工\",\"exemptUntil\":\"" + today.plusYears(1).plusDays(1) + "\"}"), 400);
		assertThat(tooFar.read("$.errors[0].message", String.class)).isEqualTo("豁免期最长到 " + today.plusYears(1));
		DocumentContext notADate = json(
				xihuAdmin.sendJson("POST", path, "{\"reason\":\"道路施工\",\"exemptUntil\":\"下个月\"}"), 400);
		assertThat(notADate.read("$.errors[0].field", String.class)).isEqualTo("exemptUntil");
		assertThat(single(station).status()).isEqualTo(SilentCaseStatus.OPEN);

		DocumentContext exempted = json(xihuAdmin.sendJson("POST", path,
				"{\"reason\":\"道路施工\",\"exemptUntil\":\"" + today.plusMonths(3) + "\"}"), 200);
		assertThat(exempted.read("$.status", String.class)).isEqualTo("EXEMPTED");
		assertThat(exempted.read("$.decision.exemptUntil", String.class)).isEqualTo(today.plusMonths(3).toString());
		assertThat(registry.getById(station.id()).details().level()).isEqualTo(StationLevel.CITY);
	}

	@Test
	void aDecidedCaseIsNotDecidedAgain() {
		Station station = fixtures.listedStation("重复处理驿站", StationLevel.PROVINCIAL, BEFORE_JANUARY);
		SilentCase flagged = flag(station);
		String path = "/api/v1/silent-stations/" + flagged.id() + "/downgrade";
		json(xihuAdmin.sendJson("POST", path, "{\"reason\":\"无评价\"}"), 200);

		DocumentContext again = json(xihuAdmin.sendJson("POST", path, "{\"reason\":\"无评价\"}"), 409);

		assertThat(again.read("$.detail", String.class)).isEqualTo("该记录已处理（“已降级”），不能再次处理");
		assertThat(registry.getById(station.id()).details().level()).isEqualTo(StationLevel.CITY);
	}

	@Test
	void aStationRatedSinceItWasFlaggedIsNotDecidedOnAndItsCaseClosesItself() {
		Station station = fixtures.listedStation("之后有评价驿站", StationLevel.CITY, BEFORE_JANUARY);
		SilentCase flagged = flag(station);
		fixtures.rate(station.id(), "2026-04-03T09:30+08:00", RatingStatus.COUNTED);

		DocumentContext refused = json(
				xihuAdmin.sendJson("POST", "/api/v1/silent-stations/" + flagged.id() + "/delist", "{}"), 409);
		assertThat(refused.read("$.detail", String.class)).contains("2026-04-03");
		assertThat(registry.getById(station.id()).status()).isEqualTo(StationStatus.LISTED);

		fixtures.settle();
		assertThat(single(station).status()).isEqualTo(SilentCaseStatus.RESOLVED_BY_RATING);
	}

	@Test
	void anotherDistrictsCaseDoesNotExistAndAnInspectorMayNotDecide() {
		Station station = fixtures.listedStation("权限驿站", StationLevel.CITY, BEFORE_JANUARY);
		SilentCase flagged = flag(station);
		String path = "/api/v1/silent-stations/" + flagged.id() + "/exempt";
		String body = "{\"reason\":\"道路施工\",\"exemptUntil\":\"" + LocalDate.now(YizhanTime.ZONE).plusDays(30) + "\"}";

		json(HttpCaller.basic(port, "shangcheng-admin", TestAccounts.DEMO_PASSWORD).sendJson("POST", path, body), 404);
		DocumentContext forbidden = json(
				HttpCaller.basic(port, "xihu-inspector", TestAccounts.DEMO_PASSWORD).sendJson("POST", path, body), 403);

		assertThat(forbidden.read("$.detail", String.class)).isEqualTo("只有该驿站所属工会的管理员可以处理长期无评价驿站");
		assertThat(single(station).status()).isEqualTo(SilentCaseStatus.OPEN);
	}

	@Test
	void theListRefusesUnknownValuesNamingEachField() {
		DocumentContext refused = json(xihuAdmin.get("/api/v1/silent-stations?status=SLEEPING&org=999999&size=0"), 400);

		assertThat(refused.read("$.errors[*].field", List.class)).containsExactly("status", "org", "size");
		assertThat(refused.read("$.errors[1].message", String.class)).isEqualTo("没有代码为“999999”的工会组织");
	}

	/** Flags the station as the check does after March and reads its case. */
	private SilentCase flag(Station station) {
		fixtures.judge("2026-03");
		clock.reset();
		return single(station);
	}

	private SilentCase single(Station station) {
		List<SilentCase> cases = fixtures.casesOf(station.id());
		assertThat(cases).hasSize(1);
		return cases.get(0);
	}

	private List<String> audited(Station station) {
		return jdbc
			.sql("select action from audit_entry where target_type = 'station' and target_id = :code "
					+ "and (action like 'silent.%' or action in ('station.downgrade', 'station.delist')) order by id")
			.param("code", station.code().value())
			.query(String.class)
			.list();
	}

	private static Map<String, String> ifMatch(long version) {
		return Map.of("If-Match", "\"" + version + "\"");
	}

	private static DocumentContext json(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return JsonPath.parse(response.body());
	}

}
