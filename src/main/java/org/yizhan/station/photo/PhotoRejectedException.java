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
