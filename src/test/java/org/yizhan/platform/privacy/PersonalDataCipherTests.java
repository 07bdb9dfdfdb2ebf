package org.yizhan.platform.privacy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTests {

	static final byte[] OLD_KEY = key(1);

	static final byte[] NEW_KEY = key(2);

	private final PersonalDataCipher cipher = new PersonalDataCipher(Map.of("k1", OLD_KEY), "k1");

	@Test
	void opensWhatItSeals() {
		for (String value : new String[] { "13812341234", "33010619900101123X", "", "张三 0571-87654321" }) {
			assertThat(this.cipher.open(this.cipher.seal(value))).isEqualTo(value);
		}
	}

	@Test
	void sealedValueShowsNeitherTheValueNorEqualityWithAnother() {
		String first = this.cipher.seal("13812341234");
		String second = this.cipher.seal("13812341234");

		assertThat(first).startsWith("v1.k1.").doesNotContain("1381234").isNotEqualTo(second);
	}

	@Test
	void nullStaysNull() {
		assertThat(this.cipher.seal(null)).isNull();
		assertThat(this.cipher.open(null)).isNull();
	}

	@Test
	void alteredValueDoesNotOpen() {
		String sealed = this.cipher.seal("13812341234");
		byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring("v1.k1.".length()));
		bytes[bytes.length - 20] ^= 1;
		String altered = "v1.k1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

		assertThatThrownBy(() -> this.cipher.open(altered)).isInstanceOf(SealedValueException.class)
			.hasMessageContaining("altered")
			.hasMessageNotContaining("1381234");
	}

	@Test
	void valueRelabelledToAnotherKeyDoesNotOpen() {
		PersonalDataCipher ring = new PersonalDataCipher(Map.of("k1", OLD_KEY, "k2", OLD_KEY), "k1");
		String relabelled = ring.seal("13812341234").replace("v1.k1.", "v1.k2.");

		assertThatThrownBy(() -> ring.open(relabelled)).isInstanceOf(SealedValueException.class);
	}

	@Test
	void malformedOrUnknownKeyIsRefusedClearly() {
		assertThatThrownBy(() -> this.cipher.open("13812341234")).isInstanceOf(SealedValueException.class)
			.hasMessageContaining("not a sealed value");
		assertThatThrownBy(() -> this.cipher.open("v1.k1.AAAA")).isInstanceOf(SealedValueException.class)
			.hasMessageContaining("truncated");
		assertThatThrownBy(() -> this.cipher.open("v1.k9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
			.isInstanceOf(SealedValueException.class)
			.hasMessageContaining("'k9', which is not configured");
	}

	@Test
	void afterRotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
		String before = this.cipher.seal("13812341234");
		Map<String, byte[]> keys = new LinkedHashMap<>();
		keys.put("k1", OLD_KEY);
		keys.put("k2", NEW_KEY);
		PersonalDataCipher rotated = new PersonalDataCipher(keys, "k2");

		assertThat(rotated.open(before)).isEqualTo("13812341234");
		assertThat(rotated.isSealedWithActiveKey(before)).isFalse();
		String after = rotated.seal("13812341234");
		assertThat(after).startsWith("v1.k2.");
		assertThat(rotated.isSealedWithActiveKey(after)).isTrue();
		assertThatThrownBy(() -> this.cipher.open(after)).isInstanceOf(SealedValueException.class);
	}

	@Test
	void badKeyRingsAreRefusedAtStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonalDataCipher(Map.of("k1", new byte[16]), "k1"))
			.withMessageContaining("32");
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonalDataCipher(Map.of("k.1", OLD_KEY), "k.1"))
			.withMessageContaining("key id");
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonalDataCipher(Map.of("k1", OLD_KEY), "k2"))
			.withMessageContaining("active");
	}

	static byte[] key(int seed) {
		byte[] key = new byte[32];
		for (int i = 0; i < key.length; i++) {
			key[i] = (byte) (seed * 31 + i);
		}
		return key;
	}

}
