package org.yizhan.ticket.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.yizhan.station.Station;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestImages;
import org.yizhan.ticket.ProblemType;
import org.yizhan.ticket.TicketEscalation;
import org.yizhan.ticket.TicketFixtures.Person;
import org.yizhan.ticket.TicketResolved;
import org.yizhan.ticket.TicketTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.yizhan.support.MvcCalls.body;
import static org.yizhan.support.MvcCalls.json;

/**
 * Resolving a ticket over the staff API: who may (its holder, those above it in the
 * chain, a union admin over the station), what it takes (a note, and a photo for the
 * problem types that need one, stored without its GPS position), and what the reporter
 * then sees. The demo city's union accounts play the unions.
 */
class TicketResolutionTests extends TicketTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	Person general;

	Person otherMaster;

	@BeforeAll
	void stationMastersOfOtherStations() throws Exception {
		// bound to a station of their own only: they see others through the chains
		// naming them
		general = fixtures.account("330106", List.of("STATION_MASTER"), fixtures.listedStation("330106"));
		otherMaster = fixtures.account("330106", List.of("STATION_MASTER"), fixtures.listedStation("330106"));
	}

	@Test
	void theHolderResolvesWithANoteAndTheReporterSeesItButNoStaffName() throws Exception {
		String number = ticket(ProblemType.MISSING_SUPPLIES);

		MvcResult resolved = fixtures.as(master, resolveJson(number, "已补充饮用水和药品，<b>谢谢</b>提醒！"));

		assertThat(resolved.getResponse().getStatus()).as(body(resolved)).isEqualTo(200);
		DocumentContext ticket = json(resolved);
		assertThat(ticket.read("$.status", String.class)).isEqualTo("RESOLVED");
		assertThat(ticket.read("$.resolvedBy.username", String.class)).isEqualTo(master.username());
		assertThat(ticket.read("$.history[*].event", List.class)).containsExactly("OPENED", "RESOLVED");
		assertThat(ticket.read("$.history[1].actor.id", Long.class)).isEqualTo(master.id());

		MvcResult status = mvc.perform(get("/api/v1/problems/" + number)).andReturn();
		DocumentContext public_ = json(status);
		assertThat(public_.read("$.status", String.class)).isEqualTo("RESOLVED");
		assertThat(public_.read("$.resolutionNote", String.class)).isEqualTo("已补充饮用水和药品，<b>谢谢</b>提醒！");
		assertThat(public_.read("$.resolvedAt", String.class)).endsWith("+08:00");
		assertThat(body(status)).doesNotContain(master.username(), "工单STATION_MASTER", "photo");

		MvcResult page = mvc.perform(get("/p/" + number)).andReturn();
		assertThat(body(page)).contains("已解决", "已补充饮用水和药品，&lt;b&gt;谢谢&lt;/b&gt;提醒！")
			.doesNotContain("<b>谢谢</b>", master.username());
		assertThat(events.stream(TicketResolved.class).filter(event -> event.number().equals(number))).singleElement()
			.satisfies(event -> assertThat(event.resolvedBy()).isEqualTo(master.id()));
		assertThat(jdbc
			.sql("select count(*) from audit_entry where action = 'ticket.resolve' and target_id = ?"
					+ " and username = ? and after_summary = 'status=RESOLVED; photo=no'")
			.param(number)
			.param(master.username())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aNoteIsRequiredAndATicketIsResolvedOnlyOnce() throws Exception {
		String number = ticket(ProblemType.MISSING_SUPPLIES);

		MvcResult none = fixtures.as(master,
				post("/api/v1/tickets/" + number + "/resolve").contentType(MediaType.APPLICATION_JSON).content("{}"));
		MvcResult blank = fixtures.as(master, resolveJson(number, "   "));
		MvcResult tooLong = fixtures.as(master, resolveJson(number, "长".repeat(1001)));
		// reads "已处理 (done)" on screen, stored as "(enod) 理处已"
		MvcResult reversed = fixtures.as(master, resolveJson(number, "\u202e(enod) 理处已"));
		MvcResult zeroWidth = fixtures.as(master, resolveJson(number, "已\u200b处理"));

		for (MvcResult refused : List.of(none, blank, tooLong, reversed, zeroWidth)) {
			assertThat(refused.getResponse().getStatus()).isEqualTo(400);
			assertThat(json(refused).read("$.errors[0].field", String.class)).isEqualTo("note");
		}
		assertThat(json(reversed).read("$.errors[0].code", String.class)).isEqualTo("validation.invisibleCharacters");
		assertThat(json(zeroWidth).read("$.errors[0].code", String.class)).isEqualTo("validation.invisibleCharacters");
		assertThat(status(number)).isEqualTo("OPEN");

		assertThat(fixtures.as(master, resolveJson(number, "已处理")).getResponse().getStatus()).isEqualTo(200);
		MvcResult again = fixtures.as(liaison, resolveJson(number, "再次处理"));
		assertThat(again.getResponse().getStatus()).isEqualTo(409);
		assertThat(json(again).read("$.detail", String.class)).contains("已经办结");
	}

	@Test
	void aSafetyHazardNeedsAPhotoWhichIsStoredWithoutItsGpsPosition(@Value("${yizhan.photos.dir}") Path photos)
			throws Exception {
		String number = ticket(ProblemType.SAFETY);

		MvcResult withoutPhoto = fixtures.as(master, resolveJson(number, "已加固扶手"));
		MvcResult notAnImage = fixtures.as(master,
				multipart("/api/v1/tickets/" + number + "/resolve")
					.file(new MockMultipartFile("photo", "p.jpg", "image/jpeg", "<html>not a photo</html>".getBytes()))
					.param("note", "已加固扶手"));

		assertThat(withoutPhoto.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(withoutPhoto).read("$.errors[0].field", String.class)).isEqualTo("photo");
		assertThat(json(withoutPhoto).read("$.errors[0].message", String.class)).contains("安全隐患", "照片");
		assertThat(notAnImage.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(notAnImage).read("$.errors[0].code", String.class)).isEqualTo("photo.notAnImage");
		assertThat(status(number)).isEqualTo("OPEN");

		byte[] upload = TestImages.jpegWithGps();
		assertThat(TestImages.contains(upload, TestImages.GPS_MARKER)).isTrue();
		MvcResult resolved = fixtures.as(master,
				multipart("/api/v1/tickets/" + number + "/resolve")
					.file(new MockMultipartFile("photo", "p.jpg", "image/jpeg", upload))
					.param("note", "已加固扶手"));

		assertThat(resolved.getResponse().getStatus()).as(body(resolved)).isEqualTo(200);
		String photoUrl = json(resolved).read("$.photoUrl");
		byte[] stored = fixtures.as(liaison, get(photoUrl)).getResponse().getContentAsByteArray();
		byte[] thumbnail = fixtures.as(liaison, get(photoUrl + "?thumbnail=true"))
			.getResponse()
			.getContentAsByteArray();
		assertThat(stored).startsWith(0xFF, 0xD8);
		assertThat(TestImages.contains(stored, TestImages.GPS_MARKER)).isFalse();
		assertThat(TestImages.contains(stored, "Exif".getBytes())).isFalse();
		assertThat(thumbnail.length).isPositive().isLessThan(stored.length);
		String key = jdbc.sql("select resolution_photo_key from problem_ticket where number = ?")
			.param(number)
			.query(String.class)
			.single();
		assertThat(Files.exists(photos.resolve("evidence").resolve(key + ".jpg"))).isTrue();
		assertThat(Files.exists(photos.resolve(key + ".jpg"))).as("not among the station photos").isFalse();
		assertThat(body(mvc.perform(get("/api/v1/problems/" + number)).andReturn())).doesNotContain("photo");
	}

	@Test
	void theHolderThoseAboveItAndTheUnionAdminsOverTheStationMayResolveNoOneElse() throws Exception {
		String byLiaison = ticket(ProblemType.MISSING_SUPPLIES);
		String byGeneral = ticket(ProblemType.MISSING_SUPPLIES);
		String byDistrict = ticket(ProblemType.MISSING_SUPPLIES);
		String byCity = ticket(ProblemType.MISSING_SUPPLIES);
		String refused = ticket(ProblemType.MISSING_SUPPLIES);

		assertThat(fixtures.as(liaison, resolveJson(byLiaison, "联络员处理")).getResponse().getStatus()).isEqualTo(200);
		assertThat(fixtures.as(general, resolveJson(byGeneral, "总站长处理")).getResponse().getStatus()).isEqualTo(200);
		assertThat(demo("xihu-admin", resolveJson(byDistrict, "区总工会处理")).getResponse().getStatus()).isEqualTo(200);
		assertThat(demo("hangzhou-admin", resolveJson(byCity, "市总工会处理")).getResponse().getStatus()).isEqualTo(200);

		MvcResult inspector = demo("xihu-inspector", resolveJson(refused, "检查员"));
		assertThat(inspector.getResponse().getStatus()).isEqualTo(403);
		assertThat(json(inspector).read("$.detail", String.class)).contains(refused, "当前处理人");
		assertThat(demo("shangcheng-admin", resolveJson(refused, "外区")).getResponse().getStatus()).isEqualTo(404);
		assertThat(fixtures.as(otherMaster, resolveJson(refused, "别的站长")).getResponse().getStatus()).isEqualTo(404);
		assertThat(demo("shangcheng-admin", get("/api/v1/tickets/" + refused)).getResponse().getStatus())
			.isEqualTo(404);
		assertThat(status(refused)).isEqualTo("OPEN");
	}

	@Test
	void onceATicketClimbsPastTheStationMasterItIsNoLongerTheirsToResolve(@Autowired TicketEscalation escalation)
			throws Exception {
		Instant t = Instant.now().plus(Duration.ofDays(2000)).truncatedTo(ChronoUnit.SECONDS);
		clock.set(t);
		String number = ticket(ProblemType.SAFETY);
		clock.set(t.plus(Duration.ofHours(4)));
		escalation.escalateOverdue();
		// back to now: passwords would have expired at the deadline, years ahead
		clock.reset();

		MvcResult byMaster = fixtures.as(master, resolveJson(number, "站长"));

		assertThat(byMaster.getResponse().getStatus()).isEqualTo(403);
		assertThat(json(byMaster).read("$.detail", String.class)).contains(number, "当前处理人");
		MvcResult read = fixtures.as(master, get("/api/v1/tickets/" + number));
		assertThat(read.getResponse().getStatus()).as(body(read)).isEqualTo(200);
		assertThat(json(read).read("$.level", String.class)).isEqualTo("LIAISON");
	}

	@Test
	void aGeneralStationMasterSeesTheTicketsOfEveryStationWhoseChainNamesThem() throws Exception {
		Station unnamed = fixtures.listedStation("330106");
		fixtures.chain(unnamed, master, liaison, null, null);
		String hidden = fixtures.report(unnamed, ProblemType.MISSING_SUPPLIES, null).ticket().number().value();
		String visible = ticket(ProblemType.MISSING_SUPPLIES);

		assertThat(fixtures.as(general, get("/api/v1/tickets/" + hidden)).getResponse().getStatus()).isEqualTo(404);
		MvcResult list = fixtures.as(general, get("/api/v1/tickets?view=scope&state=open&size=200"));
		assertThat(json(list).read("$.content[*].number", List.class)).contains(visible).doesNotContain(hidden);
		MvcResult mine = fixtures.as(master, get("/api/v1/tickets?view=mine&size=200"));
		assertThat(json(mine).read("$.content[*].number", List.class)).contains(visible, hidden);
		assertThat(json(mine).read("$.content[*].level", List.class)).containsOnly("STATION_MASTER");
	}

	@Test
	void theListFiltersByStateUnionAndProblemAndRefusesValuesItCannotRead() throws Exception {
		String open = ticket(ProblemType.CLOSED_WHEN_LISTED_OPEN);
		String done = ticket(ProblemType.CLOSED_WHEN_LISTED_OPEN);
		fixtures.as(master, resolveJson(done, "已开门"));

		List<String> openOnes = numbers(demo("xihu-admin",
				get("/api/v1/tickets?state=open&org=330106&problem=CLOSED_WHEN_LISTED_OPEN&size=200")));
		List<String> resolvedOnes = numbers(demo("xihu-admin", get("/api/v1/tickets?state=resolved&size=200")));
		List<String> foreign = numbers(demo("shangcheng-admin", get("/api/v1/tickets?state=all&size=200")));
		List<String> elsewhere = numbers(demo("xihu-admin", get("/api/v1/tickets?state=all&org=330102&size=200")));
		MvcResult bad = demo("xihu-admin", get("/api/v1/tickets?view=everyone&state=late&org=999999&problem=X&size=0"));

		assertThat(openOnes).contains(open).doesNotContain(done);
		assertThat(resolvedOnes).contains(done).doesNotContain(open);
		assertThat(foreign).doesNotContain(open, done);
		assertThat(elsewhere).doesNotContain(open, done);
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		assertThat(json(bad).read("$.errors[*].field", List.class)).containsExactlyInAnyOrder("view", "state", "org",
				"problem", "size");
	}

	/** A report of the shared station, whose chain names master, liaison and general. */
	private String ticket(ProblemType problem) {
		Station station = fixtures.listedStation("330106");
		fixtures.chain(station, master, liaison, general, null);
		return fixtures.report(station, problem, null).ticket().number().value();
	}

	private static MockHttpServletRequestBuilder resolveJson(String number, String note) {
		return post("/api/v1/tickets/" + number + "/resolve").contentType(MediaType.APPLICATION_JSON)
			.content(JsonPath.parse(Map.of("note", note)).jsonString());
	}

	private MvcResult demo(String username, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(httpBasic(username, TestAccounts.DEMO_PASSWORD))).andReturn();
	}

	private String status(String number) {
		return jdbc.sql("select status from problem_ticket where number = ?")
			.param(number)
			.query(String.class)
			.single();
	}

	private static List<String> numbers(MvcResult result) throws Exception {
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
		return json(result).read("$.content[*].number");
	}

}
