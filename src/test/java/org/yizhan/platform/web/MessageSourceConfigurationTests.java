package org.yizhan.platform.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's messages come from every bundle on the class path, in both languages,
 * without a list of them anywhere.
 */
class MessageSourceConfigurationTests {

	private final MessageSource messages = new MessageSourceConfiguration().messageSource(settings(),
			new PathMatchingResourcePatternResolver());

	@Test
	void everyBundleFoundAnswersInChineseAndEnglish() throws IOException {
		for (String bundle : MessageBundles.baseNames(new PathMatchingResourcePatternResolver())) {
			for (String suffix : new String[] { "", "_en" }) {
				Properties file = load(bundle + suffix + ".properties");
				String key = file.stringPropertyNames().stream().sorted().findFirst().orElseThrow();
				Locale locale = suffix.isEmpty() ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
				assertThat(messages.getMessage(key, null, locale)).as("%s in %s", key, bundle + suffix)
					.isEqualTo(file.getProperty(key));
			}
		}
	}

	@Test
	void anUnknownCodeIsAnErrorNotTheCodeItself() {
		assertThat(messages.getMessage("no.such.code", null, "absent", Locale.ENGLISH)).isEqualTo("absent");
	}

	@Test
	void aBundleNamedAgainstTheRuleIsRefusedRatherThanIgnored() {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver() {
			@Override
			public org.springframework.core.io.Resource[] getResources(String pattern) {
				return new org.springframework.core.io.Resource[] {
						new ClassPathResource("i18n/Ticket Texts.properties") };
			}
		};
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> MessageBundles.baseNames(resolver))
			.withMessageContaining("i18n/Ticket Texts.properties");
	}

	private static MessageSourceProperties settings() {
		MessageSourceProperties settings = new MessageSourceProperties();
		settings.setFallbackToSystemLocale(false);
		return settings;
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (Reader in = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

}
