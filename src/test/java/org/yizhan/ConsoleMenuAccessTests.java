package org.yizhan;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yizhan.support.access.AccessFixture;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.support.access.AccessFixture.COLUMNS;

/**
 * The console's bar as each role sees it (issue 21, item 8): an entry is shown only to
 * the roles that may use its page, and every entry an account is shown opens for it.
 * Drawn from every module's menu entries, on a real page of a signed-in session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleMenuAccessTests {

	/** The union's pages a station master has no use for (or may not open). */
	static final List<String> UNION_ENTRIES = List.of("nav-new-station", "nav-coverage", "nav-figures-union",
			"nav-held-ratings", "nav-accounts", "nav-organizations", "nav-audit", "nav-api-docs");

	/** What every account works with. */
	static final List<String> EVERYONE_ENTRIES = List.of("nav-stations", "nav-rating", "nav-tickets", "nav-silent",
			"nav-notifications", "nav-password", "nav-tokens", "nav-email");

	private static final Pattern LINK = Pattern.compile("<a\\b[^>]*>");

	private static final Pattern ID = Pattern.compile("\\bid=\"(nav-[^\"]+)\"");

	private static final Pattern HREF = Pattern.compile("\\bhref=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private AccessFixture fixture;

	@BeforeAll
	void signIn() {
		this.fixture = new AccessFixture(this.port, this.context).setUp();
	}

	@Test
	void aStationMasterSeesNeitherTheNewStationFormNorCoverageNorTheUnionsPages() {
		Map<String, String> menu = menu("STATION_MASTER");
		assertThat(menu).doesNotContainKeys(UNION_ENTRIES.toArray(String[]::new));
		assertThat(menu).containsKeys(EVERYONE_ENTRIES.toArray(String[]::new));
	}

	@Test
	void aHostSeesItsStationsAndWhatConcernsThemButNoneOfTheUnionsPages() {
		Map<String, String> menu = menu("HOST");
		assertThat(menu).doesNotContainKeys(UNION_ENTRIES.toArray(String[]::new));
		assertThat(menu).doesNotContainKeys("nav-onboarding", "nav-applications", "nav-selection", "nav-programmes",
				"nav-checklists");
		assertThat(menu).containsKeys(EVERYONE_ENTRIES.toArray(String[]::new));
	}

	@Test
	void anOrganisationAdminSeesEveryEntry() {
		Map<String, String> menu = menu("ORG_ADMIN");
		assertThat(menu).containsKeys(UNION_ENTRIES.toArray(String[]::new));
		assertThat(menu).containsKeys(EVERYONE_ENTRIES.toArray(String[]::new));
	}

	@Test
	void anAuditorSeesTheAccountsAndTheAuditLogButNotTheAdminsForms() {
		Map<String, String> menu = menu("AUDITOR");
		assertThat(menu).containsKeys("nav-accounts", "nav-audit", "nav-coverage", "nav-figures-union");
		assertThat(menu).doesNotContainKeys("nav-new-station", "nav-held-ratings");
	}

	@Test
	void everyEntryAnAccountSeesOpensForIt() {
		for (String role : COLUMNS.subList(1, COLUMNS.size())) {
			menu(role).forEach((id, href) -> {
				if (href.equals("#")) {
					return;
				}
				HttpResponse<String> page = this.fixture.console(role).get(href);
				String location = page.headers().firstValue("Location").orElse("");
				assertThat(page.statusCode()).as("%s → %s (%s) as %s", id, href, location, role).isLessThan(400);
				assertThat(location).as("%s → %s as %s", id, href, role)
					.doesNotEndWith("/login")
					.doesNotEndWith("/console/me/password");
			});
		}
	}

	/** The bar's entries on the station list, by element id: their links. */
	private Map<String, String> menu(String role) {
		HttpResponse<String> page = this.fixture.console(role).get("/console/stations");
		assertThat(page.statusCode()).as(role).isEqualTo(200);
		Map<String, String> entries = new LinkedHashMap<>();
		Matcher links = LINK.matcher(page.body());
		while (links.find()) {
			Matcher id = ID.matcher(links.group());
			Matcher href = HREF.matcher(links.group());
			if (id.find() && href.find()) {
				entries.put(id.group(1), href.group(1));
			}
		}
		return entries;
	}

}
