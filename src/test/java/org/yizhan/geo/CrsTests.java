package org.yizhan.geo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CrsTests {

	@Test
	void codesAreTheLowerCaseRequestParameterValues() {
		assertThat(Crs.WGS84.code()).isEqualTo("wgs84");
		assertThat(Crs.GCJ02.code()).isEqualTo("gcj02");
		assertThat(Crs.BD09.code()).isEqualTo("bd09");
	}

	@ParameterizedTest
	@EnumSource(Crs.class)
	void everyCodeParsesBackToItsSystem(Crs crs) {
		assertThat(Crs.fromCode(crs.code())).contains(crs);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			WGS84   | WGS84
			Wgs84   | WGS84
			wgs-84  | WGS84
			WGS-84  | WGS84
			GCJ02   | GCJ02
			gCj-02  | GCJ02
			BD09    | BD09
			Bd-09   | BD09
			""")
	void fromCodeIgnoresCaseAndAcceptsTheHyphenatedSpelling(String code, Crs expected) {
		assertThat(Crs.fromCode(code)).contains(expected);
	}

	@Test
	void fromCodeIgnoresSurroundingWhitespace() {
		assertThat(Crs.fromCode(" bd09\t")).contains(Crs.BD09);
	}

	@ParameterizedTest
	@ValueSource(strings = { "epsg:4326", "gcj", "bd09ll", "bd09mc", "wgs_84", "w-gs84", "gcj--02", "mars" })
	void fromCodeIsEmptyForUnknownCodes(String code) {
		assertThat(Crs.fromCode(code)).isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\t" })
	void fromCodeIsEmptyForNullOrBlank(String code) {
		assertThat(Crs.fromCode(code)).isEmpty();
	}

}
