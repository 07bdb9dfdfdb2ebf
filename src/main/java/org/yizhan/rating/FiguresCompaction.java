package org.yizhan.rating;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the roll-ups' fresh deltas into one row per district and day (V13) and one row of
 * running totals per station and month (V16), both in {@code compact_rating_figures}, so
 * a national month stays a few tens of thousands of district rows and one row per station
 * however many ratings arrive. Folding changes no sum: it is for speed only, and safe if
 * two instances ever ran it at once; ShedLock keeps it to one anyway.
 */
@Component
public class FiguresCompaction {

	private static final Logger log = LoggerFactory.getLogger(FiguresCompaction.class);

	private final JdbcClient jdbc;

	FiguresCompaction(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns how many rows were folded away. One statement, so it folds a day (or a
	 * station's month) whole or not at all.
	 */
	public int compact() {
		int folded = this.jdbc.sql("select compact_rating_figures()").query(Integer.class).single();
		if (folded > 0) {
			log.debug("Folded {} rating-figure deltas", folded);
		}
		return folded;
	}

	@Scheduled(fixedDelayString = "${yizhan.rating.figures.compact-interval:5m}",
			initialDelayString = "${yizhan.rating.figures.compact-interval:5m}")
	@SchedulerLock(name = "rating-figures-compaction", lockAtMostFor = "PT30M")
	public void compactOnSchedule() {
		compact();
	}

}
