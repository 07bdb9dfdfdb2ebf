package org.yizhan.organization;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.ModuleBeans;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organisations start on the platform alone, and the audit log records an {@link Audited}
 * published by any module in that module's transaction, with who did it.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ExtendWith(ActingAsNationalAdmin.class)
class OrganizationModuleTests {

	private final ApplicationContext context;

	private final OrganizationTree tree;

	private final JdbcClient jdbc;

	OrganizationModuleTests(ApplicationContext context, OrganizationTree tree, JdbcClient jdbc) {
		this.context = context;
		this.tree = tree;
		this.jdbc = jdbc;
	}

	@Test
	void startsWithOnlyThePlatform() {
		assertThat(ModuleBeans.modulesWithBeans(context)).containsExactlyInAnyOrder("organization", "platform");
		assertThat(tree.findByCode("330106")).hasValueSatisfying((xihu) -> assertThat(xihu.name()).isEqualTo("西湖区总工会"));
	}

	@Test
	void anAuditedActionIsRecordedWithItsActor(Scenario scenario) {
		String target = "module-test-" + System.nanoTime();

		scenario.publish(new Audited("module.test", "organization", target, "330106", null, "after"))
			.andWaitForStateChange(() -> jdbc
				.sql("select username from audit_entry where action = 'module.test' and target_id = :target")
				.param("target", target)
				.query(String.class)
				.optional())
			.andVerify((username) -> assertThat(username).contains("admin"));
	}

}
