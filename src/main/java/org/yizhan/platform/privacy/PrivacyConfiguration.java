package org.yizhan.platform.privacy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.yizhan.platform.DevelopmentKeyFile;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The personal-data key ring. In production the keys come from configuration or the
 * environment ({@code YIZHAN_PRIVACY_KEYS_<ID>=<base64 of 32 bytes>},
 * {@code YIZHAN_PRIVACY_ACTIVE_KEY=<id>}). Without any, a development key ring is
 * generated once into {@code yizhan.privacy.key-file} (beside the embedded database, so a
 * restart can still open what it sealed) and a warning says so.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyConfiguration.PrivacyProperties.class)
class PrivacyConfiguration {

	private static final String ACTIVE = "active";

	@Bean
	PersonalDataCipher personalDataCipher(PrivacyProperties properties) {
		if (!properties.keys().isEmpty()) {
			if (!StringUtils.hasText(properties.activeKey())) {
				throw new IllegalStateException(
						"yizhan.privacy.keys is set but yizhan.privacy.active-key is not: say which key seals new personal data");
			}
			return new PersonalDataCipher(decode(properties.keys(), "yizhan.privacy.keys"), properties.activeKey());
		}
		return developmentRing(properties.keyFile());
	}

	@Bean
	SealedColumnRotation sealedColumnRotation(PersonalDataCipher cipher, ObjectProvider<SealedColumn> columns,
			JdbcClient jdbc, TransactionTemplate transactions) {
		return new SealedColumnRotation(cipher, columns.orderedStream().toList(), jdbc, transactions);
	}

	private static PersonalDataCipher developmentRing(Path file) {
		Properties ring = DevelopmentKeyFile.readOrCreate(file,
				Map.of(ACTIVE, "dev1", "dev1", DevelopmentKeyFile.newKey()), "personal data", "yizhan.privacy.keys");
		Map<String, String> keys = new LinkedHashMap<>();
		ring.stringPropertyNames().stream().filter(name -> !ACTIVE.equals(name)).sorted().forEach(name -> {
			keys.put(name, ring.getProperty(name));
		});
		return new PersonalDataCipher(decode(keys, file.toString()), ring.getProperty(ACTIVE));
	}

	private static Map<String, byte[]> decode(Map<String, String> keys, String source) {
		Map<String, byte[]> decoded = new LinkedHashMap<>();
		keys.forEach((id, value) -> {
			try {
				decoded.put(id, Base64.getDecoder().decode(value.strip()));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("Personal-data key '" + id + "' in " + source + " is not base64");
			}
		});
		return decoded;
	}

	/**
	 * @param keys the key ring, base64 of 32 bytes by key id
	 * @param activeKey the id of the key that seals new values
	 * @param keyFile where the development key ring lives when no keys are configured
	 */
	@ConfigurationProperties("yizhan.privacy")
	record PrivacyProperties(Map<String, String> keys, String activeKey, Path keyFile) {

		PrivacyProperties {
			keys = (keys != null) ? Map.copyOf(keys) : Map.of();
			keyFile = (keyFile != null) ? keyFile : Path.of("yizhan-data/keys/personal-data.properties");
		}

	}

}
