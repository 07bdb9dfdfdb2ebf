package org.yizhan.support;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The console's login form as a person fills it in a {@link Chromium} page.
 */
public final class ConsoleLogin {

	private ConsoleLogin() {
	}

	/** Opens the login page and submits the form, whatever the answer. */
	public static void submit(Page page, String username, String password) {
		page.navigate("/login");
		page.fill("#username", username);
		page.fill("#password", password);
		page.click("button[type=submit]");
	}

	/** Signs in and arrives in the console, on whatever page the account lands. */
	public static void signInAnywhere(Page page, String username, String password) {
		submit(page, username, password);
		assertThat(page).hasURL(Pattern.compile(".*/console/.*"));
	}

	/**
	 * Signs in and arrives at the console's station list: a union's staff land on their
	 * dashboard and go on to the list from there, everyone else lands on it.
	 */
	public static void signIn(Page page, String username, String password) {
		submit(page, username, password);
		assertThat(page).hasURL(Pattern.compile(".*/console/(stations|dashboard).*"));
		if (page.url().contains("/console/dashboard")) {
			page.navigate("/console/stations");
		}
		assertThat(page).hasURL(Pattern.compile(".*/console/stations.*"));
	}

	/** Signs in as a union's staff and lands on the union's dashboard. */
	public static void signInToDashboard(Page page, String username, String password) {
		submit(page, username, password);
		assertThat(page).hasURL(Pattern.compile(".*/console/dashboard$"));
	}

	/**
	 * Opens the console signed out, is sent to the login page, and signs in there.
	 */
	public static void signInWhenSentToLogin(Page page, String username, String password) {
		page.navigate("/console/stations");
		assertThat(page).hasURL(Pattern.compile(".*/login$"));
		page.fill("#username", username);
		page.fill("#password", password);
		page.click("button[type=submit]");
		assertThat(page).hasURL(Pattern.compile(".*/console/stations.*"));
	}

}
