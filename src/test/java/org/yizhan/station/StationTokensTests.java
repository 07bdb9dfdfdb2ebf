package org.yizhan.station;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.yizhan.station.StationTokens.Refusal;
import org.yizhan.station.StationTokens.SigningKey;
import org.yizhan.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class StationTokensTests {

	private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

	private final MutableClock clock = new MutableClock();

	{
		clock.set(NOW);
	}

	private static SigningKey key(int seed, Instant retiredAt) {
		byte[] secret = new byte[32];
		new Random(seed).nextBytes(secret);
		return new SigningKey(secret, retiredAt);
	}

	private StationTokens ring(Map<Integer, SigningKey> keys, int active) {
		return new StationTokens(keys, active, Duration.ofDays(90), clock);
	}

	@Test
	void aTokenNamesItsStationAndIsShortEnoughToPrint() {
		StationTokens tokens = ring(Map.of(1, key(1, null)), 1);
		for (long id : new long[] { 1, 127, 128, 186_000, 16_384, Long.MAX_VALUE }) {
			String token = tokens.issue(StationId.of(id));
			assertThat(token).matches("[A-Za-z0-9_-]+");
			assertThat(tokens.open(token)).isEqualTo(new StationTokens.Valid(StationId.of(id), 1, Optional.empty()));
		}
		assertThat(tokens.issue(StationId.of(186_000))).hasSize(23);
	}

	@Test
	void everyAlteredByteIsRefused() {
		StationTokens tokens = ring(Map.of(1, key(1, null), 2, key(2, null)), 1);
		byte[] genuine = Base64.getUrlDecoder().decode(tokens.issue(StationId.of(330_106)));
		for (int i = 0; i < genuine.length; i++) {
			for (int bit = 0; bit < 8; bit++) {
				byte[] altered = genuine.clone();
				altered[i] ^= (byte) (1 << bit);
				String token = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
				assertThat(tokens.open(token)).as("byte %d bit %d", i, bit).isInstanceOf(StationTokens.Refused.class);
			}
		}
	}

	@Test
	void aTokenForAnotherStationCannotBeMadeFromOne() {
		StationTokens tokens = ring(Map.of(1, key(1, null)), 1);
		byte[] genuine = Base64.getUrlDecoder().decode(tokens.issue(StationId.of(5)));
		genuine[2] = 6;
		String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(genuine);
		assertThat(tokens.open(forged)).isEqualTo(new StationTokens.Refused(Refusal.FORGED));
	}

	@Test
	void garbageIsMalformedNotAnError() {
		StationTokens tokens = ring(Map.of(1, key(1, null)), 1);
		for (String token : new String[] { null, "", "abc", "!!!!", "x".repeat(65), "AAAAAAAAAAAAAAAAAAAAAAA",
				"/r/../etc", "AQEB" }) {
			assertThat(tokens.open(token)).as(token).isEqualTo(new StationTokens.Refused(Refusal.MALFORMED));
		}
	}

	@Test
	void aKeyOfAnotherRingDoesNotOpen() {
		String token = ring(Map.of(1, key(1, null)), 1).issue(StationId.of(42));
		assertThat(ring(Map.of(1, key(99, null)), 1).open(token)).isEqualTo(new StationTokens.Refused(Refusal.FORGED));
	}

	@Test
	void afterRotationOldCodesWorkForTheGracePeriodThenExpire() {
		String old = ring(Map.of(1, key(1, null)), 1).issue(StationId.of(42));
		Instant retired = NOW;
		StationTokens rotated = ring(Map.of(1, key(1, retired), 2, key(2, null)), 2);

		String fresh = rotated.issue(StationId.of(42));
		assertThat(fresh).isNotEqualTo(old);
		assertThat(rotated.open(fresh)).isEqualTo(new StationTokens.Valid(StationId.of(42), 2, Optional.empty()));
		assertThat(rotated.open(old))
			.isEqualTo(new StationTokens.Valid(StationId.of(42), 1, Optional.of(retired.plus(Duration.ofDays(90)))));

		clock.set(retired.plus(Duration.ofDays(90)).minusSeconds(1));
		assertThat(rotated.open(old)).isInstanceOf(StationTokens.Valid.class);
		clock.set(retired.plus(Duration.ofDays(90)));
		assertThat(rotated.open(old)).isEqualTo(new StationTokens.Refused(Refusal.EXPIRED));
		assertThat(rotated.open(fresh)).isInstanceOf(StationTokens.Valid.class);

		StationTokens withoutOldKey = ring(Map.of(2, key(2, null)), 2);
		assertThat(withoutOldKey.open(old)).isEqualTo(new StationTokens.Refused(Refusal.EXPIRED));
	}

	@Test
	void theLastRotationIsTheLatestRetirementInTheRingWithTheEndOfItsGracePeriod() {
		assertThat(ring(Map.of(1, key(1, null)), 1).lastRotation()).isEmpty();
		Instant first = NOW.minus(Duration.ofDays(200));
		StationTokens twice = ring(Map.of(1, key(1, first), 2, key(2, NOW), 3, key(3, null)), 3);
		assertThat(twice.lastRotation()).contains(new StationTokens.Rotation(NOW, NOW.plus(Duration.ofDays(90))));
	}

}
