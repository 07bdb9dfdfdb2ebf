package org.yizhan.station;

import java.nio.file.Path;

import org.yizhan.station.photo.FileSystemPhotoStorage;
import org.yizhan.station.photo.PhotoProcessor;
import org.yizhan.station.photo.PhotoStorage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Photos are kept on local disk under {@code yizhan.photos.dir} unless another
 * {@link PhotoStorage} (e.g. S3-compatible) is provided.
 */
@Configuration(proxyBeanMethods = false)
class PhotoConfiguration {

	@Bean
	PhotoProcessor photoProcessor() {
		return new PhotoProcessor();
	}

	@Bean
	@ConditionalOnMissingBean
	PhotoStorage photoStorage(@Value("${yizhan.photos.dir}") Path root) {
		return new FileSystemPhotoStorage(root);
	}

}
