package org.yizhan.rating.intake;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

import org.yizhan.platform.web.TokenBuckets;
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

	private final TokenBuckets<ByteBuffer> devices;

	private final TokenBuckets<String> addresses;

	RatingLimits(RatingLimitProperties properties) {
		this.enabled = properties.enabled();
		this.devices = new TokenBuckets<>(properties.deviceBurst(), 1, properties.deviceRefill(), 200_000,
				Duration.ofHours(1));
		this.addresses = new TokenBuckets<>(properties.addressBurst(), properties.addressPerSecond(),
				Duration.ofSeconds(1), 200_000, Duration.ofHours(1));
	}

	/** Takes one rating from the client address's allowance, or refuses it. */
	public void admitAddress(String address) {
		if (enabled) {
			refuseWhenEmpty(addresses.take(address), "address");
		}
	}

	/** Takes one rating from the device's allowance, or refuses it. */
	public void admitDevice(byte[] deviceHash) {
		if (enabled) {
			refuseWhenEmpty(devices.take(ByteBuffer.wrap(deviceHash)), "device");
		}
	}

	private static void refuseWhenEmpty(Optional<Duration> wait, String limit) {
		if (wait.isPresent()) {
			throw new TooManyRatingsException(limit, Duration.ofSeconds(TokenBuckets.retryAfterSeconds(wait.get())));
		}
	}

}
