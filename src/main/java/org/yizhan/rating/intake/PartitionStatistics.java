package org.yizhan.rating.intake;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives a month's partition of {@code rating} its first statistics as soon as the intake
 * has written {@value #FIRST_ANALYZE_AFTER} of its ratings, instead of a minute or more
 * later when autovacuum first gets to it (V20 says why that matters: without statistics
 * the rules' lookups were planned through the wrong index, and the plans are cached).
 * Once per month and instance; V20's function does nothing to a partition that has
 * statistics.
 */
final class PartitionStatistics {

	static final int FIRST_ANALYZE_AFTER = 1000;

	private static final Logger log = LoggerFactory.getLogger(PartitionStatistics.class);

	private final Map<YearMonth, Integer> written = new HashMap<>();

	private final Set<YearMonth> analyzed = new HashSet<>();

	/** After a batch committed: analyzes the months it crossed the threshold of. */
	synchronized void committed(JdbcTemplate jdbc, List<PendingRating> batch) {
		for (PendingRating rating : batch) {
			YearMonth month = YearMonth.from(rating.day);
			if (!analyzed.contains(month) && written.merge(month, 1, Integer::sum) >= FIRST_ANALYZE_AFTER) {
				analyzed.add(month);
				written.remove(month);
				analyze(jdbc, month.atDay(1));
			}
		}
	}

	private static void analyze(JdbcTemplate jdbc, LocalDate month) {
		try {
			Boolean done = jdbc.queryForObject("select analyze_rating_partition(?)", Boolean.class, month);
			if (Boolean.TRUE.equals(done)) {
				log.info("Analyzed the rating partition of {} after its first {} ratings", YearMonth.from(month),
						FIRST_ANALYZE_AFTER);
			}
		}
		catch (DataAccessException ex) {
			// Autovacuum will get to it; the intake only runs slower until then.
			log.warn("Could not analyze the rating partition of {}: {}", YearMonth.from(month), ex.getMessage());
		}
	}

}
