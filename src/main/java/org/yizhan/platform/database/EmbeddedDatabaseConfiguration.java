package org.yizhan.platform.database;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL when no {@code spring.datasource.url} is configured, so
 * that {@code ./mvnw spring-boot:run} needs nothing installed. With a URL (e.g. from
 * {@code SPRING_DATASOURCE_URL}) Spring Boot's own data source is used and this stays out
 * of the way.
 *
 * <p>
 * Two roles, as in production: Flyway migrates as the owner ({@code postgres}); the
 * application connects as {@link DatabaseRoles#appRole()}, created here at first start,
 * with the rights the migrations grant it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(@Value("${yizhan.embedded-db.dir}") Path dataDirectory,
			@Value("${yizhan.embedded-db.clean-on-start:false}") boolean clean,
			@Value("${yizhan.embedded-db.synchronous-commit:true}") boolean synchronousCommit,
			@Value("${yizhan.embedded-db.fsync:true}") boolean fsync,
			@Value("${yizhan.embedded-db.max-connections:100}") int maxConnections) {
		return EmbeddedPostgresServer.acquire(dataDirectory, clean, synchronousCommit, fsync, maxConnections);
	}

	/**
	 * The application's pool connects as the restricted role, which may not change the
	 * schema nor update or delete audit entries. While the database is away, a request
	 * waits at most {@code spring.datasource.hikari.connection-timeout} for a connection
	 * (as with an external database) and is then answered 503.
	 */
	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgresServer server, DatabaseRoles roles,
			@Value("${yizhan.embedded-db.pool-size:10}") int poolSize,
			@Value("${yizhan.embedded-db.min-idle:-1}") int minimumIdle,
			@Value("${spring.datasource.hikari.connection-timeout:3000}") long connectionTimeout,
			@Value("${spring.datasource.hikari.validation-timeout:2000}") long validationTimeout) {
		server.createLoginRoleIfMissing(roles.appRole());
		HikariDataSource dataSource = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(server.connectionUrl())
			.username(roles.appRole())
			.password(server.password(roles.appRole()))
			.build();
		dataSource.setPoolName("yizhan-embedded");
		dataSource.setMaximumPoolSize(poolSize);
		dataSource.setConnectionTimeout(connectionTimeout);
		dataSource.setValidationTimeout(validationTimeout);
		if (minimumIdle >= 0) {
			// A pool that may shrink closes connections idle for ten seconds: the test
			// JVM's cached contexts then hold one connection each, not ten.
			dataSource.setMinimumIdle(minimumIdle);
			dataSource.setIdleTimeout(10_000);
		}
		return dataSource;
	}

	/** Flyway migrates as the owner, the superuser of the embedded server. */
	@Bean
	FlywayConfigurationCustomizer migrateAsOwner(EmbeddedPostgresServer server) {
		return configuration -> configuration.dataSource(server.connectionUrl(), EmbeddedPostgresServer.OWNER,
				server.password(EmbeddedPostgresServer.OWNER));
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}

	}

}
