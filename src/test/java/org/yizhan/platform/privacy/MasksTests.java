package org.yizhan.platform.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MasksTests {

	@Test
	void mobileShowsFirstThreeAndLastFour() {
		assertThat(Masks.phone("13812341234")).isEqualTo("138****1234");
	}

	@Test
	void landlineWithAreaCodeShowsItsLastFour() {
		assertThat(Masks.phone("057187654321")).isEqualTo("057*****4321");
		assertThat(Masks.phone("87654321")).isEqualTo("********");
		assertThat(Masks.phone("987654321")).isEqualTo("*****4321");
	}

	@Test
	void shortNumbersAreMaskedWhole() {
		assertThat(Masks.phone("12345")).isEqualTo("*****");
		assertThat(Masks.phone(null)).isNull();
	}

	@Test
	void idNumberNeverShowsTheBirthDate() {
		String id = "330106199001011234";
		String masked = Masks.idNumber(id);

		assertThat(masked).isEqualTo("330***********1234").hasSize(18);
		for (int i = 6; i < 14; i++) {
			assertThat(masked.charAt(i)).as("birth-date position %d", i + 1).isEqualTo('*');
		}
	}

	@Test
	void oldFifteenDigitIdNumberNeverShowsTheBirthDate() {
		String masked = Masks.idNumber("330106900101123");

		assertThat(masked).isEqualTo("330*********123");
		assertThat(masked.substring(6, 12)).isEqualTo("******");
	}

	@Test
	void anythingElseIsMaskedWhole() {
		assertThat(Masks.idNumber("G12345678")).isEqualTo("*********");
		assertThat(Masks.idNumber(null)).isNull();
	}

	@Test
	void emailShowsOnlyTheFirstCharacterOfALongEnoughLocalPartAndTheDomain() {
		assertThat(Masks.email("zhangsan@example.com")).isEqualTo("z***@example.com");
		assertThat(Masks.email("wang@union.org.cn")).isEqualTo("w***@union.org.cn");
	}

	@Test
	void emailMasksTheWholeLocalPartWhenItIsShortAndNeverTellsItsLength() {
		assertThat(Masks.email("li@163.com")).isEqualTo("***@163.com");
		assertThat(Masks.email("a@163.com")).isEqualTo("***@163.com");
		assertThat(Masks.email("abcdefghij@163.com")).isEqualTo("a***@163.com");
		assertThat(Masks.email("no-at-sign")).isEqualTo("***");
		assertThat(Masks.email(null)).isNull();
	}

}
