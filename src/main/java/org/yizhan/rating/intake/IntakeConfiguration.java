package org.yizhan.rating.intake;

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
		return new DeviceIdentity(DevelopmentKeyFile.configuredOrDevelopment(properties.deviceKey(),
				properties.deviceKeyFile(), "rating device hashes", "yizhan.rating.intake.device-key"));
	}

}
