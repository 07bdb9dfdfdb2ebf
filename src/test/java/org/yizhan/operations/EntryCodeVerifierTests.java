package org.yizhan.operations;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.yizhan.operations.EntryCodeVerifier.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door controller's offline check of a worker's entry code: only a code made with
 * this door's secret, for this door, not expired and not claiming a longer life than
 * codes have, opens it, and only once.
 */
class EntryCodeVerifierTests {

	static final String SECRET = "k3Y1bV0m0S4oTqG9xJr2aQe6ZyHnWcPd7LfUgE5iM8s";

	static final Instant NOW = Instant.parse("2026-12-07T14:30:00Z");

	static final byte[] NONCE = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

	private final EntryCodeVerifier door = new EntryCodeVerifier(42, 7, SECRET);

	private static String code(String secret, long station, long device, Instant expires, byte[] nonce) {
		return EntryCodes.issue(secret, station, device, expires, nonce);
	}

	@Test
	void aFreshCodeOpensOnceAndIsRefusedTheSecondTime() {
		String code = code(SECRET, 42, 7, NOW.plusSeconds(EntryCodes.LIFETIME_SECONDS), NONCE);
		assertThat(code).startsWith("YZE1.42.7.").hasSizeLessThan(100);
		assertThat(door.verify(code, NOW)).isEqualTo(Result.VALID);
		assertThat(door.verify(code, NOW.plusSeconds(5))).isEqualTo(Result.REPLAYED);
		byte[] other = NONCE.clone();
		other[0] = 99;
		assertThat(door.verify(code(SECRET, 42, 7, NOW.plusSeconds(60), other), NOW)).isEqualTo(Result.VALID);
	}

	@Test
	void aCodeOfAnotherDoorAnotherSecretOrChangedByHandIsRefused() {
		assertThat(door.verify(code(SECRET, 42, 8, NOW.plusSeconds(60), NONCE), NOW)).isEqualTo(Result.OTHER_DOOR);
		assertThat(door.verify(code(SECRET, 43, 7, NOW.plusSeconds(60), NONCE), NOW)).isEqualTo(Result.OTHER_DOOR);
		assertThat(door.verify(code(SECRET.replace('k', 'q'), 42, 7, NOW.plusSeconds(60), NONCE), NOW))
			.isEqualTo(Result.BAD_SIGNATURE);
		String code = code(SECRET, 42, 7, NOW.plusSeconds(60), NONCE);
		// a longer life written into a good code: the mac covers the expiry
		String stretched = code.replace("." + NOW.plusSeconds(60).getEpochSecond() + ".",
				"." + NOW.plusSeconds(100).getEpochSecond() + ".");
		assertThat(door.verify(stretched, NOW)).isEqualTo(Result.BAD_SIGNATURE);
		for (String bad : new String[] { null, "", "YZE1", "YZE2" + code.substring(4), code + "x", "hello world" }) {
			assertThat(door.verify(bad, NOW)).as(String.valueOf(bad)).isEqualTo(Result.MALFORMED);
		}
	}

	@Test
	void anExpiredCodeAndOneClaimingALongerLifeAreRefused() {
		assertThat(door.verify(code(SECRET, 42, 7, NOW.minusSeconds(1), NONCE), NOW)).isEqualTo(Result.EXPIRED);
		// made with the secret (a leaked one, say) to last a day: no code lives that long
		assertThat(door.verify(code(SECRET, 42, 7, NOW.plusSeconds(86_400), NONCE), NOW)).isEqualTo(Result.EXPIRED);
		assertThat(door.verify(code(SECRET, 42, 7, NOW.plusSeconds(EntryCodes.LIFETIME_SECONDS), NONCE), NOW))
			.isEqualTo(Result.VALID);
	}

}
