package org.yizhan.platform.security;

/**
 * The authorities the filter chains decide on, besides one {@code ROLE_…} per role. The
 * module that signs accounts in grants them; this package only reads them.
 */
public final class Authorities {

	/**
	 * The account's password is neither expired nor waiting to be changed after a reset:
	 * without it, only the change-password page and endpoint are open.
	 */
	public static final String PASSWORD_CURRENT = "PASSWORD_CURRENT";

	/** Signed in with a password (session or Basic), not with an access token. */
	public static final String INTERACTIVE = "INTERACTIVE";

	/** May read through the API (every password sign-in; tokens with scope READ). */
	public static final String SCOPE_READ = "SCOPE_READ";

	/** May change things through the API (every password sign-in; tokens with WRITE). */
	public static final String SCOPE_WRITE = "SCOPE_WRITE";

	/**
	 * May read {@code /actuator/prometheus}: held only by a request carrying the metrics
	 * scrape token, never by an account.
	 */
	public static final String METRICS_SCRAPE = "METRICS_SCRAPE";

	private Authorities() {
	}

}
