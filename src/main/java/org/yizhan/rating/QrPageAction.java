package org.yizhan.rating;

import java.util.Objects;

/**
 * A button another module adds to the page behind a station's QR code, contributed as a
 * bean: one tap posts the page's token to the module's own path, where the module answers
 * with a page of its own. So the QR page, which this module owns, offers what later
 * modules do at a station (a worker's check-in) without naming their URLs or depending on
 * them.
 *
 * @param id the button's element id, which browser tests look for
 * @param messageKey the button's label, from the contributing module's bundle
 * @param hintKey a line under the button saying what a tap does, or {@code null}
 * @param path the path the form posts to, with {@code {token}} where the token goes (e.g.
 * {@code /v/{token}})
 * @param order where the button goes among the others, lowest first
 */
public record QrPageAction(String id, String messageKey, String hintKey, String path, int order) {

	/**
	 * The cookie in which the QR page keeps the phone's device id (16 random bytes,
	 * base64url, two years), sent with the form to the action's path.
	 */
	public static final String DEVICE_COOKIE = "yz_device";

	public QrPageAction {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(messageKey, "messageKey");
		Objects.requireNonNull(path, "path");
		if (!path.startsWith("/") || !path.contains("{token}")) {
			throw new IllegalArgumentException("A QR page action posts to a path of its own with {token}: " + path);
		}
	}

}
