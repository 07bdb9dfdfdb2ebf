package org.yizhan.station;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.support.ActingAsNationalAdmin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The registry publishes one event per change, naming the station by id and code, and
 * nothing for a command it refuses.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest
@RecordApplicationEvents
class StationEventsTests {

	@Autowired
	StationRegistry registry;

	@Autowired
	ApplicationEvents events;

	@Test
	void creatingAStationPublishesStationChanged() {
		Station station = registry.create(anInput("新建事件驿站"));

		assertThat(stationEvents())
			.containsExactly(new StationChanged(station.id(), station.code().value(), StationStatus.DRAFT));
		assertThat(station.code().value()).startsWith("330106-");
	}

	@Test
	void revisingAStationPublishesStationChangedWithItsStatus() {
		Station station = registry.create(anInput("修改前"));
		registry.list(station.id(), 0L);
		events.clear();

		registry.revise(station.id(), 1L, anInput("修改后"));

		assertThat(stationEvents())
			.containsExactly(new StationChanged(station.id(), station.code().value(), StationStatus.LISTED));
	}

	@Test
	void eachLifecycleStepPublishesItsEvent() {
		Station station = registry.create(anInput("生命周期事件驿站"));
		StationId id = station.id();
		String code = station.code().value();
		LocalDate reopening = LocalDate.now().plusDays(10);
		events.clear();

		registry.list(id, null);
		registry.suspend(id, null, "设施维修", reopening);
		registry.reopen(id, null);
		registry.delist(id, null, DelistingReason.FAILED_STANDARDS, "复查不达标");

		assertThat(stationEvents()).containsExactly(new StationListed(id, code),
				new StationSuspended(id, code, "设施维修", reopening), new StationListed(id, code),
				new StationDelisted(id, code, DelistingReason.FAILED_STANDARDS));
	}

	@Test
	void aRefusedCommandPublishesNothing() {
		Station station = registry.create(anInput("拒绝事件驿站"));
		registry.delist(station.id(), null, DelistingReason.DUPLICATE, null);
		events.clear();

		assertThatExceptionOfType(StationTransitionException.class)
			.isThrownBy(() -> registry.reopen(station.id(), null));
		assertThatExceptionOfType(StationTransitionException.class)
			.isThrownBy(() -> registry.revise(station.id(), 1L, anInput("复活")));
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> registry.list(station.id(), 0L));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> registry.create(anInput(" ")));

		assertThat(stationEvents()).isEmpty();
	}

	@Test
	void anInvalidSuspensionPublishesNothing() {
		Station station = registry.create(anInput("暂停校验驿站"));
		registry.list(station.id(), null);
		events.clear();

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> registry.suspend(station.id(), null, "维修", LocalDate.now()));

		assertThat(stationEvents()).isEmpty();
		assertThat(registry.getById(station.id()).status()).isEqualTo(StationStatus.LISTED);
	}

	@Test
	void aDowngradePublishesStationChangedAndStationDowngradedAndARefusedOneNothing() {
		Station station = registry.create(levelled("降级事件驿站", "CITY"));
		registry.list(station.id(), null);
		events.clear();

		Station downgraded = registry.downgrade(station.id(), 1L, "连续三个月无评价");

		assertThat(downgraded.details().level()).isEqualTo(StationLevel.NONE);
		assertThat(downgraded.version()).isEqualTo(2);
		assertThat(stationEvents()).containsExactly(
				new StationChanged(station.id(), station.code().value(), StationStatus.LISTED),
				new StationDowngraded(station.id(), station.code().value(), StationLevel.CITY, StationLevel.NONE));
		events.clear();

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> registry.downgrade(station.id(), 2L, "再降一级"));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> registry.downgrade(station.id(), 1L, "过期版本"));
		assertThat(stationEvents()).isEmpty();
		assertThat(registry.getById(station.id()).version()).isEqualTo(2);
	}

	private List<Object> stationEvents() {
		return events.stream(Object.class)
			.filter(event -> event instanceof StationChanged || event instanceof StationListed
					|| event instanceof StationSuspended || event instanceof StationDelisted
					|| event instanceof StationDowngraded)
			.toList();
	}

	private static StationInput levelled(String name, String level) {
		StationInput input = anInput(name);
		return new StationInput(input.name(), input.address(), input.district(), input.hostName(), input.hostType(),
				input.lat(), input.lon(), input.crs(), input.areaM2(), input.seats(), input.amenities(),
				input.openingHours(), input.smartEntryMethod(), input.smartEntryHours(), input.mobile(), input.phone(),
				input.description(), level, input.stars());
	}

	private static StationInput anInput(String name) {
		return new StationInput(name, "杭州市西湖区文三路 90 号", "330106", "西湖区环卫所", "SANITATION_DEPOT", 30.2775, 120.1310,
				"wgs84", null, 6, List.of("DRINKING_WATER", "HOT_WATER"), "Mo-Su 06:00-20:00", null, null, false, null,
				null, null, null);
	}

}
