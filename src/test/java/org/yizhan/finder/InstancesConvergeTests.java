package org.yizhan.finder;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.YizhanApplication;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database: a change made through one reaches the other's index by
 * reconciliation, since station events are only delivered inside the instance that made
 * them.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest
class InstancesConvergeTests {

	@Autowired
	StationRegistry registry;

	@Test
	void aStationListedThroughOneInstanceIsFoundByTheOtherAfterReconciliation() {
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(YizhanApplication.class)
			// Arguments, not default properties: those would lose to application.yml's
			// port.
			.run("--server.port=0", "--yizhan.finder.reconcile-interval=1h")) {
			StationFinder otherFinder = other.getBean(StationFinder.class);
			StationIndexMaintenance otherMaintenance = other.getBean(StationIndexMaintenance.class);
			Station station = registry.create(new StationInput("两个实例驿站", "杭州市建德市", "330182", "测试单位", "OTHER", 29.47,
					119.28, "wgs84", null, null, List.of(), "24/7", null, null, false, null, null, null, null));
			registry.list(station.id(), null);

			assertThat(otherFinder.findById(station.id().value())).isEmpty();
			assertThat(otherMaintenance.reconcile()).isGreaterThanOrEqualTo(1);
			assertThat(otherFinder.findById(station.id().value())).isPresent();

			registry.delist(station.id(), null, org.yizhan.station.DelistingReason.DUPLICATE, null);
			otherMaintenance.reconcile();
			assertThat(otherFinder.findById(station.id().value())).isEmpty();
			assertThat(otherMaintenance.reconcile()).isZero();
		}
	}

}
