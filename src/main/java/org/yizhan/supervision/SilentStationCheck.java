package org.yizhan.supervision;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.yizhan.organization.Audited;
import org.yizhan.supervision.SilentCaseRepository.Changed;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The silent-station check. It wakes every hour ({@code yizhan.rating.silent.check-cron})
 * on one instance at a time (ShedLock), judges each month boundary that has not been
 * judged yet, so that it catches up after the application was down over one, and then
 * closes the open cases that a counted rating or a delisting has answered (for ratings
 * the backstop: {@link SilentCaseResolution} closes a case at the rating's commit).
 *
 * <p>
 * Judging a month is one transaction that claims the month in
 * {@code silent_station_check}, opens the cases of stations silent for
 * {@code yizhan.rating.silent.months} months up to it and extends the open cases of
 * stations still silent; every statement is written so that running it again changes
 * nothing, and the database keeps one open case per station even if two instances judged
 * the same month at the same moment.
 */
@Component
@EnableConfigurationProperties(SilentStationSettings.class)
class SilentStationCheck {

	/** How many missed month boundaries a check catches up on at most. */
	static final int LONGEST_CATCH_UP = 12;

	private static final Logger log = LoggerFactory.getLogger(SilentStationCheck.class);

	private final SilentCaseRepository cases;

	private final SilentStationSettings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final SilentCaseResolution resolution;

	SilentStationCheck(SilentCaseRepository cases, SilentStationSettings settings, ApplicationEventPublisher events,
			TransactionTemplate transaction, Clock clock, SilentCaseResolution resolution) {
		this.cases = cases;
		this.settings = settings;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
		this.resolution = resolution;
	}

	@Scheduled(cron = "${yizhan.rating.silent.check-cron:0 5 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "silent-station-check", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
	public void runOnSchedule() {
		int changed = run();
		if (changed > 0) {
			log.info("Silent-station check: {} cases opened, extended or closed", changed);
		}
	}

	/**
	 * Judges every month boundary since the last one judged (on a first run, only the
	 * month just ended; at most {@value #LONGEST_CATCH_UP}), each followed by closing the
	 * cases answered since.
	 * @return how many cases were opened, extended or closed; 0 on a second run
	 */
	int run() {
		YearMonth last = YearMonth.now(clock).minusMonths(1);
		YearMonth from = cases.findLastChecked().map(month -> month.plusMonths(1)).orElse(last);
		YearMonth earliest = last.minusMonths(LONGEST_CATCH_UP - 1);
		if (from.isBefore(earliest)) {
			log.warn("Silent-station check last ran for {}; judging only the {} months from {}", from.minusMonths(1),
					LONGEST_CATCH_UP, earliest);
			from = earliest;
		}
		int changed = 0;
		for (YearMonth month = from; !month.isAfter(last); month = month.plusMonths(1)) {
			YearMonth judged = month;
			changed += transaction.execute(status -> {
				if (!cases.claim(judged, settings.months(), clock.instant())) {
					return 0;
				}
				int opened = open(judged);
				cases.recordOpened(judged, opened);
				return opened + extend(judged);
			});
			changed += settle();
		}
		changed += settle();
		// the cases just opened close at their station's next counted rating
		resolution.refresh();
		return changed;
	}

	/**
	 * Judges one month whether or not it was judged before, in one transaction.
	 * @return how many cases were opened or extended
	 */
	int judge(YearMonth month) {
		int changed = transaction.execute(status -> open(month) + extend(month));
		resolution.refresh();
		return changed;
	}

	/**
	 * Closes, in one transaction, the open cases of stations rated since their first
	 * silent month and of stations delisted meanwhile.
	 * @return how many cases were closed
	 */
	int settle() {
		return transaction.execute(status -> {
			List<Changed> resolved = cases.resolveByRatings(clock.instant());
			resolved.forEach(done -> audit("silent.resolve", done, "status=OPEN"));
			List<Changed> withdrawn = cases.withdrawDelisted(clock.instant());
			withdrawn.forEach(done -> audit("silent.withdraw", done, "status=OPEN"));
			return resolved.size() + withdrawn.size();
		});
	}

	private int open(YearMonth month) {
		List<Changed> opened = cases.openCases(month, settings.months(), clock.instant());
		opened.forEach(flagged -> audit("silent.flag", flagged, null));
		return opened.size();
	}

	private int extend(YearMonth month) {
		List<Changed> extended = cases.extendOpenCases(month);
		extended.forEach(longer -> audit("silent.extend", longer,
				"case=" + longer.caseId() + "; months=" + longer.first() + ".." + longer.last().minusMonths(1)));
		return extended.size();
	}

	private void audit(String action, Changed change, String before) {
		events.publishEvent(
				new Audited(action, "station", change.stationCode(), change.districtCode(), before, change.summary()));
	}

}
