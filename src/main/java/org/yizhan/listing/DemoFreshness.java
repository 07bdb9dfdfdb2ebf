package org.yizhan.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.platform.DataImports;
import org.yizhan.platform.YizhanTime;
import org.yizhan.station.FreshnessSource;
import org.yizhan.station.ListingFreshness;
import org.yizhan.station.StationId;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo histories' ratings and visits as fresh signals. They are written in SQL
 * ({@code rating.DemoRatingHistory}, {@code operations.DemoVisits}), so no event tells
 * this module of them, and without this every demo station would count from its listing
 * date and show 待核实 on a first visit. Once per database, after the histories, only while
 * they run; the station's latest generated counted rating and its latest day with visits
 * move "last confirmed" forward by the same rule as live signals.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty(name = { "yizhan.demo.enabled", "yizhan.demo.history.enabled" }, matchIfMissing = true)
class DemoFreshness implements ApplicationRunner {

	static final String IMPORT_NAME = "demo-freshness";

	private static final Logger log = LoggerFactory.getLogger(DemoFreshness.class);

	private final JdbcClient jdbc;

	private final DataImports imports;

	private final ListingFreshness freshness;

	private final TransactionTemplate transaction;

	DemoFreshness(JdbcClient jdbc, DataImports imports, ListingFreshness freshness, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.imports = imports;
		this.freshness = freshness;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.transaction.executeWithoutResult(status -> loadOnce());
	}

	void loadOnce() {
		this.imports.lock();
		if (this.imports.isLoaded(IMPORT_NAME) || !this.imports.isLoaded(DataImports.DEMO_CITY)) {
			return;
		}
		int stations = signal();
		this.imports.recordLoaded(IMPORT_NAME, stations, Instant.now());
		log.info("The demo histories confirmed {} demo stations' listings", stations);
	}

	/**
	 * Records each station's latest counted rating and latest day with visits as its
	 * signals, in the caller's transaction; the number of stations signalled.
	 */
	int signal() {
		Map<StationId, Instant> ratings = new HashMap<>();
		this.jdbc
			.sql("select station_id, max(created_at) as at from rating where status = 'COUNTED' group by station_id")
			.query((rs, row) -> ratings.put(StationId.of(rs.getLong("station_id")), rs.getTimestamp("at").toInstant()))
			.list();
		Map<StationId, Instant> visits = new HashMap<>();
		// a day's visits are known at its end
		this.jdbc.sql("select station_id, max(day) as day from visit_day where visits > 0 group by station_id")
			.query((rs, row) -> visits.put(StationId.of(rs.getLong("station_id")),
					rs.getObject("day", LocalDate.class).plusDays(1).atStartOfDay(YizhanTime.ZONE).toInstant()))
			.list();
		this.freshness.recordSignals(FreshnessSource.RATING, ratings);
		this.freshness.recordSignals(FreshnessSource.CHECK_IN, visits);
		Map<StationId, Instant> either = new HashMap<>(ratings);
		either.putAll(visits);
		return either.size();
	}

}
