package org.yizhan.supervision.digest;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.yizhan.station.Station;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.supervision.digest.DigestFixtures.at;
import static org.yizhan.supervision.digest.DigestFixtures.daysAhead;

/**
 * What each digest says, against hand-made ratings and tickets, and to whom: a station
 * master hears of their own stations, an admin of their subtree; yesterday is yesterday
 * in Shanghai; held and rejected ratings count in no figure; a digest with nothing in it
 * is not sent, and nothing is sent twice.
 */
@SpringBootTest
class DigestContentTests extends DigestTestSupport {

	/** Lhasa: no demo data and no other test's stations. */
	static final String CITY = "540100";

	@Test
	void theDailyDigestReportsYesterdayInShanghaiHeldRatingsTicketsAndUnratedStations() {
		LocalDate yesterday = daysAhead(140);
		Station rated = fixtures.station("540102", "日报有评价驿站");
		Station unrated = fixtures.station("540102", "日报无评价驿站");
		long master = fixtures.account("540102", "STATION_MASTER", null, rated, unrated);
		fixtures.rating(rated, yesterday, "00:00", 5, "COUNTED", "CLEAN");
		fixtures.rating(rated, yesterday, "12:30", 4, "COUNTED");
		fixtures.rating(rated, yesterday, "23:59", 2, "COUNTED", "UNHYGIENIC");
		fixtures.rating(rated, yesterday, "13:00", 1, "HELD", "NOT_OPEN");
		fixtures.rating(rated, yesterday, "14:00", 1, "REJECTED");
		// the day before yesterday, one minute before midnight in Shanghai: not yesterday
		fixtures.rating(rated, yesterday.minusDays(1), "23:59", 1, "COUNTED");
		String reported = fixtures.ticket(rated, "BROKEN_FACILITY", at(yesterday, "10:00"),
				at(yesterday.plusDays(3), "10:00"), true);
		String overdue = fixtures.ticket(unrated, "MISSING_SUPPLIES", at(yesterday.minusDays(5), "09:00"),
				at(yesterday.minusDays(1), "09:00"), true);
		String resolved = fixtures.ticket(unrated, "SAFETY", at(yesterday.minusDays(5), "09:00"),
				at(yesterday.minusDays(1), "09:00"), false);

		clock.set(at(yesterday.plusDays(1), "08:00"));
		digests.deliverDue();

		DigestFixtures.Delivered daily = fixtures.delivered(master, DigestKind.DAILY, yesterday).orElseThrow();
		assertThat(daily.subjectZh()).isEqualTo("驿站日报 " + yesterday + "：昨日评价 3 条，满意度 66.7%");
		assertThat(daily.subjectEn()).isEqualTo("Daily digest " + yesterday + ": 3 ratings yesterday, 66.7% satisfied");
		assertThat(daily.bodyZh()).contains("您负责的 2 个驿站", "有效评价 3 条，满意度 66.7%（4 星及以上），平均 3.7 星", "1 条评价因异常被暂扣",
				"昨日新报告的问题（1 个）", reported, "设施损坏", "超期未处理的问题（1 个）", overdue, "物资短缺", "30 天内没有有效评价的驿站（1 个）",
				unrated.code().value() + " " + unrated.details().name() + " · 还没有有效评价",
				"/console/stations/" + unrated.id().value());
		assertThat(daily.bodyZh()).doesNotContain(resolved, rated.details().name() + " · 还没有",
				rated.details().name() + " · 最近一次");
		assertThat(daily.bodyEn())
			.contains("3 counted ratings, 66.7% satisfied (4 stars or more), 3.7 stars on average", "Broken facility");
	}

	@Test
	void anAdminHearsOfTheWholeSubtreeAndOfNothingBeyondIt() {
		LocalDate yesterday = daysAhead(141);
		Station own = fixtures.station("540104", "达孜驿站");
		Station neighbour = fixtures.station("540121", "林周驿站");
		long districtAdmin = fixtures.account("540104", "ORG_ADMIN", null);
		long cityAdmin = fixtures.account(CITY, "ORG_ADMIN", null);
		fixtures.rating(own, yesterday, "09:00", 5, "COUNTED");
		fixtures.rating(neighbour, yesterday, "09:00", 1, "COUNTED", "NOT_OPEN");

		clock.set(at(yesterday.plusDays(1), "08:00"));
		digests.deliverDue();

		DigestFixtures.Delivered district = fixtures.delivered(districtAdmin, DigestKind.DAILY, yesterday)
			.orElseThrow();
		assertThat(district.subjectZh()).isEqualTo("驿站日报 " + yesterday + "：昨日评价 1 条，满意度 100.0%");
		assertThat(district.bodyZh()).contains("达孜区总工会管辖的 1 个驿站").doesNotContain(neighbour.code().value());
		DigestFixtures.Delivered city = fixtures.delivered(cityAdmin, DigestKind.DAILY, yesterday).orElseThrow();
		assertThat(city.bodyZh()).contains("拉萨市总工会管辖的");
		assertThat(city.subjectZh()).contains("昨日评价 2 条，满意度 50.0%");
	}

