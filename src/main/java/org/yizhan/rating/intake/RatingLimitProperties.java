package org.yizhan.rating.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rate limits of the rating API ({@code yizhan.rating.limits.*}): strict per device,
 * loose per client address, because many workers share one carrier address.
 *
 * @param deviceBurst ratings one device may send at once
 * @param deviceRefill after the burst, one more per this period
 * @param addressBurst ratings one client address may send at once
 * @param addressPerSecond after the burst, this many per second
 */
@ConfigurationProperties("yizhan.rating.limits")
public record RatingLimitProperties(Boolean enabled, Integer deviceBurst, Duration deviceRefill, Integer addressBurst,
		Integer addressPerSecond) {

	public RatingLimitProperties {
		enabled = (enabled != null) ? enabled : true;
		deviceBurst = (deviceBurst != null) ? deviceBurst : 4;
		deviceRefill = (deviceRefill != null) ? deviceRefill : Duration.ofMinutes(10);
		addressBurst = (addressBurst != null) ? addressBurst : 200;
		addressPerSecond = (addressPerSecond != null) ? addressPerSecond : 20;
	}

}
