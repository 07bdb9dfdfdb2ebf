package org.yizhan.funding;

import java.time.Clock;
import java.time.LocalDate;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Organization;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision of funds (资金使用监管, Xi'an): for a union's subtree and a year, each rule's
 * budget against what is committed and paid, the money against the stations listed and
 * the visits they served, each station's money over its life, and the stations whose
 * money needs a look: paid and delisted afterwards, or paid and never listed. A few
 * grouped queries over indexes by district, so a province's page stays fast.
 */
@Service
@Transactional(readOnly = true)
public class FundSupervision {

	static final int STATIONS_SHOWN = 100;

	private final FundingRepository repository;

	private final FundingCallers callers;

	private final Clock clock;

	FundSupervision(FundingRepository repository, FundingCallers callers, Clock clock) {
		this.repository = repository;
		this.callers = callers;
		this.clock = clock;
	}

	/** A union's funds (default: the caller's union) in a year (default: this year). */
	public FundReport report(String union, Integer year) {
		Actor actor = callers.reader();
		Organization found = callers.union(actor, union);
		int shown = year == null ? LocalDate.now(clock.withZone(YizhanTime.ZONE)).getYear() : year;
		if (shown < 2000 || shown > 2100) {
			throw new InvalidInputException(Violation.of("year", "funding.year.range"));
		}
		String path = found.path();
		LocalDate from = LocalDate.of(shown, 1, 1);
		LocalDate to = LocalDate.of(shown, 12, 31);
		long[] paid = repository.paidInYear(path, shown);
		return new FundReport(found.code(), found.name(), shown, repository.listRules(path, shown),
				repository.countListed(path), paid[0], paid[1], repository.visits(path, from, to),
				repository.stationFunds(path, false, STATIONS_SHOWN),
				repository.stationFunds(path, true, STATIONS_SHOWN));
	}

}
