package org.yizhan.station;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.yizhan.platform.DevelopmentKeyFile;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key ring of the station tokens. In production it comes from a secret store:
 * {@code yizhan.rating.tokens.keys.<id>=<base64 of ≥ 32 bytes>} (ids 1–255),
 * {@code yizhan.rating.tokens.active-key=<id>} and, for each key taken out of use,
 * {@code yizhan.rating.tokens.retired.<id>=<instant>}. Without keys, a development ring
 * is generated once into {@code yizhan.rating.tokens.key-file}, so printed codes survive
 * a restart.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StationTokenConfiguration.TokenProperties.class)
class StationTokenConfiguration {

	@Bean
	StationTokens stationTokens(TokenProperties properties, Clock clock) {
		Map<Integer, String> secrets = properties.keys();
		Integer active = properties.activeKey();
		if (secrets.isEmpty()) {
			secrets = developmentRing(properties.keyFile());
			active = 1;
		}
		else if (active == null) {
			throw new IllegalStateException(
					"yizhan.rating.tokens.keys is set but yizhan.rating.tokens.active-key is not: say which key signs new codes");
		}
		Map<Integer, StationTokens.SigningKey> ring = new HashMap<>();
		secrets.forEach((id, secret) -> {
			byte[] bytes;
			try {
				bytes = Base64.getDecoder().decode(secret.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Rating-token key " + id + " is not base64");
			}
			ring.put(id, new StationTokens.SigningKey(bytes, properties.retired().get(id)));
		});
		return new StationTokens(ring, active, properties.grace(), clock);
	}

	private static Map<Integer, String> developmentRing(Path file) {
		Properties ring = DevelopmentKeyFile.readOrCreate(file, Map.of("1", DevelopmentKeyFile.newKey()),
				"station QR tokens", "yizhan.rating.tokens.keys");
		return Map.of(1, ring.getProperty("1"));
	}

	/**
	 * @param keys base64 secrets by key id
	 * @param activeKey the key that signs new tokens
	 * @param retired when each retired key was taken out of use
	 * @param grace how long a retired key's codes keep working
	 * @param keyFile the development ring, used when no keys are configured
	 */
	@ConfigurationProperties("yizhan.rating.tokens")
	record TokenProperties(Map<Integer, String> keys, Integer activeKey, Map<Integer, Instant> retired, Duration grace,
			Path keyFile) {

		TokenProperties {
			keys = (keys != null) ? Map.copyOf(keys) : Map.of();
			retired = (retired != null) ? Map.copyOf(retired) : Map.of();
			grace = (grace != null) ? grace : Duration.ofDays(90);
			keyFile = (keyFile != null) ? keyFile : Path.of("yizhan-data/keys/rating-tokens.properties");
		}

	}

}
