package org.yizhan.supervision;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.platform.DataImports;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the silent-station check once right after the demo city's rating history was
 * generated, so the stations it leaves without ratings are listed as silent on a first
 * visit rather than after the next hourly check. Once per database (a marker row); the
 * check itself claims its month, so a second instance or the hourly run changes nothing.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty(name = { "yizhan.demo.enabled", "yizhan.demo.history.enabled" }, matchIfMissing = true)
class DemoSilentCheck implements ApplicationRunner {

	static final String IMPORT_NAME = "demo-silent-check";

	/** The rating history's marker ({@code rating.DemoRatingHistory}). */
	static final String HISTORY = "demo-rating-history";

	private static final Logger log = LoggerFactory.getLogger(DemoSilentCheck.class);

	private final SilentStationCheck check;

	private final DataImports imports;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoSilentCheck(SilentStationCheck check, DataImports imports, TransactionTemplate transaction, Clock clock) {
		this.clock = clock;
		this.check = check;
		this.imports = imports;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		Boolean due = transaction.execute(status -> {
			imports.lock();
			if (imports.isLoaded(IMPORT_NAME) || !imports.isLoaded(HISTORY)) {
				return false;
			}
			// marked before the check runs: should it fail, the hourly check does its
			// work
			imports.recordLoaded(IMPORT_NAME, 0, clock.instant());
			return true;
		});
		if (Boolean.TRUE.equals(due)) {
			int changed = check.run();
			log.info("Silent-station check after the demo rating history: {} cases opened", changed);
		}
	}

}