	@Test
	void aDayWithNothingAtAllToSayIsDecidedButNotSentAndARerunSendsNothing() {
		LocalDate yesterday = daysAhead(142);
		Station quiet = fixtures.station("540102", "安静驿站");
		long master = fixtures.account("540102", "STATION_MASTER", null, quiet);
		// rated five days ago: not unrated in 30 days, and nothing else happened
		fixtures.rating(quiet, yesterday.minusDays(5), "10:00", 5, "COUNTED");

		clock.set(at(yesterday.plusDays(1), "08:00"));
		Digests.Run first = digests.deliverDue();

		assertThat(fixtures.delivered(master, DigestKind.DAILY, yesterday)).isEmpty();
		assertThat(fixtures.decisions(master, DigestKind.DAILY, yesterday)).isOne();
		assertThat(first.delivered() + first.empty()).isPositive();

		clock.set(at(yesterday.plusDays(1), "08:10"));
		Digests.Run again = digests.deliverDue();
		assertThat(again.delivered()).isZero();
		assertThat(again.empty()).isZero();
	}

	@Test
	void aDayWithoutRatingsStillSaysSoWhenThereIsSomethingElseToReport() {
		LocalDate yesterday = daysAhead(143);
		Station station = fixtures.station("540102", "无评价有问题驿站");
		long master = fixtures.account("540102", "STATION_MASTER", null, station);
		fixtures.rating(station, yesterday.minusDays(3), "10:00", 5, "COUNTED");
		fixtures.ticket(station, "CLOSED_WHEN_LISTED_OPEN", at(yesterday, "18:00"), at(yesterday.plusDays(1), "18:00"),
				true);

		clock.set(at(yesterday.plusDays(1), "08:00"));
		digests.deliverDue();

		DigestFixtures.Delivered daily = fixtures.delivered(master, DigestKind.DAILY, yesterday).orElseThrow();
		assertThat(daily.subjectZh()).isEqualTo("驿站日报 " + yesterday + "：昨日无评价");
		assertThat(daily.bodyZh()).contains("昨日无评价", "显示开放但未开门");
		assertThat(daily.subjectEn()).isEqualTo("Daily digest " + yesterday + ": no ratings yesterday");
	}

	@Test
	void theWeeklyListHasOpenTicketsOverdueFirstAndTheStationsWhoseNegativeTagsRose() {
		LocalDate week = DigestFixtures.mondayFrom(daysAhead(150));
		Station worse = fixtures.station("540102", "差评增多驿站");
		Station better = fixtures.station("540102", "差评减少驿站");
		long master = fixtures.account("540102", "STATION_MASTER", null, worse, better);
		fixtures.rating(worse, week.plusDays(1), "10:00", 2, "COUNTED", "NOT_OPEN", "UNHYGIENIC");
		fixtures.rating(worse, week.plusDays(6), "23:00", 1, "COUNTED", "NOT_OPEN");
		fixtures.rating(worse, week.minusDays(3), "10:00", 3, "COUNTED", "NOT_OPEN", "CLEAN");
		fixtures.rating(better, week.plusDays(2), "10:00", 3, "COUNTED", "FACILITY_BROKEN");
		fixtures.rating(better, week.minusDays(2), "10:00", 2, "COUNTED", "FACILITY_BROKEN");
		fixtures.rating(better, week.minusDays(4), "10:00", 2, "COUNTED", "FACILITY_BROKEN");
		// held: suspect, so its five bad tags count for nothing
		fixtures.rating(better, week.plusDays(3), "10:00", 1, "HELD", "NOT_OPEN", "UNHYGIENIC", "UNATTENDED");
		// the week after the list's week does not count either
		fixtures.rating(better, week.plusDays(7), "09:00", 1, "COUNTED", "NOT_OPEN");
		LocalDate due = week.plusDays(7);
		String overdue = fixtures.ticket(worse, "BROKEN_FACILITY", at(week, "09:00"), at(week.plusDays(2), "09:00"),
				true);
		String pending = fixtures.ticket(better, "MISSING_SUPPLIES", at(week.plusDays(6), "09:00"),
				at(due.plusDays(2), "09:00"), true);
		String resolved = fixtures.ticket(better, "SAFETY", at(week, "09:00"), at(week.plusDays(1), "09:00"), false);

		clock.set(at(due, "08:00"));
		digests.deliverDue();

		DigestFixtures.Delivered weekly = fixtures.delivered(master, DigestKind.WEEKLY, week).orElseThrow();
		assertThat(weekly.subjectZh())
			.isEqualTo("每周整改清单 " + week + " 至 " + week.plusDays(6) + "：未解决问题 2 个（超期 1 个），差评增多的驿站 1 个");
		assertThat(weekly.bodyZh()).contains("待整改的问题（2 个未解决，其中超期 1 个）",
				worse.code().value() + " " + worse.details().name() + " · 差评标签 3 次（前一周 1 次）：未开门 1→2，不卫生 0→1");
		assertThat(weekly.bodyZh().indexOf(overdue)).isLessThan(weekly.bodyZh().indexOf(pending));
		assertThat(weekly.bodyZh()).doesNotContain(resolved, better.details().name() + " · 差评标签");
		assertThat(weekly.subjectEn()).contains("2 open problems (1 overdue), 1 stations with more negative tags");
	}

