package org.yizhan.listing;

import java.time.Clock;

import org.yizhan.station.StationDelisted;
import org.yizhan.station.StationFreshnessChanged;
import org.yizhan.station.StationSuspended;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Settles workers' "shut" reports when what they said is answered: their station
 * confirmed open by its host, master or union (a hold released, or a confirmation without
 * one), or taken off the map by suspension or delisting. The first answer after a report
 * settles it and is what {@link FreshnessFigures} measures the time to; a later one
 * changes nothing.
 *
 * <p>
 * Heard through the outbox after the station's transaction commits: a report settled a
 * moment late is measured a moment long, which the figures, in hours, do not see; a
 * suspension's event carries no time, so its settling takes the time it is heard.
 */
@Component
class ShutReportSettlement {

	private final ListingReportRepository reports;

	private final Clock clock;

	ShutReportSettlement(ListingReportRepository reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(StationFreshnessChanged changed) {
		if (!changed.held()) {
			reports.settleShutReports(changed.stationId(), changed.at(), Resolution.CONFIRMED_OPEN);
		}
	}

	@ApplicationModuleListener
	void on(StationSuspended suspended) {
		reports.settleShutReports(suspended.stationId(), clock.instant(), Resolution.SUSPENDED);
	}

	@ApplicationModuleListener
	void on(StationDelisted delisted) {
		reports.settleShutReports(delisted.stationId(), clock.instant(), Resolution.DELISTED);
	}

	/** How a shut report was settled. */
	enum Resolution {

		CONFIRMED_OPEN, SUSPENDED, DELISTED

	}

}
