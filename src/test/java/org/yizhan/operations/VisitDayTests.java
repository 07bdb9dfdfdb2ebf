package org.yizhan.operations;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merge of a day's three sources (ADR 0029): the tally (staffed hours) and the door
 * entries (unattended hours) add up; the check-ins count the same people as either and
 * are compared with that sum, never added.
 */
class VisitDayTests {

	private static VisitDay day(int checkIns, Integer tally, int doors) {
		return new VisitDay(LocalDate.of(2026, 12, 7), checkIns, tally, null, null, doors);
	}

	@Test
	void theTallyAndTheDoorsAddUpAndTheCheckInsAreComparedWithTheirSum() {
		assertThat(day(3, 5, 4).visits()).isEqualTo(9);
		assertThat(day(3, 5, 4).source()).isEqualTo("TALLY_AND_DOORS");
		assertThat(day(10, 5, 4).visits()).isEqualTo(10);
		assertThat(day(10, 5, 4).source()).isEqualTo("CHECK_INS");
		assertThat(day(1, null, 2).visits()).isEqualTo(2);
		assertThat(day(1, null, 2).source()).isEqualTo("DOORS");
		assertThat(day(1, 6, 0).source()).isEqualTo("TALLY");
		assertThat(day(0, null, 0).visits()).isZero();
		assertThat(day(0, null, 0).source()).isEqualTo("CHECK_INS");
	}

}
