package org.yizhan.notification;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.yizhan.support.ModuleBeans;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification centre starts with organization (whose accounts it addresses) and the
 * platform, and delivers a notice once: the same kind and key again adds nothing. No bean
 * of the module uses one of platform's, so Spring Modulith would leave platform (and with
 * it the database) out of the direct dependencies; it is included by name.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
class NotificationModuleTests {

	private final ApplicationContext context;

	private final Notifications notifications;

	private final JdbcClient jdbc;

	NotificationModuleTests(ApplicationContext context, Notifications notifications, JdbcClient jdbc) {
		this.context = context;
		this.notifications = notifications;
		this.jdbc = jdbc;
	}

	@Test
	void startsWithOnlyTheModulesItDeclares() {
		assertThat(ModuleBeans.modulesWithBeans(context)).containsExactlyInAnyOrder("notification", "organization",
				"platform");
	}

	@Test
	void aNoticeIsDeliveredOnceForItsKindAndKey() {
		long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
		Notice notice = new Notice(admin, "test.module", UUID.randomUUID().toString(), "/console/stations",
				new NoticeText("模块测试", List.of(new NoticeSection("内容", List.of(NoticeLine.of("模块测试"))))),
				new NoticeText("Module test",
						List.of(new NoticeSection("Body", List.of(NoticeLine.of("Module test"))))));

		assertThat(notifications.deliver(notice)).isPresent();
		assertThat(notifications.deliver(notice)).isEmpty();
		assertThat(jdbc.sql("select count(*) from notification where account_id = :account and dedupe_key = :key")
			.param("account", admin)
			.param("key", notice.key())
			.query(Long.class)
			.single()).isOne();
	}

}
