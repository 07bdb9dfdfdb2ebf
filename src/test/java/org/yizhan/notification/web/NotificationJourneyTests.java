package org.yizhan.notification.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.organization.account.Account;
import org.yizhan.organization.account.AccountAdministration;
import org.yizhan.organization.account.AccountInput;
import org.yizhan.organization.account.OwnPassword;
import org.yizhan.supervision.digest.DigestFixtures;
import org.yizhan.supervision.digest.Digests;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district admin, in Chromium, sees the bell count the morning's digests left, opens
 * the daily digest, follows it, and marks it read: the bell counts one less.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(ActingAsNationalAdmin.class)
class NotificationJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	AccountAdministration administration;

	@Autowired
	OwnPassword ownPassword;

	@Autowired
	Digests digests;

	@Autowired
	org.yizhan.station.StationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminSeesTheBellCountOpensTheDailyDigestAndMarksItRead() {
		// a new admin of 西湖区, where a demo station was rated yesterday and has a problem
		// past its deadline: this morning's digest has something to say to them
		org.yizhan.station.Station station = registry
			.search(new org.yizhan.station.StationQuery("330106",
					java.util.Set.of(org.yizhan.station.StationStatus.LISTED), null, null, null),
					org.yizhan.station.StationSort.CODE, false, 0, 1)
			.content()
			.get(0);
		// the day this morning's digest is about (before 08:00 in Shanghai, the day
		// before)
		java.time.LocalDate yesterday = org.yizhan.supervision.digest.DigestKind.DAILY
			.latestDue(java.time.Instant.now(), java.time.LocalTime.of(8, 0));
		DigestFixtures fixtures = new DigestFixtures(registry, administration, jdbc);
		fixtures.rating(station, yesterday, "12:00", 5, "COUNTED", "CLEAN");
		String ticket = fixtures.ticket(station, "BROKEN_FACILITY", DigestFixtures.at(yesterday.minusDays(2), "09:00"),
				DigestFixtures.at(yesterday, "09:00"), true);
		AccountAdministration.WithPassword created = administration.create(ActingAsNationalAdmin.NATIONAL_ADMIN,
				new AccountInput("bell-" + UUID.randomUUID().toString().substring(0, 8), "西湖区值班管理员", "330106",
						List.of("ORG_ADMIN"), null, null, List.of(), null, null, null));
		Account admin = created.account();
		ownPassword.change(new Actor(admin.id(), admin.username(), admin.organizationCode(), admin.organizationPath(),
				Set.of(Role.ORG_ADMIN)), created.oneTimePassword(), TestAccounts.PASSWORD);
		digests.deliverDue();
		long unread = jdbc.sql("select count(*) from notification where account_id = :id and read_at is null")
			.param("id", admin.id())
			.query(Long.class)
			.single();
		assertThat(unread).isPositive();

		BrowserContext context = chromium.newContext("zh-CN");
		Page page = context.newPage();
		ConsoleLogin.signIn(page, admin.username(), TestAccounts.PASSWORD);

		Locator bell = page.locator("#notification-count");
		assertThat(bell).isVisible();
		assertThat(bell).hasText(String.valueOf(unread));

		page.click("#nav-notifications");
		assertThat(page).hasURL(Pattern.compile(".*/console/notifications$"));
		assertThat(page.locator("#unread-summary")).hasText(unread + " 条未读");
		Locator daily = page.locator(".notification-subject", new Page.LocatorOptions().setHasText("驿站日报"));
		assertThat(daily).hasCount(1);
		daily.click();

		assertThat(page.locator("#notification-subject")).containsText("驿站日报");
		assertThat(page.locator("#notification-state")).hasText("未读");
		assertThat(page.locator("main")).containsText("西湖区总工会管辖的");
		assertThat(page.locator("main")).containsText("有效评价");
		assertThat(page.locator("main")).containsText("超期未处理的问题");
		Locator problem = page.locator("main a", new Page.LocatorOptions().setHasText(ticket));
		// A ticket line leads to the ticket itself, where it is handled.
		assertThat(problem).hasAttribute("href", "/console/tickets/" + ticket);
		problem.click();
		assertThat(page).hasURL(Pattern.compile(".*/console/tickets/" + ticket + "$"));
		page.goBack();

		page.click("#mark-read");
		assertThat(page.locator("#notification-state")).containsText("已读于");
		assertThat(page.locator(".alert-success")).hasText("已标为已读");
		assertThat(page.locator("#mark-read")).hasCount(0);
		if (unread == 1) {
			assertThat(page.locator("#notification-count")).isHidden();
		}
		else {
			assertThat(page.locator("#notification-count")).hasText(String.valueOf(unread - 1));
		}

		page.click("#open-link");
		assertThat(page).hasURL(Pattern.compile(".*/console/stations$"));
	}

}
