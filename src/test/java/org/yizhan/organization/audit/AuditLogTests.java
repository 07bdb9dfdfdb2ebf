package org.yizhan.organization.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.organization.Actors;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log is written with the change or not at all, and is append-only where it
 * counts: the application's own database role cannot rewrite or remove it.
 */
@SpringBootTest
class AuditLogTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	AuditRetention retention;

	@Autowired
	LockProvider locks;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theApplicationWorksAsTheRestrictedRoleNotAsTheOwner() {
		assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("yizhan_app");
		assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single())
			.isFalse();
	}

	@Test
	void theApplicationsRoleCannotUpdateDeleteOrTruncateAuditEntries() {
		String target = record("audit.test", null);

		assertThatThrownBy(() -> jdbc.sql("update audit_entry set username = 'someone else' where target_id = :id")
			.param("id", target)
			.update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where target_id = :id").param("id", target).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThat(count(target)).isOne();
	}

	@Test
	void theRetentionFunctionRefusesLessThan180Days() {
		assertThatThrownBy(() -> jdbc.sql("select purge_audit_entries(179)").query(Integer.class).single())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("at least 180 days");
	}

	@Test
	void retentionRemovesOnlyEntriesOlderThan180DaysAndASecondRunChangesNothing() {
		String old = insertAt(Instant.now().minus(181, ChronoUnit.DAYS));
		String kept = insertAt(Instant.now().minus(179, ChronoUnit.DAYS));
		String fresh = record("audit.test", null);

		int removed = retention.purge();

		assertThat(removed).isGreaterThanOrEqualTo(1);
		assertThat(count(old)).isZero();
		assertThat(count(kept)).isOne();
		assertThat(count(fresh)).isOne();
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'audit.purge' and username = 'system'")
			.query(Long.class)
			.single()).isPositive();
		assertThat(retention.purge()).isZero();
	}

	@Test
	void theScheduledPurgeSkipsWhileAnotherInstanceHoldsItsLock() {
		String old = insertAt(Instant.now().minus(200, ChronoUnit.DAYS));
		var held = locks
			.lock(new LockConfiguration(Instant.now(), "audit-retention", Duration.ofMinutes(5), Duration.ZERO))
			.orElseThrow();
		try {
			retention.purgeOnSchedule();
			assertThat(count(old)).as("skipped while another instance runs it").isOne();
		}
		finally {
			held.unlock();
		}

		retention.purgeOnSchedule();

		assertThat(count(old)).isZero();
	}

	@Test
	void aRetentionUnder180DaysIsRefusedAtStartUp() {
		assertThatThrownBy(() -> new AuditRetention(jdbc, events, transaction, Duration.ofDays(90)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("yizhan.audit.retention is 90 days")
			.hasMessageContaining("at least 180 days");
	}

	@Test
	void anActionRolledBackLeavesNoEntry() {
		String target = UUID.randomUUID().toString();

		transaction.executeWithoutResult(status -> {
			events.publishEvent(new Audited("audit.test", "test", target, "330106", null, "after"));
			status.setRollbackOnly();
		});

		assertThat(count(target)).isZero();
	}

	@Test
	void anActionCommittedHasExactlyOneEntryWithTheActorAndTheTargetsSubtree() {
		SecurityContextHolder.getContext()
			.setAuthentication(Actors.signedIn("xihu-admin", "100000/330000/330100/330106", Role.ORG_ADMIN));

		String target = record("audit.test", "before");

		var entry = jdbc.sql("""
				select username, roles, actor_organization_code, target_organization_path, before_summary
				from audit_entry where target_id = :id
				""").param("id", target).query().singleRow();
		assertThat(entry).containsEntry("username", "xihu-admin")
			.containsEntry("roles", "ORG_ADMIN")
			.containsEntry("actor_organization_code", "330106")
			.containsEntry("target_organization_path", "100000/330000/330100/330106")
			.containsEntry("before_summary", "before");
	}

	@Test
	void anActionOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> events
			.publishEvent(new Audited("audit.test", "test", UUID.randomUUID().toString(), "330106", null, null)))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void anActionOnAnUnknownOrganisationFailsAndWritesNothing() {
		String target = UUID.randomUUID().toString();

		assertThatThrownBy(() -> transaction.executeWithoutResult(
				status -> events.publishEvent(new Audited("audit.test", "test", target, "999999", null, null))))
			.isInstanceOf(IllegalStateException.class);
		assertThat(count(target)).isZero();
	}

	private String record(String action, String before) {
		String target = UUID.randomUUID().toString();
		transaction.executeWithoutResult(
				status -> events.publishEvent(new Audited(action, "test", target, "330106", before, "after")));
		return target;
	}

	/** Back-dated rows, as only a test writes them: the log itself stamps the time. */
	private String insertAt(Instant at) {
		String target = UUID.randomUUID().toString();
		jdbc.sql("""
				insert into audit_entry (occurred_at, username, roles, action, target_type, target_id,
				    target_organization_code, target_organization_path)
				values (:at, 'test', '', 'audit.test', 'test', :id, '330106', '100000/330000/330100/330106')
				""").param("at", Timestamp.from(at)).param("id", target).update();
		return target;
	}

	private long count(String target) {
		return jdbc.sql("select count(*) from audit_entry where target_id = :id")
			.param("id", target)
			.query(Long.class)
			.single();
	}

}
