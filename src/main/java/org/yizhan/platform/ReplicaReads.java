package org.yizhan.platform;

import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads that may be served by a read replica: reports, dashboards and their downloads,
 * which may be a few seconds behind but should not load the primary that takes the
 * ratings. With {@code yizhan.replica.url} unset (the default), every read goes to the
 * primary. With it set, a read goes to the replica while it answers and is at most
 * {@code yizhan.replica.max-lag} behind; a replica missing, unreachable or lagging beyond
 * that is passed over for the primary, so an answer is never older than the lag allowed.
 * A use case that must see its own writes does not read here.
 */
public interface ReplicaReads {

	/**
	 * Runs the reads in one read-only transaction (one snapshot, so figures agree with
	 * each other), on the replica when it may serve them, else on the primary. Should the
	 * replica fail on the way (its connection lost), the reads run again on the primary.
	 * @param reads the queries, given the client of the database chosen
	 * @return what the reads return
	 */
	<T> T read(Function<JdbcClient, T> reads);

}
