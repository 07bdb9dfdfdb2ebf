package org.yizhan.platform.web;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One token bucket per key (a client address, a device) in this instance's memory, all
 * with the same allowance: what the public API, the rating intake and the problem reports
 * limit their callers with. Buckets idle for {@code idle} are dropped and at most
 * {@code maxKeys} kept, so a flood of new keys costs bounded memory.
 *
 * @param <K> the key a caller is counted by
 */
public final class TokenBuckets<K> {

	private final Bandwidth allowance;

	private final Cache<K, Bucket> buckets;

	/**
	 * @param capacity the tokens a bucket holds, the burst a caller may send at once
	 * @param refill how many tokens come back every {@code period}, spread evenly over it
	 */
	public TokenBuckets(long capacity, long refill, Duration period, long maxKeys, Duration idle) {
		this.allowance = Bandwidth.builder().capacity(capacity).refillGreedy(refill, period).build();
		this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(idle).build();
	}

	/**
	 * Takes a token from the bucket of {@code key}: empty when one was there, otherwise
	 * how long until the next comes back.
	 */
	public Optional<Duration> take(K key) {
		ConsumptionProbe probe = buckets.get(key, any -> Bucket.builder().addLimit(allowance).build())
			.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/** A wait in whole seconds for a {@code Retry-After}: rounded up, at least one. */
	public static long retryAfterSeconds(Duration wait) {
		return Math.max(1, wait.toSeconds() + 1);
	}

}
