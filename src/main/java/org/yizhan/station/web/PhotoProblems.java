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
				case TOO_LARGE ->
					new StatusProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "photo.tooLarge")
						.onField("file");
				case TOO_MANY_PIXELS ->
					new StatusProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "photo.tooManyPixels")
						.onField("file");
				case TOO_DEEP -> new StatusProblemException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "photo.tooDeep")
					.onField("file");
				case NOT_AN_IMAGE -> new StatusProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
						"unsupported-media-type", "photo.notAnImage")
					.onField("file");
				case EMPTY -> new InvalidInputException(Violation.of("file", "photo.empty"));
				case CORRUPT -> new InvalidInputException(Violation.of("file", "photo.corrupt"));
			};
		}
	}

	/** The message code of a refusal, for pages that show it next to the upload field. */
	static String messageCode(PhotoRejectedException ex) {
		return switch (ex.reason()) {
			case TOO_LARGE -> "photo.tooLarge";
			case TOO_MANY_PIXELS -> "photo.tooManyPixels";
			case TOO_DEEP -> "photo.tooDeep";
			case NOT_AN_IMAGE -> "photo.notAnImage";
			case EMPTY -> "photo.empty";
			case CORRUPT -> "photo.corrupt";
		};
	}

}
