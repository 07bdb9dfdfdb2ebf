package org.yizhan.support;

/**
 * The accounts and passwords of the test configuration ({@code config/application.yml} of
 * the tests and the demo city), and one password that meets both password profiles for
 * accounts a test makes.
 */
public final class TestAccounts {

	/** The national union's admin. */
	public static final String ADMIN = "admin";

	/** {@code yizhan.demo.admin-password} of the test configuration. */
	public static final String ADMIN_PASSWORD = "test-admin-secret";

	/**
	 * {@code yizhan.demo.password}: the password of the demo city's accounts
	 * ({@code xihu-admin}, {@code hangzhou-reviewer}, ...).
	 */
	public static final String DEMO_PASSWORD = "Test-demo-2046";

	/** Meets both password profiles: what tests give the accounts they make. */
	public static final String PASSWORD = "Lanting-Xu-2046!";

	private TestAccounts() {
	}

}
