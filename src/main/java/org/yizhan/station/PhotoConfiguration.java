package org.yizhan.station;

import java.nio.file.Path;
import java.time.Duration;

import org.yizhan.station.photo.FileSystemPhotoStorage;
import org.yizhan.station.photo.PhotoDecodeSlots;
import org.yizhan.station.photo.PhotoProcessor;
import org.yizhan.station.photo.PhotoStorage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Photos are kept on local disk under {@code yizhan.photos.dir} unless another
 * {@link PhotoStorage} (e.g. S3-compatible) is provided. At most
 * {@code yizhan.photos.concurrent-decodes} uploads (station and evidence photos alike)
 * are decoded at once; another waits {@code yizhan.photos.decode-wait} for a slot and is
 * then answered 503.
 */
@Configuration(proxyBeanMethods = false)
class PhotoConfiguration {

	@Bean
	PhotoDecodeSlots photoDecodeSlots(@Value("${yizhan.photos.concurrent-decodes:2}") int concurrentDecodes,
			@Value("${yizhan.photos.decode-wait:1s}") Duration decodeWait) {
		return new PhotoDecodeSlots(concurrentDecodes, decodeWait);
	}

	@Bean
	PhotoProcessor photoProcessor(PhotoDecodeSlots slots) {
		return new PhotoProcessor(slots);
	}

	@Bean
	@ConditionalOnMissingBean
	PhotoStorage photoStorage(@Value("${yizhan.photos.dir}") Path root) {
		return new FileSystemPhotoStorage(root);
	}

}
