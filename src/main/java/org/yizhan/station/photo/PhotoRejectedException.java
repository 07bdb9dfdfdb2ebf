package org.yizhan.station.photo;

import java.util.Objects;

/**
 * An upload that will not become a station photo. The message is English for the logs;
 * the web layer shows the user a localised text chosen by {@link #reason()}.
 */
public final class PhotoRejectedException extends RuntimeException {

	private final Reason reason;

	public PhotoRejectedException(Reason reason, String message) {
		this(reason, message, null);
	}

	public PhotoRejectedException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * The message code of the reason, for pages and problems that show it to a person.
	 */
	public String messageCode() {
		return switch (this.reason) {
			case TOO_LARGE -> "photo.tooLarge";
			case TOO_MANY_PIXELS -> "photo.tooManyPixels";
			case TOO_DEEP -> "photo.tooDeep";
			case NOT_AN_IMAGE -> "photo.notAnImage";
			case EMPTY -> "photo.empty";
			case CORRUPT -> "photo.corrupt";
		};
	}

	public enum Reason {

		/** No bytes at all. */
		EMPTY,

		/** More than {@link PhotoProcessor#MAX_BYTES}. */
		TOO_LARGE,

		/** The first bytes are not those of a JPEG, PNG or WebP file. */
		NOT_AN_IMAGE,

		/** The header declares more than {@link PhotoProcessor#MAX_PIXELS}. */
		TOO_MANY_PIXELS,

		/** The header declares more than {@link PhotoProcessor#MAX_BITS_PER_SAMPLE}. */
		TOO_DEEP,

		/** Looks like a supported image but cannot be decoded. */
		CORRUPT

	}

}
