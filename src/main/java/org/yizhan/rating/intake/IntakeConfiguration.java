package org.yizhan.rating.intake;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.yizhan.platform.DevelopmentKeyFile;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The intake's settings and its device key. In production the key comes from a secret
 * store ({@code yizhan.rating.intake.device-key}, base64 of ≥ 32 bytes), the same on
 * every instance; without it, a development key is generated once into
 * {@code yizhan.rating.intake.device-key-file}, so that devices keep their identity
 * across restarts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IntakeProperties.class, RatingLimitProperties.class, AbuseProperties.class })
class IntakeConfiguration {

	@Bean
	DeviceIdentity deviceIdentity(IntakeProperties properties) {
		String secret = properties.deviceKey();
		if (secret == null || secret.isBlank()) {
			secret = developmentKey(properties.deviceKeyFile());
		}
		try {
			return new DeviceIdentity(Base64.getDecoder().decode(secret.strip()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(
					"yizhan.rating.intake.device-key must be base64 of at least 32 random bytes: " + ex.getMessage());
		}
	}

	private static String developmentKey(Path file) {
		return DevelopmentKeyFile
			.readOrCreate(file, Map.of("key", DevelopmentKeyFile.newKey()), "rating device hashes",
					"yizhan.rating.intake.device-key")
			.getProperty("key");
	}

}
