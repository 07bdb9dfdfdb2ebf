package org.yizhan.onboarding;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The GB 32100-2015 check character, against codes published on business licences and in
 * the national enterprise credit information system (国家企业信用信息公示系统), and the example
 * printed in the standard itself.
 */
class CreditCodeTests {

	/** Each printed on its holder's licence, as published. */
	static final List<String> PUBLISHED = List.of("91350100M000100Y43", // GB 32100-2015's
																		// own example
			"914403001922038216", // 华为技术有限公司
			"91440300708461136T", // 深圳市腾讯计算机系统有限公司
			"91330100799655058B", // 阿里巴巴（中国）有限公司
			"91110000802100433B", // 北京百度网讯科技有限公司
			"91110108551385082Q"); // 北京小米科技有限责任公司

	@Test
	void publishedCodesPassTheirCheckCharacter() {
		for (String code : PUBLISHED) {
			assertThat(CreditCode.problem(code)).as(code).isEmpty();
			assertThat(CreditCode.checkCharacter(code)).as(code).isEqualTo(code.charAt(17));
		}
	}

	@Test
	void theWeightsArePowersOfThreeModuloThirtyOne() {
		// The standard's table: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28. A code of
		// one
		// 1 in position i and 0 elsewhere is worth exactly the weight of i.
		int[] weights = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
		for (int i = 0; i < 17; i++) {
			String body = "0".repeat(i) + "1" + "0".repeat(16 - i);
			char expected = CreditCode.ALPHABET.charAt((31 - weights[i] % 31) % 31);
			assertThat(CreditCode.checkCharacter(body + "0")).as("position " + (i + 1)).isEqualTo(expected);
		}
		// A sum divisible by 31 gives 0, not the 32nd character that does not exist.
		assertThat(CreditCode.checkCharacter("00000000000000000" + "0")).isEqualTo('0');
	}

	@Test
	void everySingleMistypedCharacterIsCaught() {
		for (String code : PUBLISHED) {
			for (int i = 0; i < 18; i++) {
				for (char other : CreditCode.ALPHABET.toCharArray()) {
					if (other == code.charAt(i)) {
						continue;
					}
					String typo = code.substring(0, i) + other + code.substring(i + 1);
					assertThat(CreditCode.problem(typo)).as(typo).contains("checkDigit");
				}
			}
		}
	}

	@Test
	void swappedNeighboursAreCaught() {
		for (String code : PUBLISHED) {
			for (int i = 0; i < 17; i++) {
				if (code.charAt(i) == code.charAt(i + 1)) {
					continue;
				}
				String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
				assertThat(CreditCode.problem(swapped)).as(swapped).contains("checkDigit");
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "91350100M000100Y4", "91350100M000100Y433" })
	void aCodeOfAnotherLengthIsRefusedForItsLength(String text) {
		assertThat(CreditCode.problem(text)).contains("length");
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100I43", "91350100M000100O43", "91350100M0001OOY43", "9135010OM000100Y43",
			"91350100M000100Z43", "91350100M000100S43", "91350100M000100V43", "91350100m000100Y43" })
	void lettersThatReadLikeDigitsAndLowerCaseAreNotCodeCharacters(String text) {
		assertThat(CreditCode.problem(text)).contains("character");
	}

	@Test
	void parsingStripsAndUpperCasesWhatPeopleType() {
		assertThat(CreditCode.parse(" 91350100m000100y43 ")).contains(new CreditCode("91350100M000100Y43"));
		assertThat(CreditCode.parse("91350100M000100Y44")).isEmpty();
		assertThat(CreditCode.parse(null)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new CreditCode("91350100M000100Y44"));
	}

}
