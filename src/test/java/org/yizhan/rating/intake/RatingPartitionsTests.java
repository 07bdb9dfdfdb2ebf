package org.yizhan.rating.intake;

import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import org.yizhan.platform.YizhanTime;
import org.yizhan.rating.IntakeTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coming months' partitions of {@code rating} exist before their first rating: the
 * job creates the missing ones up to three months ahead, and a second run creates none.
 */
class RatingPartitionsTests extends IntakeTestSupport {

	@Autowired
	RatingPartitions partitions;

	@Test
	void theJobCreatesTheComingMonthsAheadAndASecondRunChangesNothing() {
		// V8 made 2025–2027. At 16:30 UTC on 30 November 2027 it is already December in
		// Shanghai, so the three months ahead are January to March 2028.
		clock.set(ZonedDateTime.of(2027, 11, 30, 16, 30, 0, 0, java.time.ZoneOffset.UTC).toInstant());
		assertThat(ZonedDateTime.ofInstant(clock.instant(), YizhanTime.ZONE).getMonthValue()).isEqualTo(12);

		int created = partitions.createAhead();

		assertThat(created).isEqualTo(3);
		for (String month : new String[] { "2028_01", "2028_02", "2028_03" }) {
			assertThat(jdbc.sql("select to_regclass('rating_" + month + "') is not null").query(Boolean.class).single())
				.as(month)
				.isTrue();
		}
		assertThat(partitions.createAhead()).isZero();
	}

}
