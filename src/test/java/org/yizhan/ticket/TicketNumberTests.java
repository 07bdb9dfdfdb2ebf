package org.yizhan.ticket;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TicketNumberTests {

	@Test
	void aNumberIsThreeGroupsOfFourSymbolsWithoutLookAlikes() {
		for (int i = 0; i < 10_000; i++) {
			String number = TicketNumber.random().value();
			assertThat(number).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
			assertThat(number).doesNotContain("0", "O", "1", "I", "L");
		}
	}

	@Test
	void theAlphabetHasThirtyOneSymbolsSoANumberCarriesAboutFiftyNineBits() {
		assertThat(TicketNumber.ALPHABET).hasSize(31).doesNotContain("0", "O", "1", "I", "L");
		assertThat(TicketNumber.ALPHABET.chars().distinct().count()).isEqualTo(31);
		double bits = TicketNumber.GROUPS * TicketNumber.GROUP_LENGTH * Math.log(31) / Math.log(2);
		assertThat(bits).isGreaterThan(59);
	}

	@Test
	void numbersDrawnFromTheSecureGeneratorDoNotRepeatAndUseEverySymbolEvenly() {
		Set<String> seen = new HashSet<>();
		int[] counts = new int[128];
		int drawn = 200_000;
		for (int i = 0; i < drawn; i++) {
			String number = TicketNumber.random().value();
			assertThat(seen.add(number)).as("repeated %s", number).isTrue();
			number.chars().filter(c -> c != '-').forEach(c -> counts[c]++);
		}
		// Each symbol is expected 200,000 × 12 / 31 ≈ 77,419 times (σ ≈ 273); a biased
		// generator (modulo bias, a missing symbol) lands far outside ±2%.
		double expected = drawn * 12.0 / 31;
		for (char symbol : TicketNumber.ALPHABET.toCharArray()) {
			assertThat((double) counts[symbol]).as("count of %s", symbol).isBetween(expected * 0.98, expected * 1.02);
		}
	}

	@Test
	void consecutiveNumbersShareNothingThatWouldLetOneGuessTheNext() {
		Random seeded = new Random(42);
		TicketNumber first = TicketNumber.random(seeded);
		TicketNumber second = TicketNumber.random(seeded);
		assertThat(first).isNotEqualTo(second);
		int same = 0;
		for (int i = 0; i < first.value().length(); i++) {
			if (first.value().charAt(i) != '-' && first.value().charAt(i) == second.value().charAt(i)) {
				same++;
			}
		}
		assertThat(same).isLessThan(4);
	}

	@Test
	void aNumberIsReadAsTypedInAnyCaseWithOrWithoutHyphens() {
		assertThat(TicketNumber.parse("k7qm-4xt9-pr2h")).contains(new TicketNumber("K7QM-4XT9-PR2H"));
		assertThat(TicketNumber.parse("K7QM4XT9PR2H")).contains(new TicketNumber("K7QM-4XT9-PR2H"));
		assertThat(TicketNumber.parse(" K7QM 4XT9 PR2H ")).contains(new TicketNumber("K7QM-4XT9-PR2H"));
	}

	@Test
	void lookAlikesWrongLengthsAndOtherTextAreNoNumber() {
		assertThat(TicketNumber.parse("K7QM-4XT9-PR20")).isEmpty();
		assertThat(TicketNumber.parse("K7QM-4XT9-PR2O")).isEmpty();
		assertThat(TicketNumber.parse("K7QM-4XT9-PR2I")).isEmpty();
		assertThat(TicketNumber.parse("K7QM-4XT9-PR21")).isEmpty();
		assertThat(TicketNumber.parse("K7QM-4XT9-PR2")).isEmpty();
		assertThat(TicketNumber.parse("K7QM-4XT9-PR2HH")).isEmpty();
		assertThat(TicketNumber.parse("../../etc/passwd")).isEmpty();
		assertThat(TicketNumber.parse(null)).isEmpty();
		assertThat(TicketNumber.parse("x".repeat(1000))).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new TicketNumber("k7qm-4xt9-pr2h"));
	}

}
