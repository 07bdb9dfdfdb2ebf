package org.yizhan.operations;

import java.time.Clock;

import org.yizhan.platform.DataImports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets a test of another package generate the demo's donations, which stay
 * package-private.
 */
public final class DemoDonationsAccess {

	private final DemoDonations demo;

	public DemoDonationsAccess(JdbcClient jdbc, DataImports imports, TransactionTemplate transaction, Clock clock) {
		this.demo = new DemoDonations(jdbc, imports, transaction, clock);
	}

	/** The donations written, in the caller's transaction. */
	public int generate() {
		return this.demo.generate();
	}

}
