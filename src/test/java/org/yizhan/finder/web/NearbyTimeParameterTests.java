package org.yizhan.finder.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yizhan.finder.web.NearbyApiController.ApiParameters;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code at} parameter of nearby is read in one parse with the offset optional; it
 * accepts and refuses exactly what the JDK's two parsers did one after the other
 * ({@code OffsetDateTime.parse}, then {@code LocalDateTime.parse}), and gives the same
 * local time in Asia/Shanghai.
 */
class NearbyTimeParameterTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2026-11-23T10:00", "2026-11-23T10:00:30", "2026-11-23T10:00:30.125", "2026-11-23t10:00",
			"2026-11-23T10:00+08:00", "2026-11-23T02:00:00Z", "2026-11-23T02:00z", "2026-11-22T23:30-05:00",
			"2026-11-23T10:00:00+0800", "2026-11-23T10:00+08", "2026-11-23T10:00+08:00:00", " 2026-11-23T10:00 ",
			"2026-02-29T10:00", "2028-02-29T10:00", "2026-11-31T10:00", "2026-11-23T24:00", "2026-11-23", "10:00",
			"2026-11-23 10:00", "2026-11-23T10:00[Asia/Shanghai]", "2026-11-23T10:00+08:00[Asia/Shanghai]",
			"2026-11-23T10:00+19:00", "yesterday", "+2026-11-23T10:00" })
	void acceptsAndRefusesWhatTheTwoJdkParsersDid(String at) {
		List<Violation> violations = new ArrayList<>();

		LocalDateTime parsed = ApiParameters.localTime(at, CLOCK, violations);

		LocalDateTime expected = jdkParsers(at);
		if (expected == null) {
			assertThat(violations).extracting(Violation::field).containsExactly("at");
			assertThat(parsed).isEqualTo(LocalDateTime.now(CLOCK.withZone(YizhanTime.ZONE)));
		}
		else {
			assertThat(violations).isEmpty();
			assertThat(parsed).isEqualTo(expected);
		}
	}

	/** The former reading: an instant with an offset, else a local time, else refused. */
	private static LocalDateTime jdkParsers(String at) {
		try {
			return OffsetDateTime.parse(at.strip()).atZoneSameInstant(YizhanTime.ZONE).toLocalDateTime();
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return LocalDateTime.parse(at.strip());
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
	}

}