	@Test
	void theWeeklyAndMonthlyDigestsCountRectificationBySourceWithTheRechecks() {
		LocalDate week = DigestFixtures.mondayFrom(daysAhead(170));
		LocalDate next = week.plusDays(7);
		Station station = fixtures.station("540102", "整改来源驿站");
		long master = fixtures.account("540102", "STATION_MASTER", null, station);
		fixtures.ticket(station, "BROKEN_FACILITY", at(week.plusDays(1), "09:00"), at(next.plusDays(3), "09:00"), true);
		fixtures.ticket(station, "SAFETY", at(week.plusDays(2), "09:00"), at(week.plusDays(2), "13:00"), false);
		// a hotline call's case, overdue when the list is written
		fixtures.ticketFrom(station, "STAFF", "OPEN", at(week.plusDays(1), "10:00"), at(week.plusDays(5), "10:00"),
				null);
		// an inspection's finding from before the week, rectified and waiting for its
		// re-check; another closed by a re-check during the week
		fixtures.ticketFrom(station, "INSPECTION", "RECTIFIED", at(week.minusDays(10), "10:00"),
				at(next.plusDays(20), "10:00"), null);
		fixtures.ticketFrom(station, "INSPECTION", "RESOLVED", at(week.minusDays(12), "10:00"),
				at(next.plusDays(18), "10:00"), at(week.plusDays(4), "15:00"));
		// closed the week before: in no figure of this week
		fixtures.ticketFrom(station, "SELF_CHECK", "RESOLVED", at(week.minusDays(6), "10:00"),
				at(week.minusDays(1), "10:00"), at(week.minusDays(2), "10:00"));

		clock.set(at(next, "08:00"));
		digests.deliverDue();

		DigestFixtures.Delivered weekly = fixtures.delivered(master, DigestKind.WEEKLY, week).orElseThrow();
		assertThat(weekly.bodyZh()).contains("整改（按来源，" + week + " 至 " + week.plusDays(6) + "）",
				"扫码报告：新增 2 个，办结 1 个；未办结 1 个，其中超期 0 个", "工会受理：新增 1 个，办结 0 个；未办结 1 个，其中超期 1 个",
				"检查发现：新增 0 个，办结 1 个；未办结 1 个，其中超期 0 个，待复查 1 个",
				"/console/tickets?view=scope&state=open&source=INSPECTION");
		assertThat(weekly.bodyZh()).doesNotContain("驿站自查：");
		assertThat(weekly.bodyZh().indexOf("扫码报告：")).isLessThan(weekly.bodyZh().indexOf("工会受理："));
		assertThat(weekly.bodyEn())
			.contains("Inspection: 0 opened, 1 closed; 1 not closed, 0 of them overdue, " + "1 awaiting re-check");
	}

