package org.yizhan.platform.web;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Photos (JPEG, re-encoded when stored) as the console, the API and the public pages
 * answer them: one caching rule for each audience instead of one per controller.
 */
public final class PhotoResponses {

	private PhotoResponses() {
	}

	/**
	 * A photo a signed-in caller may see: their browser keeps it for seven days, no
	 * shared cache keeps it at all.
	 */
	public static ResponseEntity<byte[]> forSignedIn(byte[] jpeg) {
		return jpeg(jpeg, CacheControl.maxAge(Duration.ofDays(7)).cachePrivate());
	}

	/** A listed station's photo on the public pages: any cache may keep it for a day. */
	public static ResponseEntity<byte[]> forEveryone(byte[] jpeg) {
		return jpeg(jpeg, CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
	}

	private static ResponseEntity<byte[]> jpeg(byte[] jpeg, CacheControl cache) {
		return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(cache).body(jpeg);
	}

}
