package org.yizhan.rating.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yizhan.rating.qr.QrCodes;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationTokens;
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
import static org.assertj.core.api.Assertions.within;

/**
 * A district admin prints a station's QR code and posters, and then every poster of the
 * district, from the console in a real browser; a reviewer sees the section without a
 * code. No public base URL is configured here, so the codes lead to the address the
 * browser used.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(ActingAsNationalAdmin.class)
class QrConsoleJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	StationRegistry registry;

	@Autowired
	StationTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdminSeesTheStationsCodeAndDownloadsItAsPngSvgAndBothPosters() throws Exception {
		String name = "二维码浏览器驿站" + UUID.randomUUID().toString().substring(0, 4);
		Station station = this.registry.list(this.registry.create(input(name)).id(), null);
		BrowserContext context = chromium.newContext("zh-CN");
		Page page = context.newPage();
		ConsoleLogin.signIn(page, "xihu-admin", TestAccounts.DEMO_PASSWORD);
		page.navigate("/console/stations/" + station.id().value());

		assertThat(page.locator("#qr-card h2")).hasText("评价二维码与海报");
		String url = page.locator("#qr-url").textContent();
		assertThat(url).startsWith(chromium.baseUrl() + "/r/");
		assertThat(this.tokens.open(url.substring(url.lastIndexOf('/') + 1))).isInstanceOfSatisfying(
				StationTokens.Valid.class, (valid) -> assertThat(valid.station()).isEqualTo(station.id()));
		assertThat(page.locator("#qr-image")).isVisible();
		// the drawn SVG has loaded (a broken image has no natural width)
		page.waitForFunction("() => { const image = document.querySelector('#qr-image');"
				+ " return image.complete && image.naturalWidth > 0; }");

		Download png = page.waitForDownload(() -> page.click("#qr-download-png"));
		assertThat(png.suggestedFilename()).isEqualTo("qr-" + station.code().value() + ".png");
		var image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png.path())));
		assertThat(image.getWidth()).isEqualTo(1024);
		assertThat(QrCodes.read(image).getText()).isEqualTo(url);

		Download svg = page.waitForDownload(() -> page.click("#qr-download-svg"));
		assertThat(svg.suggestedFilename()).isEqualTo("qr-" + station.code().value() + ".svg");
		assertThat(QrCodes.readSvg(Files.readString(svg.path(), StandardCharsets.UTF_8)).getText()).isEqualTo(url);

		for (String paper : List.of("A5", "A4")) {
			Download pdf = page.waitForDownload(() -> page.click("#qr-download-" + paper.toLowerCase()));
			assertThat(pdf.suggestedFilename()).isEqualTo("poster-" + paper + "-" + station.code().value() + ".pdf");
			try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
				PDRectangle size = paper.equals("A5") ? PDRectangle.A5 : PDRectangle.A4;
				assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(size.getWidth(), within(0.01f));
				assertThat(new PDFTextStripper().getText(document)).contains(name, "用微信或手机相机扫码，为本驿站评价");
				assertThat(QrCodes.read(new PDFRenderer(document).renderImageWithDPI(0, 100, ImageType.GRAY)).getText())
					.isEqualTo(url);
			}
		}
	}

	@Test
	void anAdminDownloadsEveryPosterOfTheDistrictFromItsOrganisationPage() throws Exception {
		BrowserContext context = chromium.newContext("zh-CN");
		Page page = context.newPage();
		ConsoleLogin.signIn(page, "xihu-admin", TestAccounts.DEMO_PASSWORD);
		page.navigate("/console/organizations/330106");
		assertThat(page.locator("#posters-card h2")).hasText("评价二维码海报");
		long listed = this.jdbc.sql("select count(*) from station where status = 'LISTED' and district_code = '330106'")
			.query(Long.class)
			.single();
		assertThat(page.locator("#posters-count")).containsText("有 " + listed + " 个已上图驿站");

		Download download = page.waitForDownload(() -> page.click("#posters-a5"));
		assertThat(download.suggestedFilename()).isEqualTo("posters-A5-330106.pdf");
		try (PDDocument document = Loader.loadPDF(Files.readAllBytes(download.path()))) {
			assertThat(document.getNumberOfPages()).isEqualTo((int) listed);
			assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(PDRectangle.A5.getWidth(),
					within(0.01f));
		}
	}

	@Test
	void aReviewerSeesWhoPrintsTheCodeButNoCodeAndNoBulkDownload() {
		Station station = this.registry.list(this.registry.create(input("审核员浏览器驿站")).id(), null);
		BrowserContext context = chromium.newContext("en");
		Page page = context.newPage();
		ConsoleLogin.signIn(page, "hangzhou-reviewer", TestAccounts.DEMO_PASSWORD);
		page.navigate("/console/stations/" + station.id().value() + "?lang=en");
		assertThat(page.locator("#qr-not-printer")).hasText(
				"The QR code and posters of this station are printed by the admins of its union and by its station master.");
		assertThat(page.locator("#qr-url")).hasCount(0);
		var fragment = page.waitForResponse(
				(response) -> response.url().endsWith("/console/organizations/330106/posters"),
				() -> page.navigate("/console/organizations/330106"));
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.text()).doesNotContain("posters.pdf");
		assertThat(page.locator("#organization-posters")).isAttached();
		assertThat(page.locator("#posters-card")).hasCount(0);
	}

	private static StationInput input(String name) {
		return new StationInput(name, "杭州市西湖区测试路 1 号", "330106", "测试单位", "OTHER", 30.26, 120.12, "wgs84", null, null,
				List.of(), "24/7", null, null, false, null, null, null, null);
	}

}
