package org.yizhan.station;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.yizhan.station.StationDetailsBuilder.aStation;

class StationTests {

	private static final StationCode CODE = new StationCode("330106-0007");

	private static final StationId ID = StationId.of(42);

	private static final Instant CREATED = Instant.parse("2026-03-02T01:00:00Z");

	private static final Instant LATER = Instant.parse("2026-03-05T09:30:00Z");

	private static final LocalDate TODAY = LocalDate.parse("2026-03-05");

	private static final LocalDate NEXT_MONTH = TODAY.plusMonths(1);

	@Test
	void aNewStationIsADraftAndRaisesStationChanged() {
		Station station = Station.draft(CODE, aStation().build(), CREATED);
		station.assignId(ID);

		assertThat(station.status()).isEqualTo(StationStatus.DRAFT);
		assertThat(station.code()).isEqualTo(CODE);
		assertThat(station.createdAt()).isEqualTo(CREATED);
		assertThat(station.statusChangedAt()).isEqualTo(CREATED);
		assertThat(station.suspension()).isEmpty();
		assertThat(station.delisting()).isEmpty();
		assertThat(station.drainEvents()).containsExactly(new StationChanged(ID, "330106-0007", StationStatus.DRAFT));
	}

	@Test
	void drainingTheEventsClearsThem() {
		Station station = stationIn(StationStatus.DRAFT);

		station.list(LATER);

		assertThat(station.drainEvents()).hasSize(1);
		assertThat(station.drainEvents()).isEmpty();
	}

	@Nested
	class Listing {

		@Test
		void putsADraftOnTheMap() {
			Station station = stationIn(StationStatus.DRAFT);

			station.list(LATER);

			assertThat(station.status()).isEqualTo(StationStatus.LISTED);
			assertThat(station.statusChangedAt()).isEqualTo(LATER);
			assertThat(station.updatedAt()).isEqualTo(LATER);
			assertThat(station.drainEvents()).containsExactly(new StationListed(ID, CODE.value()));
		}

		@ParameterizedTest
		@EnumSource(value = StationStatus.class, names = { "LISTED", "SUSPENDED", "DELISTED" })
		void isRefusedForAnythingButADraft(StationStatus from) {
			assertRefused(stationIn(from), "list", station -> station.list(LATER));
		}

	}

	@Nested
	class Suspending {

		@Test
		void closesAListedStationWithItsReasonAndReopeningDate() {
			Station station = stationIn(StationStatus.LISTED);

			station.suspend("  场地装修改造  ", NEXT_MONTH, TODAY, LATER);

			assertThat(station.status()).isEqualTo(StationStatus.SUSPENDED);
			assertThat(station.suspension()).contains(new Station.Suspension("场地装修改造", NEXT_MONTH));
			assertThat(station.statusChangedAt()).isEqualTo(LATER);
			assertThat(station.drainEvents())
				.containsExactly(new StationSuspended(ID, CODE.value(), "场地装修改造", NEXT_MONTH));
		}

		@Test
		void acceptsAReopeningTomorrowAndAReasonOfExactlyTheLimit() {
			Station station = stationIn(StationStatus.LISTED);
			String longest = "修".repeat(Station.MAX_SUSPENSION_REASON);

			station.suspend(longest, TODAY.plusDays(1), TODAY, LATER);

			assertThat(station.suspension()).contains(new Station.Suspension(longest, TODAY.plusDays(1)));
		}

		@ParameterizedTest
		@EnumSource(value = StationStatus.class, names = { "DRAFT", "SUSPENDED", "DELISTED" })
		void isRefusedForAnythingButAListedStation(StationStatus from) {
			assertRefused(stationIn(from), "suspend", station -> station.suspend("维修", NEXT_MONTH, TODAY, LATER));
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "   ", "\t\n" })
		void needsAReason(String blank) {
			assertInvalid(station -> station.suspend(blank, NEXT_MONTH, TODAY, LATER),
					Violation.of("reason", "validation.required"));
		}

		@Test
		void needsAReasonThatIsNotNull() {
			assertInvalid(station -> station.suspend(null, NEXT_MONTH, TODAY, LATER),
					Violation.of("reason", "validation.required"));
		}

		@Test
		void refusesAReasonOverTheLimit() {
			String tooLong = "修".repeat(Station.MAX_SUSPENSION_REASON + 1);

			assertInvalid(station -> station.suspend(tooLong, NEXT_MONTH, TODAY, LATER),
					Violation.of("reason", "validation.tooLong", Station.MAX_SUSPENSION_REASON));
		}

		@Test
		void refusesAReopeningToday() {
			assertInvalid(station -> station.suspend("维修", TODAY, TODAY, LATER),
					Violation.of("expectedReopening", "validation.futureDate"));
		}

