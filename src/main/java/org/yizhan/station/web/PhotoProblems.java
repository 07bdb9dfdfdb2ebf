package org.yizhan.station.web;

import java.util.function.Supplier;

import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.web.StatusProblemException;
import org.yizhan.station.photo.PhotoRejectedException;

import org.springframework.http.HttpStatus;

/**
 * Says why a photo was refused in HTTP's terms: too big is 413, not an image is 415, a
 * broken or empty file is a 400 on the {@code file} field.
 */
final class PhotoProblems {

	private PhotoProblems() {
	}

	static <T> T translate(Supplier<T> upload) {
		try {
			return upload.get();
		}
		catch (PhotoRejectedException ex) {
			throw switch (ex.reason()) {
				case TOO_LARGE, TOO_MANY_PIXELS, TOO_DEEP ->
					new StatusProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-large", ex.messageCode())
						.onField("file");
				case NOT_AN_IMAGE -> new StatusProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
						"unsupported-media-type", ex.messageCode())
					.onField("file");
				case EMPTY, CORRUPT -> new InvalidInputException(Violation.of("file", ex.messageCode()));
			};
		}
	}

}
