package org.yizhan.ticket.web;

import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.yizhan.station.Station;
import org.yizhan.ticket.ProblemType;
import org.yizhan.ticket.TicketFixtures;
import org.yizhan.ticket.TicketFixtures.Person;
import org.yizhan.ticket.TicketMerged;
import org.yizhan.ticket.TicketResolved;
import org.yizhan.ticket.TicketTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.yizhan.support.MvcCalls.body;
import static org.yizhan.support.MvcCalls.json;

/**
 * Merging a second report of the same problem into the ticket that carries on, over the
 * staff API: the merged ticket is closed as RESOLVED pointing at the survivor, which
 * counts the reports; its reporter is pointed there. Only tickets the caller sees and may
 * close, of one station, both still open.
 */
class TicketMergeTests extends TicketTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	Person otherMaster;

	Person inspector;

	@BeforeAll
	void others() throws Exception {
		otherMaster = fixtures.account("330106", List.of("STATION_MASTER"), fixtures.listedStation("330106"));
		inspector = fixtures.account("330106", List.of("INSPECTOR"));
	}

	@Test
	void theHolderMergesASecondPhonesReportIntoTheFirstAndItsReporterIsPointedThere() throws Exception {
		Station station = station();
		String first = report(station, ProblemType.BROKEN_FACILITY);
		String second = report(station, ProblemType.BROKEN_FACILITY);
		String third = report(station, ProblemType.BROKEN_FACILITY);

		MvcResult merged = fixtures.as(master, merge(second, first));

		assertThat(merged.getResponse().getStatus()).as(body(merged)).isEqualTo(200);
		DocumentContext survivor = json(merged);
		assertThat(survivor.read("$.number", String.class)).isEqualTo(first);
		assertThat(survivor.read("$.status", String.class)).isEqualTo("OPEN");
		assertThat(survivor.read("$.reports", Integer.class)).isEqualTo(2);
		DocumentContext closed = json(fixtures.as(master, get("/api/v1/tickets/" + second)));
		assertThat(closed.read("$.status", String.class)).isEqualTo("RESOLVED");
		assertThat(closed.read("$.mergedInto", String.class)).isEqualTo(first);
		assertThat(closed.read("$.history[*].event", List.class)).containsExactly("OPENED", "MERGED");
		assertThat(closed.read("$.history[1].note", String.class)).isEqualTo(first);

		// the survivor's count grows by all the reports a merged ticket stood for
		assertThat(fixtures.as(master, merge(first, third)).getResponse().getStatus()).isEqualTo(200);
		assertThat(json(fixtures.as(master, get("/api/v1/tickets/" + third))).read("$.reports", Integer.class))
			.isEqualTo(3);

		DocumentContext status = json(mvc.perform(get("/api/v1/problems/" + second)).andReturn());
		assertThat(status.read("$.status", String.class)).isEqualTo("RESOLVED");
		assertThat(status.read("$.mergedInto", String.class)).isEqualTo(first);
		assertThat(body(mvc.perform(get("/p/" + second)).andReturn())).contains("已合并", "/p/" + first)
			.doesNotContain("处理完毕");

		assertThat(events.stream(TicketMerged.class).filter(event -> event.number().equals(second))).singleElement()
			.satisfies(event -> assertThat(event.into()).isEqualTo(first));
		// a merge is not a resolution: nothing was done about the problem yet
		assertThat(events.stream(TicketResolved.class).filter(event -> event.number().equals(second))).isEmpty();
		assertThat(jdbc.sql("""
				select after_summary from audit_entry where action = 'ticket.merge' and target_id = ? and username = ?
				""").param(second).param(master.username()).query(String.class).single())
			.isEqualTo("status=RESOLVED; mergedInto=" + first + " (reports=2)");
	}

	@Test
	void aClosedTicketIsNeitherMergedNorMergedIntoAndNotIntoItself() throws Exception {
		Station station = station();
		String open = report(station, ProblemType.MISSING_SUPPLIES);
		String resolved = report(station, ProblemType.MISSING_SUPPLIES);
		assertThat(fixtures
			.as(master,
					post("/api/v1/tickets/" + resolved + "/resolve").contentType(MediaType.APPLICATION_JSON)
						.content("{\"note\":\"已补齐\"}"))
			.getResponse()
			.getStatus()).isEqualTo(200);

		MvcResult closedOne = fixtures.as(master, merge(resolved, open));
		MvcResult intoClosed = fixtures.as(master, merge(open, resolved));
		MvcResult itself = fixtures.as(master, merge(open, open.toLowerCase().replace("-", "")));

		assertThat(closedOne.getResponse().getStatus()).isEqualTo(409);
		assertThat(json(closedOne).read("$.detail", String.class)).contains("已经办结");
		assertThat(intoClosed.getResponse().getStatus()).isEqualTo(409);
		assertThat(json(intoClosed).read("$.detail", String.class)).contains(resolved, "已经关闭");
		assertThat(itself.getResponse().getStatus()).isEqualTo(409);
		assertThat(json(itself).read("$.detail", String.class)).contains("不能并入它自己");
		assertThat(reports(open)).isEqualTo(1);
		assertThat(status(open)).isEqualTo("OPEN");
	}

	@Test
	void ticketsOfDifferentStationsAreNotMerged() throws Exception {
		String here = report(station(), ProblemType.SAFETY);
		String there = report(station(), ProblemType.SAFETY);

		// a union admin over both sees both, and still may not
		Person admin = fixtures.account("330106", List.of("ORG_ADMIN"));
		MvcResult refused = fixtures.as(admin, merge(here, there));

		assertThat(refused.getResponse().getStatus()).isEqualTo(409);
		assertThat(json(refused).read("$.detail", String.class)).contains("不是同一驿站");
		assertThat(status(here)).isEqualTo("OPEN");
		assertThat(reports(there)).isEqualTo(1);
	}

	@Test
	void aTicketOutOfSightIsNotFoundAndSeeingIsNotEnoughToMerge() throws Exception {
		Station station = station();
		String first = report(station, ProblemType.CLOSED_WHEN_LISTED_OPEN);
		String second = report(station, ProblemType.CLOSED_WHEN_LISTED_OPEN);

		MvcResult unseen = fixtures.as(otherMaster, merge(second, first));
		MvcResult unseenInto = fixtures.as(master,
				merge(second, report(fixtures.listedStation("330102"), ProblemType.CLOSED_WHEN_LISTED_OPEN)));
		MvcResult forbidden = fixtures.as(inspector, merge(second, first));

		assertThat(unseen.getResponse().getStatus()).isEqualTo(404);
		assertThat(unseenInto.getResponse().getStatus()).isEqualTo(404);
		assertThat(forbidden.getResponse().getStatus()).as(body(forbidden)).isEqualTo(403);
		assertThat(json(forbidden).read("$.detail", String.class)).contains(second);
		assertThat(status(second)).isEqualTo("OPEN");

		// above the holder in the chain is enough
		assertThat(fixtures.as(liaison, merge(second, first)).getResponse().getStatus()).isEqualTo(200);
	}

	/** A station of 西湖区 whose chain names the class's station master and liaison. */
	private Station station() {
		Station station = fixtures.listedStation("330106");
		fixtures.chain(station, master, liaison, null, null);
		return station;
	}

	/** A report from a phone of its own. */
	private String report(Station station, ProblemType problem) {
		return fixtures.report(station, problem, TicketFixtures.device()).ticket().number().value();
	}

	private static MockHttpServletRequestBuilder merge(String number, String into) {
		return post("/api/v1/tickets/" + number + "/merge-into/" + into);
	}

	private String status(String number) {
		return jdbc.sql("select status from problem_ticket where number = ?")
			.param(number)
			.query(String.class)
			.single();
	}

	private int reports(String number) {
		return jdbc.sql("select report_count from problem_ticket where number = ?")
			.param(number)
			.query(Integer.class)
			.single();
	}

}
