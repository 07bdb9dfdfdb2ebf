package org.yizhan.station;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.platform.BusyException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.station.photo.PhotoDecodeSlots;
import org.yizhan.station.photo.PhotoProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Evidence photos (a resolved ticket's) go through the same checks and decoding slots as
 * station photos (issue 22, 1).
 */
class EvidencePhotosTests {

	@TempDir
	Path photos;

	@Test
	void aSixteenBitPngIsRefusedFromItsHeaderNamingTheField() {
		PhotoDecodeSlots slots = new PhotoDecodeSlots(1, Duration.ZERO);
		EvidencePhotos evidence = new EvidencePhotos(new PhotoProcessor(slots), this.photos);
		byte[] deep = org.yizhan.station.web.StationPhotoTestImages.png(6324, 6324, 16, 6, 4);

		assertThatThrownBy(() -> evidence.store(deep, "photo", key -> false))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> {
				assertThat(ex.violations()).hasSize(1);
				assertThat(ex.violations().get(0).field()).isEqualTo("photo");
				assertThat(ex.violations().get(0).code()).isEqualTo("photo.tooDeep");
			});
		assertThat(slots.available()).isEqualTo(1);
	}

	@Test
	void withEveryDecodingSlotTakenAnUploadIsTurnedAwayNotQueued() {
		PhotoDecodeSlots slots = new PhotoDecodeSlots(1, Duration.ZERO);
		EvidencePhotos evidence = new EvidencePhotos(new PhotoProcessor(slots), this.photos);
		assertThat(slots.tryAcquire()).isTrue();

		assertThatThrownBy(
				() -> evidence.store(org.yizhan.station.web.StationPhotoTestImages.jpeg(64, 48), "photo", key -> false))
			.isInstanceOfSatisfying(BusyException.class, ex -> assertThat(ex.retryAfterSeconds()).isPositive());

		slots.release();
		assertThat(evidence.store(org.yizhan.station.web.StationPhotoTestImages.jpeg(64, 48), "photo", key -> false))
			.isNotBlank();
	}

}
