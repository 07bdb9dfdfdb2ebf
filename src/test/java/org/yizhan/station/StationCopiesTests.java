package org.yizhan.station;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.YizhanApplication;
import org.yizhan.support.ActingAsNationalAdmin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies of stations kept by {@link StationCopies}: a change of this instance reaches
 * them when it commits, a change that sent no event (or whose event was lost) and a
 * change made through another instance reach them at the reconciliation.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest
class StationCopiesTests {

	@Autowired
	StationCopies copies;

	@Autowired
	StationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	private StationReplica<String> names;

	@AfterEach
	void stopTheTestCopy() {
		if (names != null) {
			copies.stopFollowing(names.copy());
		}
	}

	@Test
	void aCopyRegisteredLateIsFilledWithTheListedStationsAtOnce() {
		Station listed = listedStation("已登记驿站");

		names = copies.replicate("test names", EnumSet.of(StationStatus.LISTED), station -> station.details().name());

		assertThat(names.values()).contains("已登记驿站");
		assertThat((long) names.size())
			.isEqualTo(jdbc.sql("select count(*) from station where status = 'LISTED'").query(Long.class).single());
		assertThat(names.copy().versionOf(listed.id().value())).isEqualTo(listed.version());
	}

	@Test
	void aChangeOfThisInstanceReachesTheCopyAsSoonAsItCommits() {
		names = copies.replicate("test names", EnumSet.of(StationStatus.LISTED), station -> station.details().name());
		Station station = listedStation("提交即见驿站");
		assertThat(names.copy().versionOf(station.id().value())).isEqualTo(station.version());

		Station suspended = registry.suspend(station.id(), null, "装修", java.time.LocalDate.now().plusDays(10));

		assertThat(names.copy().versionOf(station.id().value())).isEqualTo(-1);
		assertThat(names.copy().knowsRemoved(station.id().value())).isTrue();
		assertThat(names.find(station.id())).isEmpty();

		Station reopened = registry.reopen(station.id(), suspended.version());
		assertThat(names.copy().versionOf(station.id().value())).isEqualTo(reopened.version());
	}

	@Test
	void theReconciliationRepairsAChangeWhoseEventWasMissed() {
		names = copies.replicate("test names", EnumSet.of(StationStatus.LISTED), station -> station.details().name());
		Station station = listedStation("漏事件驿站");
		long id = station.id().value();

		// Changed in the database without an event: the copy cannot know yet.
		jdbc.sql("update station set name = '漏事件驿站（新名）', version = version + 1 where id = :id")
			.param("id", id)
			.update();
		assertThat(names.values()).contains("漏事件驿站").doesNotContain("漏事件驿站（新名）");

		assertThat(names.copy().reconcile()).isEqualTo(1);
		assertThat(names.values()).contains("漏事件驿站（新名）").doesNotContain("漏事件驿站");
		assertThat(names.copy().versionOf(id)).isEqualTo(station.version() + 1);

		jdbc.sql("update station set status = 'SUSPENDED', version = version + 1 where id = :id")
			.param("id", id)
			.update();
		assertThat(names.copy().reconcile()).isEqualTo(1);
		assertThat(names.copy().versionOf(id)).isEqualTo(-1);

		assertThat(names.copy().reconcile()).as("nothing left to repair").isZero();
	}

	@Test
	void aChangeMadeThroughAnotherInstanceArrivesByReconciliation() {
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(YizhanApplication.class)
			// Arguments, not default properties: those would lose to application.yml's
			// port.
			.run("--server.port=0", "--yizhan.station.copies.reconcile-interval=1h")) {
			StationReplica<String> there = other.getBean(StationCopies.class)
				.replicate("test names", EnumSet.of(StationStatus.LISTED), station -> station.details().name());

			Station station = listedStation("另一实例驿站");
			long id = station.id().value();
			assertThat(there.copy().versionOf(id)).as("events stay in their instance").isEqualTo(-1);

			assertThat(there.copy().reconcile()).isEqualTo(1);
			assertThat(there.values()).contains("另一实例驿站");

			Station renamed = registry.revise(station.id(), station.version(), input("另一实例驿站（新名）"));
			assertThat(there.values()).doesNotContain("另一实例驿站（新名）");
			assertThat(there.copy().reconcile()).isEqualTo(1);
			assertThat(there.values()).contains("另一实例驿站（新名）");
			assertThat(there.copy().versionOf(id)).isEqualTo(renamed.version());

			registry.delist(station.id(), null, DelistingReason.DUPLICATE, null);
			assertThat(there.copy().reconcile()).isEqualTo(1);
			assertThat(there.copy().versionOf(id)).isEqualTo(-1);

			// A station that copy has not heard of at all is read through once.
			Station unheardOf = listedStation("未闻驿站");
			assertThat(there.find(unheardOf.id())).contains("未闻驿站");
			assertThat(there.copy().versionOf(unheardOf.id().value())).isEqualTo(unheardOf.version());
		}
	}

	private Station listedStation(String name) {
		Station draft = registry.create(input(name));
		return registry.list(draft.id(), null);
	}

	private static StationInput input(String name) {
		return new StationInput(name, "杭州市建德市", "330182", "测试单位", "OTHER", 29.47, 119.28, "wgs84", null, null,
				List.of(), "24/7", null, null, false, null, null, null, null);
	}

}
