package org.yizhan.operations;

import org.yizhan.platform.Explanation;

/**
 * Why a door device's request was refused before anything was counted: each a clear,
 * localised answer ({@code door.refused.<reason>}), so that whoever installs a device
 * reads what to fix. The web adapter answers 401 for the signature's reasons and 409 for
 * a replay.
 */
public class DoorRefusal extends RuntimeException implements Explanation.Explained {

	/** What was wrong with the request. */
	public enum Reason {

		/** A signature header missing or malformed. */
		UNSIGNED,
		/** No device of that id in service. */
		UNKNOWN_DEVICE,
		/** The timestamp more than five minutes away from the server's clock. */
		LATE,
		/** The signature does not match the request and the device's secret. */
		BAD_SIGNATURE,
		/** The nonce was seen within the window: the same request again. */
		REPLAYED

	}

	private final Reason reason;

	private final transient Explanation explanation;

	public DoorRefusal(Reason reason, Object... args) {
		super("door request refused: " + reason);
		this.reason = reason;
		this.explanation = new Explanation("door.refused." + reason.name(), args);
	}

	public Reason reason() {
		return this.reason;
	}

	@Override
	public Explanation explanation() {
		return this.explanation;
	}

}
