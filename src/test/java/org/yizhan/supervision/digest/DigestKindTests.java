package org.yizhan.supervision.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import org.yizhan.platform.YizhanTime;

import static org.assertj.core.api.Assertions.assertThat;

class DigestKindTests {

	static final LocalTime EIGHT = LocalTime.of(8, 0);

	@Test
	void theDailyDigestOfYesterdayIsDueAtEightInShanghaiNotAMinuteBefore() {
		assertThat(DigestKind.DAILY.latestDue(shanghai("2026-12-01T08:00"), EIGHT)).isEqualTo("2026-11-30");
		assertThat(DigestKind.DAILY.latestDue(shanghai("2026-12-01T07:59:59"), EIGHT)).isEqualTo("2026-11-29");
		assertThat(DigestKind.DAILY.latestDue(shanghai("2026-12-01T23:59"), EIGHT)).isEqualTo("2026-11-30");
	}

	@Test
	void shanghaiTimeDecidesWhateverTheInstantsZoneSays() {
		// 00:30 UTC on 1 December is 08:30 in Shanghai: yesterday there is 30 November.
		assertThat(DigestKind.DAILY.latestDue(Instant.parse("2026-12-01T00:30:00Z"), EIGHT)).isEqualTo("2026-11-30");
		// 23:59 UTC on 30 November is 07:59 on 1 December in Shanghai: still the 29th.
		assertThat(DigestKind.DAILY.latestDue(Instant.parse("2026-11-30T23:59:00Z"), EIGHT)).isEqualTo("2026-11-29");
	}

	@Test
	void theWeeklyListOfLastMondayToSundayIsDueOnMondayAtEight() {
		// 7 December 2026 is a Monday.
		assertThat(DigestKind.WEEKLY.latestDue(shanghai("2026-12-07T08:00"), EIGHT)).isEqualTo("2026-11-30");
		assertThat(DigestKind.WEEKLY.latestDue(shanghai("2026-12-07T07:59"), EIGHT)).isEqualTo("2026-11-23");
		assertThat(DigestKind.WEEKLY.latestDue(shanghai("2026-12-13T23:00"), EIGHT)).isEqualTo("2026-11-30");
		assertThat(DigestKind.WEEKLY.end(LocalDate.parse("2026-11-30"))).isEqualTo("2026-12-07");
	}

	@Test
	void theMonthlySummaryIsDueOnTheFirstAtEightAcrossTheYearsEnd() {
		assertThat(DigestKind.MONTHLY.latestDue(shanghai("2027-01-01T08:00"), EIGHT)).isEqualTo("2026-12-01");
		assertThat(DigestKind.MONTHLY.latestDue(shanghai("2027-01-01T07:59"), EIGHT)).isEqualTo("2026-11-01");
		assertThat(DigestKind.MONTHLY.latestDue(shanghai("2027-03-31T12:00"), EIGHT)).isEqualTo("2027-02-01");
		assertThat(DigestKind.MONTHLY.end(LocalDate.parse("2027-02-01"))).isEqualTo("2027-03-01");
		assertThat(DigestKind.MONTHLY.previous(LocalDate.parse("2027-01-01"))).isEqualTo("2026-12-01");
	}

	@Test
	void anotherDueTimeMovesEveryKindAlike() {
		LocalTime nine = LocalTime.of(9, 30);
		assertThat(DigestKind.DAILY.latestDue(shanghai("2026-12-01T09:00"), nine)).isEqualTo("2026-11-29");
		assertThat(DigestKind.DAILY.dueAt(LocalDate.parse("2026-11-30"), nine)).isEqualTo(shanghai("2026-12-01T09:30"));
	}

	static Instant shanghai(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(YizhanTime.ZONE).toInstant();
	}

}
