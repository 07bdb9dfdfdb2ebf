package org.yizhan.platform.web;

import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets kept in PostgreSQL (table {@code rate_limit_bucket}, through Bucket4j's
 * select-for-update proxy manager), for the limits that must hold across instances: with
 * {@link TokenBuckets}, in each instance's memory, N instances behind one balancer give
 * an address N times its budget. Each take is a short transaction of its own (read the
 * bucket for update, take, write), so it suits limits of a few requests a minute per
 * address (problem reports), not the thousands a second of the rating intake or the
 * finder, which stay in memory. An idle bucket's row goes once it would be full again.
 */
@Component
public class SharedRateLimits {

	private static final int REMOVE_BATCH = 1000;

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	SharedRateLimits(DataSource dataSource) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
			.build();
	}

	/**
	 * Buckets named {@code limit} (a key is stored as {@code limit:key}), each holding
	 * {@code capacity} tokens and getting {@code refill} back every {@code period},
	 * spread evenly over it.
	 */
	public Limit limit(String limit, long capacity, long refill, Duration period) {
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refill, period).build())
			.build();
		return new Limit(buckets, limit, configuration);
	}

	/** Removes the rows of buckets that are full again, in batches, on every instance. */
	@Scheduled(fixedDelayString = "${yizhan.rate-limits.cleanup-interval:PT10M}")
	void removeFullBuckets() {
		while (buckets.removeExpired(REMOVE_BATCH) == REMOVE_BATCH) {
			// another batch
		}
	}

	/** One shared limit: a bucket per key, the same allowance for each. */
	public static final class Limit {

		private final ProxyManager<String> buckets;

		private final String name;

		private final BucketConfiguration configuration;

		private Limit(ProxyManager<String> buckets, String name, BucketConfiguration configuration) {
			this.buckets = buckets;
			this.name = name;
			this.configuration = configuration;
		}

		/**
		 * Takes a token from the bucket of {@code key}: empty when one was there,
		 * otherwise how long until the next comes back.
		 */
		public Optional<Duration> take(String key) {
			ConsumptionProbe probe = buckets.builder()
				.build(name + ":" + key, () -> configuration)
				.tryConsumeAndReturnRemaining(1);
			return probe.isConsumed() ? Optional.empty()
					: Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}

	}

}
