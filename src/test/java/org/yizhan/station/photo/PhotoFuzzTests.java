package org.yizhan.station.photo;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the photo pipeline every upload goes through (station photos, evidence photos):
 * any bytes are either refused with {@link PhotoRejectedException} (a 400 or 413 with its
 * reason) or become a JPEG and a thumbnail within the size limits, with no crash and no
 * decoder left to run away with the memory (the header is checked before decoding). Seed
 * inputs (real JPEG, PNG and WebP files, truncated and with forged headers) run in every
 * build; {@code JAZZER_FUZZ=1} explores (docs/benchmarks.md, "Fuzzing").
 */
class PhotoFuzzTests {

	private final PhotoProcessor processor = new PhotoProcessor();

	@FuzzTest(maxDuration = "120s")
	void anyBytesAreRefusedOrBecomeAPhoto(byte[] upload) {
		try {
			ProcessedPhoto photo = this.processor.process(upload);
			assertThat(photo.width()).isBetween(1, 2048);
			assertThat(photo.height()).isBetween(1, 2048);
			assertThat(photo.thumbnail().length).isPositive();
		}
		catch (PhotoRejectedException refused) {
			assertThat(refused.messageCode()).isNotBlank();
		}
	}

}
