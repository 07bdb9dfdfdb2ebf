package org.yizhan.platform.privacy;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a key rotation, re-seals every stored value that is still sealed with a retired
 * key, a batch at a time, so that the retired key can eventually be removed from the
 * ring.
 *
 * <p>
 * Each value is replaced only if it is still the value that was read (a compare and set),
 * so this job needs no lock: an edit that lands in between wins, and two instances
 * running the job at once re-seal each value at most once each, both correctly.
 */
public class SealedColumnRotation {

	private static final Logger log = LoggerFactory.getLogger(SealedColumnRotation.class);

	private static final int BATCH = 500;

	private final PersonalDataCipher cipher;

	private final List<SealedColumn> columns;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	SealedColumnRotation(PersonalDataCipher cipher, List<SealedColumn> columns, JdbcClient jdbc,
			TransactionTemplate transactions) {
		this.cipher = cipher;
		this.columns = List.copyOf(columns);
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Scheduled(initialDelayString = "${yizhan.privacy.rotation-interval:PT1H}",
			fixedDelayString = "${yizhan.privacy.rotation-interval:PT1H}")
	void scheduled() {
		int resealed = resealAll();
		if (resealed > 0) {
			log.info("Re-sealed {} personal-data values with key '{}'", resealed, this.cipher.activeKeyId());
		}
	}

	/** Re-seals every value not sealed with the active key; returns how many changed. */
	public int resealAll() {
		int total = 0;
		for (SealedColumn column : this.columns) {
			int changed;
			do {
				changed = this.transactions.execute(status -> resealBatch(column));
				total += changed;
			}
			while (changed > 0);
		}
		return total;
	}

	private int resealBatch(SealedColumn column) {
		String select = "select %1$s as id, %2$s as sealed from %3$s where %2$s is not null and %2$s not like :active order by %1$s limit %4$d"
			.formatted(column.idColumn(), column.column(), column.table(), BATCH);
		String update = "update %3$s set %2$s = :fresh where %1$s = :id and %2$s = :stale".formatted(column.idColumn(),
				column.column(), column.table());
		List<Stale> stale = this.jdbc.sql(select)
			.param("active", this.cipher.activePattern())
			.query((rs, row) -> new Stale(rs.getObject("id"), rs.getString("sealed")))
			.list();
		int changed = 0;
		for (Stale value : stale) {
			changed += this.jdbc.sql(update)
				.param("fresh", this.cipher.seal(this.cipher.open(value.sealed())))
				.param("id", value.id())
				.param("stale", value.sealed())
				.update();
		}
		return changed;
	}

	private record Stale(Object id, String sealed) {
	}

}