	@Test
	void theMonthlySummaryComparesWithTheMonthBeforeAndNamesStationsHeadingForTheSilentRule() {
		LocalDate month = DigestFixtures.firstOfMonthFrom(daysAhead(160));
		LocalDate previous = month.minusMonths(1);
		Station busy = fixtures.station("540102", "月度常评驿站");
		Station silent = fixtures.station("540102", "月度沉默驿站");
		Station heldOnly = fixtures.station("540102", "月度暂扣驿站");
		long master = fixtures.account("540102", "STATION_MASTER", null, busy, silent, heldOnly);
		for (int stars : new int[] { 5, 5, 4, 3 }) {
			fixtures.rating(busy, month.plusDays(stars), "10:00", stars, "COUNTED");
		}
		fixtures.rating(busy, previous.plusDays(3), "10:00", 5, "COUNTED");
		fixtures.rating(busy, previous.plusDays(4), "10:00", 1, "COUNTED");
		LocalDate lastHeard = previous.minusDays(10);
		fixtures.rating(silent, lastHeard, "10:00", 4, "COUNTED");
		fixtures.rating(heldOnly, month.plusDays(2), "10:00", 5, "HELD");
		// truthful listings: the busy station confirmed three days before the digest; two
		// shut reports of the silent one that counted (one settled after five hours) and
		// a
		// held one that did not
		jdbc.sql("""
				insert into station_freshness (station_id, confirmed_at, confirmed_by, changed_at)
				values (:s, :at, 'RATING', :at)
				""")
			.param("s", busy.id().value())
			.param("at", java.sql.Timestamp.from(at(month.plusMonths(1).minusDays(3), "10:00")))
			.update();
		shutReport(silent, at(month.plusDays(5), "09:00"), at(month.plusDays(5), "14:00"), false);
		shutReport(silent, at(month.plusDays(6), "09:00"), null, false);
		shutReport(silent, at(month.plusDays(7), "09:00"), null, true);

		clock.set(at(month.plusMonths(1), "08:00"));
		digests.deliverDue();

		String m = month.toString().substring(0, 7);
		DigestFixtures.Delivered monthly = fixtures.delivered(master, DigestKind.MONTHLY, month).orElseThrow();
		assertThat(monthly.subjectZh()).isEqualTo("月度小结 " + m + "：评价 4 条，满意度 75.0%");
		assertThat(monthly.bodyZh()).contains("有效评价 4 条（上月 2 条）", "满意度 75.0%（上月 50.0%）", "平均 4.3 星（上月 3.0 星）",
				"即将触发“无评价”规则（降级或摘牌）的驿站（2 个）",
				silent.code().value() + " " + silent.details().name() + " · 最近一次有效评价 " + lastHeard,
				heldOnly.code().value() + " " + heldOnly.details().name() + " · 还没有有效评价");
		assertThat(monthly.bodyZh()).doesNotContain(busy.details().name() + " · ");
		assertThat(monthly.bodyZh()).contains("驿站核实情况（" + m + "）", "3 个在图驿站，截至今天 7 天内核实 33.3%，30 天内 33.3%，60 天内 33.3%",
				"劳动者反映“关着门” 2 件，已处理 1 件，处理用时中位数 5.0 小时");
		assertThat(monthly.bodyEn())
			.contains("Workers reported a station shut 2 times; 1 settled, median time to settle 5.0 hours");
	}

	private void shutReport(Station station, java.time.Instant at, java.time.Instant settled, boolean held) {
		jdbc.sql("""
				insert into listing_report (station_id, kind, report_day, device_hash, held, hold_reason, ticket_number,
				    created_at, resolved_at, resolution)
				values (:s, 'SHUT', :day, :device, :held, :reason, 'not-a-case', :at, :settled, :resolution)
				""")
			.param("s", station.id().value())
			.param("day", java.sql.Date.valueOf(java.time.LocalDate.ofInstant(at, org.yizhan.platform.YizhanTime.ZONE)))
			.param("device", java.util.UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.param("held", held)
			.param("reason", held ? "MANY_STATIONS" : null)
			.param("at", java.sql.Timestamp.from(at))
			.param("settled", (settled != null) ? java.sql.Timestamp.from(settled) : null)
			.param("resolution", (settled != null) ? "CONFIRMED_OPEN" : null)
			.update();
	}

	@Test
	void aRunAfterAMissed0800CatchesUpTheLatestDayOnceAndTheNextDayWaitsForItsOwn0800() {
		LocalDate yesterday = daysAhead(170);
		Station station = fixtures.station("540102", "补发驿站");
		long master = fixtures.account("540102", "STATION_MASTER", null, station);
		fixtures.rating(station, yesterday, "10:00", 5, "COUNTED");
		fixtures.rating(station, yesterday.plusDays(1), "10:00", 4, "COUNTED");

		// the instance was down at 08:00 and is back at 10:37
		clock.set(at(yesterday.plusDays(1), "10:37"));
		digests.deliverDue();
		assertThat(fixtures.delivered(master, DigestKind.DAILY, yesterday)).isPresent();

		// the next morning before 08:00: still yesterday's period, already decided
		clock.set(at(yesterday.plusDays(2), "07:59"));
		digests.deliverDue();
		assertThat(fixtures.decisions(master, DigestKind.DAILY, yesterday)).isOne();
		assertThat(fixtures.decisions(master, DigestKind.DAILY, yesterday.plusDays(1))).isZero();

		clock.set(at(yesterday.plusDays(2), "08:00"));
		digests.deliverDue();
		assertThat(fixtures.delivered(master, DigestKind.DAILY, yesterday.plusDays(1)).orElseThrow().subjectZh())
			.contains("昨日评价 1 条，满意度 100.0%");
		assertThat(fixtures.decisions(master, DigestKind.DAILY, yesterday)).isOne();
	}

}
