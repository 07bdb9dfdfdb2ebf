package org.yizhan.organization.account;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yizhan.support.Chromium;
import org.yizhan.support.ConsoleLogin;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Signing in to the console as a person does, in Chromium: a wrong password, a locked
 * account, a district admin creating a colleague who must then choose a password, and
 * signing out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@RecordApplicationEvents
class SignInJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	MockMvc mvc;

	Accounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new Accounts(mvc);
	}

	@Test
	void aWrongPasswordSaysSoAndAPausedSignInSaysWhenToTryAgain() throws Exception {
		Accounts.Created reviewer = accounts.createByAdmin("330106", "REVIEWER");
		BrowserContext context = chromium.newContext("zh-CN");
		Page page = context.newPage();
		for (int i = 1; i <= 4; i++) {
			ConsoleLogin.submit(page, reviewer.username(), "wrong-" + i);
			assertThat(page.locator("#login-error")).hasText("用户名或密码错误");
			// the name typed stays, and the password is what to type again
			assertThat(page.locator("#username")).hasValue(reviewer.username());
			assertThat(page.locator("#password")).isFocused();
		}
		ConsoleLogin.submit(page, "nobody-" + reviewer.username(), "wrong");
		assertThat(page.locator("#login-error")).hasText("用户名或密码错误");

		ConsoleLogin.submit(page, reviewer.username(), "wrong-5");
		assertThat(page.locator("#login-error")).containsText("已暂停登录，请 1 分钟后再试");
		ConsoleLogin.submit(page, reviewer.username(), reviewer.password());
		assertThat(page.locator("#login-error")).containsText("已暂停登录，请 1 分钟后再试（北京时间");
		assertThat(page).hasURL(Pattern.compile(".*/login\\?error=locked&minutes=1&at=[0-9]{2}:[0-9]{2}$"));
		// a page address that says anything else gets the plain sentence, not the text
		page.navigate("/login?error=locked&minutes=call-400-000&at=now");
		assertThat(page.locator("#login-error")).hasText("连续多次登录失败，已暂停登录，请稍后再试。如需提前解锁账号，请联系管理员。");
	}

	@Test
	void aDistrictAdminCreatesAColleagueWhoMustChooseAPasswordAndSignsOut() {
		BrowserContext admin = chromium.newContext("zh-CN");
		BrowserContext colleague = chromium.newContext("zh-CN");
		Page page = admin.newPage();
		ConsoleLogin.submit(page, "xihu-admin", TestAccounts.DEMO_PASSWORD);
		assertThat(page).hasURL(Pattern.compile(".*/console/dashboard$"));
		assertThat(page.locator("#signed-in-name")).hasText("西湖区总工会管理员");

		page.click("#nav-accounts");
		assertThat(page.locator("h1")).hasText("账号管理");
		assertThat(page.locator("#account-table tbody")).not().containsText("shangcheng-admin");
		page.click("#new-account");
		String username = Accounts.unique("inspector");
		page.fill("#username", username);
		page.fill("#displayName", "西湖区检查员");
		page.fill("#organization", "330106");
		page.click("label[for=role-INSPECTOR]");
		page.fill("#mobilePhone", "13912345678");
		page.click("#save-account");

		assertThat(page.locator("#account-name")).hasText("西湖区检查员");
		assertThat(page.locator("#account-mobile")).hasText("139****5678");
		String oneTime = page.locator("#one-time-password code").textContent();

		Page other = colleague.newPage();
		ConsoleLogin.submit(other, username, oneTime);
		assertThat(other).hasURL(Pattern.compile(".*/console/me/password$"));
		// Every other console address redirects here until the password is changed,
		// so
		// nothing on this page may load parts of the console: the notification bell
		// once
		// did, and htmx swapped copies of this page (and its form) into the
		// navigation.
		other.waitForLoadState(LoadState.NETWORKIDLE);
		assertThat(other.locator("#repeatPassword")).hasCount(1);
		assertThat(other.locator("#nav-notifications")).hasCount(0);
		other.fill("#currentPassword", oneTime);
		other.fill("#newPassword", "abcdefgh");
		other.fill("#repeatPassword", "abcdefgh");
		assertThat(other.locator("#repeatPassword")).hasValue("abcdefgh");
		other.click("#change-password");
		assertThat(other.locator("#form-errors")).containsText("新密码");
		other.fill("#currentPassword", oneTime);
		other.fill("#newPassword", TestAccounts.PASSWORD);
		other.fill("#repeatPassword", TestAccounts.PASSWORD);
		other.click("#change-password");
		assertThat(other).hasURL(Pattern.compile(".*/console/stations$"));
		assertThat(other.locator(".alert-success")).hasText("密码已修改");

		page.click("#me-menu");
		page.click("#nav-tokens");
		page.fill("#token-name", "数据大屏");
		page.click("#create-token");
		assertThat(page.locator("#token-value code")).hasText(Pattern.compile("^yz_[A-Za-z0-9_-]{43}$"));
		assertThat(page.locator("#token-table tbody tr")).hasCount(1);
		page.click("#token-table button");
		assertThat(page.locator("#token-table tbody")).containsText("已撤销");
		assertThat(page.locator("#token-value")).hasCount(0);

		page.click("#logout");
		assertThat(page).hasURL(Pattern.compile(".*/login\\?logout$"));
		page.navigate("/console/accounts");
		assertThat(page).hasURL(Pattern.compile(".*/login$"));
	}

}
