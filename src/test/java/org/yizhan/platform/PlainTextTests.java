package org.yizhan.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTests {

	@Test
	void overridesIsolatesAndZeroWidthCharactersAreInvisible() {
		for (String sneaky : new String[] { "很好\u202e差", "\u2066左\u2069", "水\u200b站", "a\u200cb", "\ufeff开头", "\u2060",
				"站\u200d点" }) {
			assertThat(PlainText.hasInvisibleCharacters(sneaky)).as(sneaky).isTrue();
		}
	}

	@Test
	void aJoinerInsideAnEmojiHidesNothing() {
		// 🤷‍♂️ (shrug, joiner, male sign, variation selector) and 👨‍👩‍👧 (a family)
		assertThat(PlainText.hasInvisibleCharacters("不知道 \uD83E\uDD37\u200D\u2642\uFE0F")).isFalse();
		assertThat(PlainText.hasInvisibleCharacters("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 一家人")).isFalse();
		assertThat(PlainText.hasInvisibleCharacters("热水很方便\n下次还来")).isFalse();
		// a joiner at the end of an emoji joins nothing
		assertThat(PlainText.hasInvisibleCharacters("\uD83E\uDD37\u200D")).isTrue();
	}

}
