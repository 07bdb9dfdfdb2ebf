package org.yizhan.rating.intake;

import java.nio.ByteBuffer;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.yizhan.rating.TooManyRatingsException;

import org.springframework.stereotype.Component;

/**
 * Token buckets per device (strict: a worker rates a station once a day and passes a few
 * stations) and per client address (loose: a carrier's address hides hundreds of phones).
 * They are this instance's memory: cheap enough to stand in front of every request, and
 * the first line only. What must hold across instances (one rating per device, station
 * and day, and the anomaly rules) is decided in the database. Buckets idle for an hour
 * are dropped, and at most 200,000 of each kind are kept.
 */
@Component
public class RatingLimits {

	private final boolean enabled;

	private final Bandwidth perDevice;

	private final Bandwidth perAddress;

	private final Cache<ByteBuffer, Bucket> devices = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	private final Cache<String, Bucket> addresses = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	RatingLimits(RatingLimitProperties properties) {
		this.enabled = properties.enabled();
		this.perDevice = Bandwidth.builder()
			.capacity(properties.deviceBurst())
			.refillGreedy(1, properties.deviceRefill())
			.build();
		this.perAddress = Bandwidth.builder()
			.capacity(properties.addressBurst())
			.refillGreedy(properties.addressPerSecond(), Duration.ofSeconds(1))
			.build();
	}

	/** Takes one rating from the client address's allowance, or refuses it. */
	public void admitAddress(String address) {
		if (enabled) {
			take(addresses.get(address, key -> bucket(perAddress)), "address");
		}
	}

	/** Takes one rating from the device's allowance, or refuses it. */
	public void admitDevice(byte[] deviceHash) {
		if (enabled) {
			take(devices.get(ByteBuffer.wrap(deviceHash), key -> bucket(perDevice)), "device");
		}
	}

	private static Bucket bucket(Bandwidth bandwidth) {
		return Bucket.builder().addLimit(bandwidth).build();
	}

	private static void take(Bucket bucket, String limit) {
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new TooManyRatingsException(limit,
					Duration.ofSeconds(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1)));
		}
	}

}
