package org.yizhan.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashSet;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.yizhan.notification.Notice;
import org.yizhan.notification.NoticeLine;
import org.yizhan.notification.NoticeSection;
import org.yizhan.notification.NoticeText;
import org.yizhan.notification.Notifications;
import org.yizhan.organization.AccountDirectory;
import org.yizhan.organization.Role;
import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Freshness;
import org.yizhan.station.ListingFreshness;
import org.yizhan.station.ResponsibilityChain;
import org.yizhan.station.StationResponsibilities;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks for stale listings to be confirmed: a listed station unconfirmed for 30 days
 * ({@link Freshness#REMIND_AFTER}) asks its station master and liaison to confirm it; at
 * 60 days ({@link Freshness#STALE_AFTER}), when the finder shows it as 待核实, its
 * supervising union's admins are told. Hourly on one instance (ShedLock), for the
 * stations that crossed a threshold within the last week; a notice's key is the station
 * and the time it was last confirmed, so each stale spell tells each person once, and a
 * second run (on any instance) delivers nothing.
 */
@Component
class FreshnessReminders {

	static final String KIND_REMIND = "listing.confirm";

	static final String KIND_STALE = "listing.stale";

	/** How long after crossing a threshold a station is still reminded of. */
	static final Duration CATCH_UP = Duration.ofDays(7);

	private final ListingFreshness freshness;

	private final StationResponsibilities responsibilities;

	private final AccountDirectory directory;

	private final Notifications notifications;

	private final ListingReportRepository reports;

	private final Clock clock;

	FreshnessReminders(ListingFreshness freshness, StationResponsibilities responsibilities, AccountDirectory directory,
			Notifications notifications, ListingReportRepository reports, Clock clock) {
		this.freshness = freshness;
		this.responsibilities = responsibilities;
		this.directory = directory;
		this.notifications = notifications;
		this.reports = reports;
		this.clock = clock;
	}

	@Scheduled(cron = "${yizhan.listing.reminder-cron:0 20 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "listing-freshness-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	void runOnSchedule() {
		run();
	}

	/**
	 * Reminds of the stations whose silence crossed 30 or 60 days within the last
	 * {@link #CATCH_UP} (so a week's downtime is caught up, and the same stations are not
	 * read every hour for ever); a notice already delivered is not delivered again.
	 * @return how many notices were delivered
	 */
	@Transactional
	int run() {
		Instant now = clock.instant();
		Instant remindBefore = now.minus(Freshness.REMIND_AFTER);
		Instant staleBefore = now.minus(Freshness.STALE_AFTER);
		int delivered = 0;
		for (Freshness station : freshness.listListedConfirmedBetween(remindBefore.minus(CATCH_UP), remindBefore)) {
			ResponsibilityChain chain = responsibilities.getForSystem(station.stationId());
			Set<Long> people = new LinkedHashSet<>();
			chain.findStationMaster().ifPresent(master -> people.add(master.id()));
			chain.findLiaison().ifPresent(liaison -> people.add(liaison.id()));
			delivered += tell(station, people, KIND_REMIND, now);
		}
		for (Freshness station : freshness.listListedConfirmedBetween(staleBefore.minus(CATCH_UP), staleBefore)) {
			ResponsibilityChain chain = responsibilities.getForSystem(station.stationId());
			Set<Long> admins = new LinkedHashSet<>();
			directory.listEnabledHoldingAt(List.of(chain.supervisingUnion().code()), Role.ORG_ADMIN)
				.forEach(admin -> admins.add(admin.id()));
			delivered += tell(station, admins, KIND_STALE, now);
		}
		return delivered;
	}

	private int tell(Freshness station, Set<Long> accounts, String kind, Instant now) {
		String[] name = reports.listNames(List.of(station.stationId().value())).get(station.stationId().value());
		if (name == null || accounts.isEmpty()) {
			return 0;
		}
		String key = station.stationId().value() + "/" + station.confirmedAt().toEpochMilli();
		String link = "/console/stations/" + station.stationId().value();
		long days = station.daysSinceConfirmed(now);
		LocalDate since = LocalDate.ofInstant(station.confirmedAt(), YizhanTime.ZONE);
		boolean remind = kind.equals(KIND_REMIND);
		int delivered = 0;
		for (long account : accounts) {
			Notice notice = new Notice(account, kind, key, link,
					remind ? remindText(name, days, since, true) : staleText(name, days, since, true),
					remind ? remindText(name, days, since, false) : staleText(name, days, since, false));
			if (notifications.deliver(notice).isPresent()) {
				delivered++;
			}
		}
		return delivered;
	}

	private static NoticeText remindText(String[] station, long days, LocalDate since, boolean chinese) {
		String who = station[1] + " (" + station[0] + ")";
		return chinese
				? new NoticeText("请确认驿站开放信息：" + who,
						List.of(new NoticeSection("驿站信息核实",
								List.of(NoticeLine.of("本站自 " + since + " 起已 " + days + " 天未经核实（无计入的评价、签到、检查或站方确认）。"),
										NoticeLine.of("请在控制台驿站页面点击“确认正常开放、时间无误”；满 60 天未核实的驿站在地图上显示为待核实。")))))
				: new NoticeText("Please confirm your station's listing: " + who,
						List.of(new NoticeSection("Listing check", List.of(
								NoticeLine.of("Nothing has confirmed the station for " + days + " days (since " + since
										+ "): no counted rating, check-in, inspection or confirmation."),
								NoticeLine.of("Press \"Confirm open, hours right\" on the station's console page; "
										+ "after 60 days the map shows the station as unverified.")))));
	}

	private static NoticeText staleText(String[] station, long days, LocalDate since, boolean chinese) {
		String who = station[1] + " (" + station[0] + ")";
		return chinese
				? new NoticeText("驿站已 60 天未核实：" + who,
						List.of(new NoticeSection("驿站信息核实",
								List.of(NoticeLine.of("本站自 " + since + " 起已 " + days + " 天未经核实，地图上已显示为待核实。"),
										NoticeLine.of("站长和联络员已在满 30 天时收到确认提醒。")))))
				: new NoticeText("Station unverified for 60 days: " + who,
						List.of(new NoticeSection("Listing check", List.of(
								NoticeLine.of("Nothing has confirmed the station for " + days + " days (since " + since
										+ "); the map shows it as unverified."),
								NoticeLine.of("Its master and liaison were asked to confirm it at 30 days.")))));
	}

}
