package org.yizhan.platform.database;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database role the application works as ({@code yizhan.database.app-role}), apart
 * from the owner that runs the migrations: the migrations grant it data rights but only
 * insert and select on the audit log, so the application cannot rewrite history. Its name
 * reaches the migrations as the Flyway placeholder {@code app_role}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRoles {

	private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private final String appRole;

	DatabaseRoles(@Value("${yizhan.database.app-role:yizhan_app}") String appRole) {
		if (!ROLE_NAME.matcher(appRole).matches()) {
			throw new IllegalStateException("yizhan.database.app-role must be a plain lower-case PostgreSQL role name "
					+ "(letters, digits, underscores), not '" + appRole + "'");
		}
		this.appRole = appRole;
	}

	String appRole() {
		return appRole;
	}

	@Bean
	FlywayConfigurationCustomizer appRolePlaceholder() {
		return configuration -> {
			Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
			placeholders.put("app_role", appRole);
			configuration.placeholders(placeholders);
		};
	}

}
