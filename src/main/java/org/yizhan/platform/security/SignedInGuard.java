package org.yizhan.platform.security;

import org.springframework.security.core.Authentication;

/**
 * Re-reads a session's sign-in on every request, so that a disabled or locked account is
 * out on its next request and a changed password or role takes effect at once.
 */
public interface SignedInGuard {

	/**
	 * The sign-in as it stands now, or {@code null} when its account may no longer act.
	 */
	Authentication refresh(Authentication signedIn);

}
