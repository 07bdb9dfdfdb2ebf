package org.yizhan.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A module's single secret key (device hashes of ratings, problem reports and check-ins):
 * the configured one when given, else one development key generated once into its file
 * and read back the same at every later start; a key that is not base64 or shorter than
 * 32 bytes stops the start with the property's name.
 */
class DevelopmentKeyFileTests {

	@TempDir
	Path folder;

	@Test
	void aConfiguredKeyIsUsedAndNoFileIsWritten() {
		byte[] configured = new byte[32];
		configured[0] = 7;
		Path file = this.folder.resolve("keys/devices.properties");

		byte[] key = DevelopmentKeyFile.configuredOrDevelopment(Base64.getEncoder().encodeToString(configured), file,
				"device hashes", "yizhan.test.device-key");

		assertThat(key).isEqualTo(configured);
		assertThat(file).doesNotExist();
	}

	@Test
	void withoutOneADevelopmentKeyIsGeneratedOnceAndKept() {
		Path file = this.folder.resolve("keys/devices.properties");

		byte[] first = DevelopmentKeyFile.configuredOrDevelopment(" ", file, "device hashes", "yizhan.test.device-key");
		byte[] again = DevelopmentKeyFile.configuredOrDevelopment(null, file, "device hashes",
				"yizhan.test.device-key");

		assertThat(first).hasSize(32).isEqualTo(again);
		assertThat(file).exists();
	}

	@Test
	void aKeyThatIsNotBase64OrTooShortIsRefusedByItsPropertyName() throws Exception {
		Path file = this.folder.resolve("unused.properties");

		assertThatIllegalStateException()
			.isThrownBy(() -> DevelopmentKeyFile.configuredOrDevelopment("not base64!", file, "device hashes",
					"yizhan.test.device-key"))
			.withMessageContaining("yizhan.test.device-key");
		assertThatIllegalStateException()
			.isThrownBy(() -> DevelopmentKeyFile.configuredOrDevelopment(
					Base64.getEncoder().encodeToString(new byte[16]), file, "device hashes", "yizhan.test.device-key"))
			.withMessageContaining("at least 32");
		assertThat(Files.exists(file)).isFalse();
	}

}