		@Test
		void refusesAReopeningInThePast() {
			assertInvalid(station -> station.suspend("维修", TODAY.minusDays(3), TODAY, LATER),
					Violation.of("expectedReopening", "validation.futureDate"));
		}

		@Test
		void needsAReopeningDate() {
			assertInvalid(station -> station.suspend("维修", null, TODAY, LATER),
					Violation.of("expectedReopening", "validation.required"));
		}

		@Test
		void reportsEveryProblemAtOnce() {
			Station station = stationIn(StationStatus.LISTED);

			InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
					() -> station.suspend(" ", TODAY, TODAY, LATER));

			assertThat(ex.violations()).extracting(Violation::field).containsExactly("reason", "expectedReopening");
		}

		private void assertInvalid(StationAction action, Violation expected) {
			Station station = stationIn(StationStatus.LISTED);
			long version = station.version();

			InvalidInputException ex = catchThrowableOfType(InvalidInputException.class, () -> action.apply(station));

			assertThat(ex.violations()).containsExactly(expected);
			assertThat(station.status()).isEqualTo(StationStatus.LISTED);
			assertThat(station.suspension()).isEmpty();
			assertThat(station.version()).isEqualTo(version);
			assertThat(station.drainEvents()).isEmpty();
		}

	}

	@Nested
	class Reopening {

		@Test
		void putsASuspendedStationBackOnTheMapAndForgetsTheSuspension() {
			Station station = stationIn(StationStatus.SUSPENDED);
			Instant reopened = LATER.plusSeconds(3600);

			station.reopen(reopened);

			assertThat(station.status()).isEqualTo(StationStatus.LISTED);
			assertThat(station.suspension()).isEmpty();
			assertThat(station.statusChangedAt()).isEqualTo(reopened);
			assertThat(station.drainEvents()).containsExactly(new StationListed(ID, CODE.value()));
		}

		@ParameterizedTest
		@EnumSource(value = StationStatus.class, names = { "DRAFT", "LISTED", "DELISTED" })
		void isRefusedForAnythingButASuspendedStation(StationStatus from) {
			assertRefused(stationIn(from), "reopen", station -> station.reopen(LATER));
		}

	}

	@Nested
	class Delisting {

		@ParameterizedTest
		@EnumSource(value = StationStatus.class, names = { "DRAFT", "LISTED", "SUSPENDED" })
		void takesAStationInAnyOtherStateOffTheMapForGood(StationStatus from) {
			Station station = stationIn(from);

			station.delist(DelistingReason.DUPLICATE, "  与 330106-0003 重复 ", LATER);

			assertThat(station.status()).isEqualTo(StationStatus.DELISTED);
			assertThat(station.delisting())
				.contains(new Station.Delisting(DelistingReason.DUPLICATE, "与 330106-0003 重复"));
			assertThat(station.suspension()).isEmpty();
			assertThat(station.drainEvents())
				.containsExactly(new StationDelisted(ID, CODE.value(), DelistingReason.DUPLICATE));
		}

		@Test
		void keepsNoBlankNote() {
			Station station = stationIn(StationStatus.LISTED);

			station.delist(DelistingReason.CLOSED, "   ", LATER);

			assertThat(station.delisting()).contains(new Station.Delisting(DelistingReason.CLOSED, null));
		}

		@Test
		void isRefusedForADelistedStation() {
			assertRefused(stationIn(StationStatus.DELISTED), "delist",
					station -> station.delist(DelistingReason.BOGUS, null, LATER));
		}

		@Test
		void needsAReason() {
			Station station = stationIn(StationStatus.LISTED);

			InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
					() -> station.delist(null, "关闭", LATER));

			assertThat(ex.violations()).containsExactly(Violation.of("reason", "validation.required"));
			assertThat(station.status()).isEqualTo(StationStatus.LISTED);
			assertThat(station.drainEvents()).isEmpty();
		}

		@Test
		void refusesANoteOverTheLimit() {
			Station station = stationIn(StationStatus.LISTED);

			InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
					() -> station.delist(DelistingReason.CLOSED, "x".repeat(Station.MAX_DELISTING_NOTE + 1), LATER));

			assertThat(ex.violations())
				.containsExactly(Violation.of("note", "validation.tooLong", Station.MAX_DELISTING_NOTE));
			assertThat(station.status()).isEqualTo(StationStatus.LISTED);
		}

	}

	@Nested
	class Downgrading {

		@ParameterizedTest
		@CsvSource({ "NATIONAL, PROVINCIAL", "PROVINCIAL, CITY", "CITY, NONE" })
		void lowersTheLevelByOneStepAndRaisesStationChangedAndStationDowngraded(StationLevel from, StationLevel to) {
			Station station = listedAt(from);
			long version = station.version();

			station.downgrade("  连续三个月无评价 ", LATER);

			assertThat(station.details().level()).isEqualTo(to);
			assertThat(station.status()).isEqualTo(StationStatus.LISTED);
			assertThat(station.updatedAt()).isEqualTo(LATER);
			assertThat(station.version()).as("the repository bumps it on save").isEqualTo(version);
			assertThat(station.drainEvents()).containsExactly(
					new StationChanged(ID, CODE.value(), StationStatus.LISTED),
					new StationDowngraded(ID, CODE.value(), from, to));
		}

		@Test
		void isRefusedForAStationWithoutALevelWhichStaysAsItWas() {
			Station station = listedAt(StationLevel.NONE);

			ConflictException ex = catchThrowableOfType(ConflictException.class, () -> station.downgrade("无评价", LATER));

			assertThat(ex.messageCode()).isEqualTo("station.downgrade.none");
			assertThat(ex.field()).isEqualTo("level");
			assertThat(station.details().level()).isEqualTo(StationLevel.NONE);
			assertThat(station.drainEvents()).isEmpty();
		}

		@Test
		void needsAReasonWithinTheLimit() {
			Station station = listedAt(StationLevel.CITY);

			InvalidInputException blank = catchThrowableOfType(InvalidInputException.class,
					() -> station.downgrade("  ", LATER));
			InvalidInputException tooLong = catchThrowableOfType(InvalidInputException.class,
					() -> station.downgrade("x".repeat(Station.MAX_DOWNGRADE_REASON + 1), LATER));

			assertThat(blank.violations()).containsExactly(Violation.of("reason", "validation.required"));
			assertThat(tooLong.violations())
				.containsExactly(Violation.of("reason", "validation.tooLong", Station.MAX_DOWNGRADE_REASON));
			assertThat(station.details().level()).isEqualTo(StationLevel.CITY);
			assertThat(station.drainEvents()).isEmpty();
		}

		@Test
		void isRefusedForADelistedStation() {
			assertRefused(stationIn(StationStatus.DELISTED), "downgrade", station -> station.downgrade("无评价", LATER));
		}

		@Test
		void appliesToASuspendedStationToo() {
			Station station = Station.draft(CODE, aStation().level(StationLevel.PROVINCIAL).build(), CREATED);
			station.assignId(ID);
			station.list(CREATED.plusSeconds(60));
			station.suspend("装修", NEXT_MONTH, TODAY, CREATED.plusSeconds(120));

			station.downgrade("无评价", LATER);

			assertThat(station.details().level()).isEqualTo(StationLevel.CITY);
			assertThat(station.status()).isEqualTo(StationStatus.SUSPENDED);
		}

		private Station listedAt(StationLevel level) {
			Station station = Station.draft(CODE, aStation().level(level).build(), CREATED);
			station.assignId(ID);
			station.list(CREATED.plusSeconds(60));
			station.drainEvents();
			return station;
		}

	}

	@Nested
	class Revising {

		@ParameterizedTest
		@EnumSource(value = StationStatus.class, names = { "DRAFT", "LISTED", "SUSPENDED" })
		void replacesTheDetailsAndKeepsTheStatusAndCode(StationStatus from) {
			Station station = stationIn(from);
			Instant statusChanged = station.statusChangedAt();
			StationDetails revised = aStation().name("西湖文化广场驿站（二期）").stars(3).build();

			station.revise(revised, LATER.plusSeconds(60));

			assertThat(station.details()).isEqualTo(revised);
			assertThat(station.status()).isEqualTo(from);
			assertThat(station.code()).isEqualTo(CODE);
			assertThat(station.statusChangedAt()).isEqualTo(statusChanged);
			assertThat(station.updatedAt()).isEqualTo(LATER.plusSeconds(60));
			assertThat(station.drainEvents()).containsExactly(new StationChanged(ID, CODE.value(), from));
		}

		@Test
		void keepsTheCodeEvenWhenTheDistrictIsCorrected() {
			Station station = stationIn(StationStatus.LISTED);

			station.revise(aStation().districtCode("330102").build(), LATER);

			assertThat(station.code()).isEqualTo(CODE);
			assertThat(station.details().districtCode()).isEqualTo("330102");
		}

		@Test
		void isRefusedForADelistedStation() {
			Station station = stationIn(StationStatus.DELISTED);
			StationDetails before = station.details();

			assertRefused(station, "revise", delisted -> delisted.revise(aStation().name("改名").build(), LATER));
			assertThat(station.details()).isEqualTo(before);
		}

	}

	@Nested
	class Photos {

		@Test
		void addingAPhotoKeepsItAndRaisesStationChanged() {
			Station station = stationIn(StationStatus.LISTED);

			station.addPhoto(photo(null), LATER);

			assertThat(station.photos()).containsExactly(photo(null));
			assertThat(station.drainEvents())
				.containsExactly(new StationChanged(ID, CODE.value(), StationStatus.LISTED));
		}

		@Test
		void aStationKeepsAtMostNinePhotos() {
			Station station = stationIn(StationStatus.LISTED);
			for (long i = 1; i <= Station.MAX_PHOTOS; i++) {
				station.addPhoto(photo(i), LATER);
			}
			station.drainEvents();

			InvalidInputException ex = catchThrowableOfType(InvalidInputException.class,
					() -> station.addPhoto(photo(null), LATER));

			assertThat(ex.violations()).containsExactly(Violation.of("file", "photo.tooMany", Station.MAX_PHOTOS));
			assertThat(station.photos()).hasSize(Station.MAX_PHOTOS);
			assertThat(station.drainEvents()).isEmpty();
		}

		@Test
		void removingAPhotoMakesRoomForAnother() {
			Station station = stationIn(StationStatus.LISTED);
			for (long i = 1; i <= Station.MAX_PHOTOS; i++) {
				station.addPhoto(photo(i), LATER);
			}
			station.drainEvents();

			StationPhoto removed = station.removePhoto(4, LATER);
			station.addPhoto(photo(null), LATER);

			assertThat(removed).isEqualTo(photo(4L));
			assertThat(station.photos()).hasSize(Station.MAX_PHOTOS).doesNotContain(photo(4L));
			assertThat(station.findPhoto(4)).isEmpty();
			assertThat(station.findPhoto(5)).contains(photo(5L));
			assertThat(station.drainEvents()).hasSize(2).allMatch(StationChanged.class::isInstance);
		}

		@Test
		void removingAPhotoTheStationDoesNotHaveIsNotFound() {
			Station station = stationIn(StationStatus.LISTED);
			station.addPhoto(photo(1L), LATER);

			assertThatExceptionOfType(StationNotFoundException.class).isThrownBy(() -> station.removePhoto(2, LATER));
			assertThat(station.photos()).containsExactly(photo(1L));
		}

		@Test
		void aDelistedStationTakesNoNewPhotosAndKeepsItsOldOnes() {
			Station station = stationIn(StationStatus.LISTED);
			station.addPhoto(photo(1L), LATER);
			station.delist(DelistingReason.CLOSED, null, LATER);
			station.drainEvents();

			assertRefused(station, "revise", delisted -> delisted.addPhoto(photo(null), LATER));
			assertRefused(station, "revise", delisted -> delisted.removePhoto(1L, LATER));
			assertThat(station.photos()).containsExactly(photo(1L));
		}

		private StationPhoto photo(Long id) {
			return new StationPhoto(id, "ab/cdef" + id, 800, 600, CREATED);
		}

	}

	@FunctionalInterface
	interface StationAction {

		void apply(Station station);

	}

	/**
	 * A saved station with id {@link #ID}, taken to {@code status} the only way the
	 * aggregate allows, with its events already drained.
	 */
	private static Station stationIn(StationStatus status) {
		Station station = Station.draft(CODE, aStation().build(), CREATED);
		station.assignId(ID);
		switch (status) {
			case DRAFT -> {
			}
			case LISTED -> station.list(CREATED.plusSeconds(60));
			case SUSPENDED -> {
				station.list(CREATED.plusSeconds(60));
				station.suspend("设施维修", NEXT_MONTH, TODAY, CREATED.plusSeconds(120));
			}
			case DELISTED -> {
				station.list(CREATED.plusSeconds(60));
				station.delist(DelistingReason.CLOSED, "场地拆除", CREATED.plusSeconds(120));
			}
		}
		assertThat(station.status()).isEqualTo(status);
		station.drainEvents();
		return station;
	}

	private static void assertRefused(Station station, String action, StationAction step) {
		StationStatus before = station.status();
		Instant changedAt = station.statusChangedAt();
		List<StationPhoto> photos = station.photos();

		StationTransitionException ex = catchThrowableOfType(StationTransitionException.class,
				() -> step.apply(station));

		assertThat(ex).as("%s from %s", action, before).isNotNull();
		assertThat(ex.from()).isEqualTo(before);
		assertThat(ex.action()).isEqualTo(action);
		assertThat(ex.messageCode()).isEqualTo("station.transition." + action);
		assertThat(station.status()).isEqualTo(before);
		assertThat(station.statusChangedAt()).isEqualTo(changedAt);
		assertThat(station.photos()).isEqualTo(photos);
		assertThat(station.drainEvents()).isEmpty();
	}

}
