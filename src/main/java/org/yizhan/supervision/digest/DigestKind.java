package org.yizhan.supervision.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;

import org.yizhan.platform.YizhanTime;

/**
 * Qingdao's loop, 日督导、周整改、月完善: a daily digest of yesterday, a weekly rectification list
 * of last week (Monday to Sunday), a monthly summary of last month. Each period is due at
 * the configured time (08:00) on the day after it ends, in Asia/Shanghai.
 */
public enum DigestKind {

	DAILY("digest.daily"), WEEKLY("digest.weekly"), MONTHLY("digest.monthly");

	private final String noticeKind;

	DigestKind(String noticeKind) {
		this.noticeKind = noticeKind;
	}

	/** The notification kind its digests are delivered as. */
	public String noticeKind() {
		return noticeKind;
	}

	/** The first day of the period that starts on or before {@code day}. */
	LocalDate periodContaining(LocalDate day) {
		return switch (this) {
			case DAILY -> day;
			case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTHLY -> day.withDayOfMonth(1);
		};
	}

	/** The day after the period that starts on {@code start}. */
	public LocalDate end(LocalDate start) {
		return switch (this) {
			case DAILY -> start.plusDays(1);
			case WEEKLY -> start.plusWeeks(1);
			case MONTHLY -> start.plusMonths(1);
		};
	}

	/** The period before the one that starts on {@code start}. */
	public LocalDate previous(LocalDate start) {
		return switch (this) {
			case DAILY -> start.minusDays(1);
			case WEEKLY -> start.minusWeeks(1);
			case MONTHLY -> start.minusMonths(1);
		};
	}

	/** When the digest of the period that starts on {@code start} is due. */
	public Instant dueAt(LocalDate start, LocalTime dueTime) {
		return end(start).atTime(dueTime).atZone(YizhanTime.ZONE).toInstant();
	}

	/**
	 * The latest period whose digest is due at {@code now}: at 08:00 on a Monday, the
	 * week that ended last night; at 07:59 the week before. Only this period is delivered
	 * by a late run: a digest of a day already followed by another is stale, and the
	 * weekly and monthly digests cover what it would have said.
	 */
	public LocalDate latestDue(Instant now, LocalTime dueTime) {
		LocalDateTime local = LocalDateTime.ofInstant(now, YizhanTime.ZONE);
		LocalDate current = periodContaining(local.toLocalDate());
		LocalDate justEnded = previous(current);
		return now.isBefore(dueAt(justEnded, dueTime)) ? previous(justEnded) : justEnded;
	}

}
