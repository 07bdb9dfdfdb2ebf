package org.yizhan.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OpeningHoursTests {

	@ParameterizedTest
	@ValueSource(strings = { "24/7", "Mo-Fr 08:00-18:00", "Mo-Fr 08:00-18:00; PH off", "Mo-Su 22:00-06:00",
			"Mo-Fr 08:00-12:00,13:30-17:30", "Mo-Fr 08:30-11:30,14:00-17:00; Sa 09:00-12:00; Su,PH off" })
	void acceptsValidHoursAndKeepsTheirCanonicalSpelling(String hours) {
		assertThat(OpeningHours.parse(hours).value()).isEqualTo(hours);
	}

	@Test
	void acceptsHoursRunningPastMidnightForNightStations() {
		OpeningHours night = OpeningHours.parse("Mo-Su 22:00-06:00");

		assertThat(night.rules()).hasSize(1);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			mo-fr 8:00-18:00          | Mo-Fr 08:00-18:00
			  Mo-Fr 08:00-18:00       | Mo-Fr 08:00-18:00
			MO-FR 08:00-18:00; ph off | Mo-Fr 08:00-18:00; PH off
			""")
	void normalisesHarmlessSloppiness(String sloppy, String normalised) {
		assertThat(OpeningHours.parse(sloppy).value()).isEqualTo(normalised);
	}

	@Test
	void normalisedHoursAreStableWhenParsedAgain() {
		OpeningHours once = OpeningHours.parse("mo-fr 8:00-18:00");

		assertThat(OpeningHours.parse(once.value())).isEqualTo(once);
		assertThat(new OpeningHours(once.value())).isEqualTo(once);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Mo-Fr 25:00-26:00 | 7
			Mo-Fr 08:00-      | 12
			Mo-Fr 08:00-18:00; 周六 休息 | 20
			周一至周五 8:00-18:00 | 1
			Mo-Fr 08:00-18:00 xyz | 19
			""")
	void rejectsInvalidHoursNamingTheOffendingCharacter(String hours, int position) {
		InvalidOpeningHoursException ex = catchThrowableOfType(InvalidOpeningHoursException.class,
				() -> OpeningHours.parse(hours));

		assertThat(ex).as("'%s' is invalid", hours).isNotNull();
		assertThat(ex.position()).isEqualTo(position);
		assertThat(ex.input()).isEqualTo(hours.strip());
		assertThat(ex.detail()).isNotBlank();
		assertThat(ex.getMessage()).contains("character " + position);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void rejectsEmptyHours(String empty) {
		InvalidOpeningHoursException ex = catchThrowableOfType(InvalidOpeningHoursException.class,
				() -> OpeningHours.parse(empty));

		assertThat(ex.position()).isEqualTo(1);
		assertThat(ex.detail()).isEqualTo("empty");
	}

	@Test
	void rejectsNull() {
		assertThatExceptionOfType(InvalidOpeningHoursException.class).isThrownBy(() -> OpeningHours.parse(null));
	}

	@Test
	void rejectsHoursLongerThanTheColumn() {
		String rule = "Mo 08:00-09:00; ";
		String tooLong = rule.repeat(OpeningHours.MAX_LENGTH / rule.length() + 1) + "Tu off";

		InvalidOpeningHoursException ex = catchThrowableOfType(InvalidOpeningHoursException.class,
				() -> OpeningHours.parse(tooLong));

		assertThat(tooLong).hasSizeGreaterThan(OpeningHours.MAX_LENGTH);
		assertThat(ex.position()).isEqualTo(OpeningHours.MAX_LENGTH + 1);
	}

	@Test
	void acceptsHoursOfExactlyTheMaximumLength() {
		String prefix = "Mo-Fr 08:00-18:00 \"";
		String longest = prefix + "x".repeat(OpeningHours.MAX_LENGTH - prefix.length() - 1) + "\"";

		assertThat(longest).hasSize(OpeningHours.MAX_LENGTH);
		assertThat(OpeningHours.parse(longest).value()).isEqualTo(longest);
	}

	@Test
	void theConstructorRefusesAnInvalidValueToo() {
		assertThatExceptionOfType(InvalidOpeningHoursException.class).isThrownBy(() -> new OpeningHours("Mo-Fr 25:00"));
	}

}
