package org.yizhan.finder.web;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written coordinate formatting of the deep links agrees with
 * {@code String.format}.
 */
class NavigationTests {

	@Test
	void writesSixDecimalsExactlyAsStringFormatDoes() {
		Random random = new Random(42);
		for (int i = 0; i < 100_000; i++) {
			double degrees = (random.nextDouble() - 0.5) * 360;
			assertThat(Navigation.fixed(degrees)).isEqualTo(String.format(Locale.ROOT, "%.6f", degrees));
		}
		for (double edge : new double[] { 0, 120, 0.0000005, 119.9999996, -33.25, 180 }) {
			assertThat(Navigation.fixed(edge)).as("%s", edge).isEqualTo(String.format(Locale.ROOT, "%.6f", edge));
		}
	}

	@Test
	void writesNoNegativeZero() {
		// String.format writes "-0.000000" here; a map app's URL parser need not meet
		// that.
		assertThat(Navigation.fixed(-0.0000004)).isEqualTo("0.000000");
	}

}
