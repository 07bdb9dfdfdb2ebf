package org.yizhan.supervision.digest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.yizhan.station.Station;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.supervision.digest.DigestFixtures.at;
import static org.yizhan.supervision.digest.DigestFixtures.daysAhead;

/**
 * A digest's lines lead where they speak of things: tickets to their pages, lists cut
 * short to the console list they came from, silent stations to their cases, and, for a
 * union admin only, the figures to the union's figures of the same days and held ratings
 * to the review queue (a station master would meet 403 there, so theirs lead nowhere).
 * Days lie far from {@link DigestContentTests}', in a district of their own (当雄县), so
 * neither sees the other's data.
 */
@SpringBootTest
class DigestLinksTests extends DigestTestSupport {

	static final String DISTRICT = "540122";

	@Test
	void theDailyDigestLeadsAnAdminToTheTicketsTheDaysFiguresAndTheReviewQueue() {
		LocalDate yesterday = daysAhead(240);
		Station station = fixtures.station(DISTRICT, "链接日报驿站");
		long admin = fixtures.account(DISTRICT, "ORG_ADMIN", null);
		long master = fixtures.account(DISTRICT, "STATION_MASTER", null, station);
		fixtures.rating(station, yesterday, "10:00", 5, "COUNTED");
		fixtures.rating(station, yesterday, "11:00", 1, "HELD");
		String reported = fixtures.ticket(station, "BROKEN_FACILITY", at(yesterday, "10:00"),
				at(yesterday.plusDays(3), "10:00"), true);
		// eleven overdue: one more than a digest lists
		for (int i = 0; i < DigestDelivery.LIST_LIMIT + 1; i++) {
			fixtures.ticket(station, "MISSING_SUPPLIES", at(yesterday.minusDays(5), "09:00"),
					at(yesterday.minusDays(1), "09:00"), true);
		}

		clock.set(at(yesterday.plusDays(1), "08:00"));
		digests.deliverDue();

		String body = fixtures.delivered(admin, DigestKind.DAILY, yesterday).orElseThrow().bodyZh();
		assertThat(link(body, reported)).isEqualTo("/console/tickets/" + reported);
		assertThat(link(body, "有效评价 1 条"))
			.isEqualTo("/console/figures?org=" + DISTRICT + "&period=day&from=" + yesterday + "&to=" + yesterday);
		assertThat(link(body, "条评价因异常被暂扣")).isEqualTo("/console/ratings/held");
		assertThat(link(body, "另有 ")).isEqualTo("/console/tickets?view=scope&state=overdue");

		String masters = fixtures.delivered(master, DigestKind.DAILY, yesterday).orElseThrow().bodyZh();
		assertThat(link(masters, reported)).isEqualTo("/console/tickets/" + reported);
		assertThat(link(masters, "有效评价 1 条")).isNull();
		assertThat(link(masters, "条评价因异常被暂扣")).isNull();
		assertThat(fixtures.delivered(admin, DigestKind.DAILY, yesterday).orElseThrow().bodyEn())
			.contains("1 more, see the ticket list");
	}

	@Test
	void theWeeklyListLeadsToTheOpenTicketsAndTheWeeksFigures() {
		LocalDate week = DigestFixtures.mondayFrom(daysAhead(250));
		Station station = fixtures.station(DISTRICT, "链接周报驿站");
		long admin = fixtures.account(DISTRICT, "ORG_ADMIN", null);
		fixtures.rating(station, week.plusDays(1), "10:00", 2, "COUNTED", "NOT_OPEN");
		fixtures.ticket(station, "SAFETY", at(week.plusDays(6), "09:00"), at(week.plusDays(9), "09:00"), true);

		clock.set(at(week.plusDays(7), "08:00"));
		digests.deliverDue();

		String body = fixtures.delivered(admin, DigestKind.WEEKLY, week).orElseThrow().bodyZh();
		// the overdue come first, so the district's others may push this one past the ten
		// listed; every ticket listed leads to its own page
		List<Map<String, Object>> tickets = JsonPath.parse(body).read("$[1].lines[*]");
		assertThat(tickets).isNotEmpty().allSatisfy(line -> {
			String text = (String) line.get("text");
			assertThat(line.get("link")).isEqualTo(text.startsWith("另有 ") ? "/console/tickets?view=scope&state=open"
					: "/console/tickets/" + text.substring(0, text.indexOf(' ')));
		});
		assertThat(link(body, "有效评价 1 条"))
			.isEqualTo("/console/figures?org=" + DISTRICT + "&period=week&from=" + week + "&to=" + week.plusDays(6));
	}

	@Test
	void theMonthlySummaryLeadsToBothMonthsFiguresAndToTheSilentStationsCases() {
		LocalDate month = DigestFixtures.firstOfMonthFrom(daysAhead(260));
		Station busy = fixtures.station(DISTRICT, "链接月报常评驿站");
		Station quiet = fixtures.station(DISTRICT, "链接月报沉默驿站");
		long admin = fixtures.account(DISTRICT, "ORG_ADMIN", null);
		long master = fixtures.account(DISTRICT, "STATION_MASTER", null, busy, quiet);
		fixtures.rating(busy, month.plusDays(3), "10:00", 5, "COUNTED");

		clock.set(at(month.plusMonths(1), "08:00"));
		digests.deliverDue();

		String body = fixtures.delivered(admin, DigestKind.MONTHLY, month).orElseThrow().bodyZh();
		assertThat(link(body, "条（上月")).isEqualTo("/console/figures?org=" + DISTRICT + "&period=month&from="
				+ month.minusMonths(1) + "&to=" + month.plusMonths(1).minusDays(1));
		assertThat(link(body, quiet.details().name())).isEqualTo("/console/stations/" + quiet.id().value());
		assertThat(link(body, "见“沉默驿站”页")).isEqualTo("/console/silent-stations");
		String masters = fixtures.delivered(master, DigestKind.MONTHLY, month).orElseThrow().bodyZh();
		assertThat(link(masters, "见“沉默驿站”页")).isEqualTo("/console/silent-stations");
		assertThat(link(masters, "条（上月")).isNull();
	}

	/** The link of the one line of the body whose text contains {@code words}. */
	private static String link(String body, String words) {
		List<Map<String, Object>> lines = JsonPath.parse(body).read("$[*].lines[*]");
		List<Map<String, Object>> found = lines.stream()
			.filter(line -> ((String) line.get("text")).contains(words))
			.toList();
		assertThat(found).as("lines containing " + words + " in " + body).hasSize(1);
		return (String) found.get(0).get("link");
	}

}
