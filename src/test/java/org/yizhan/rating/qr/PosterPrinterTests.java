package org.yizhan.rating.qr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.yizhan.rating.StationQrCodes;
import org.yizhan.station.StationId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PosterPrinterTests {

	private static final float DPI = 150;

	private final PosterFont font = new PosterFont();

	private final PosterPrinter printer = new PosterPrinter(this.font);

	private static StationQrCodes.Code code(long id, String stationCode, String name) {
		String token = "AQE" + "x".repeat(20);
		return new StationQrCodes.Code(StationId.of(id), stationCode, name, "杭州市总工会 · 西湖区总工会", token,
				"https://yizhan.example.cn/r/AQEB" + id + "abcdefghijklmnopq");
	}

	@Test
	void anA5PosterIsOneA5PageWithTheNameTheCodeTheInstructionAndTheUnionAsText() throws IOException {
		StationQrCodes.Code code = code(7, "330106-0007", "文三路爱心驿站");
		try (PDDocument pdf = Loader.loadPDF(this.printer.print(code, Paper.A5))) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			assertSize(pdf.getPage(0), PDRectangle.A5, 148, 210);
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("文三路爱心驿站", "330106-0007", "用微信或手机相机扫码，为本驿站评价",
					"Scan with WeChat or your phone camera to rate this station", "杭州市总工会 · 西湖区总工会", code.url());
			assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
		}
	}

	@Test
	void anA4PosterIsOneA4Page() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(this.printer.print(code(7, "330106-0007", "文三路爱心驿站"), Paper.A4))) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			assertSize(pdf.getPage(0), PDRectangle.A4, 210, 297);
			assertThat(new PDFTextStripper().getText(pdf)).contains("文三路爱心驿站", "用微信或手机相机扫码，为本驿站评价");
		}
	}

	@Test
	void theFontIsEmbeddedAsASubsetOfWenQuanYiMicroHei() throws IOException {
		byte[] poster = this.printer.print(code(7, "330106-0007", "文三路爱心驿站"), Paper.A5);
		try (PDDocument pdf = Loader.loadPDF(poster)) {
			List<PDFont> fonts = new ArrayList<>();
			PDPage page = pdf.getPage(0);
			for (var name : page.getResources().getFontNames()) {
				fonts.add(page.getResources().getFont(name));
			}
			assertThat(fonts).hasSize(1);
			PDType0Font font = (PDType0Font) fonts.get(0);
			assertThat(font.isEmbedded()).isTrue();
			assertThat(font.getName()).matches("[A-Z]{6}\\+WenQuanYiMicroHei");
			assertThat(font.getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
		}
		// a subset: the 3 MB font shrinks to the few dozen glyphs of one poster
		assertThat(poster.length).isLessThan(150_000);
	}

	@Test
	void theQrCodeOnTheA5PosterReadsBackAndIsAtLeastFiftyMillimetresWide() throws IOException {
		StationQrCodes.Code code = code(186_000, "330106-0136", "文三路爱心驿站");
		assertReadableAndWide(this.printer.print(code, Paper.A5), code.url(), 50);
	}

	@Test
	void theQrCodeOnTheA4PosterIsLargerStill() throws IOException {
		StationQrCodes.Code code = code(186_000, "330106-0136", "文三路爱心驿站");
		assertReadableAndWide(this.printer.print(code, Paper.A4), code.url(), 95);
	}

	@Test
	void aLongNameWrapsAndStaysWholeOnThePage() throws IOException {
		String name = "杭州市西湖区文三路与学院路交叉口东北角中国工商银行杭州文三路支行工会户外劳动者爱心驿站服务点";
		try (PDDocument pdf = Loader.loadPDF(this.printer.print(code(9, "330106-0009", name), Paper.A5))) {
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s", "")).contains(name);
		}
	}

	@Test
	void aCharacterTheFontLacksIsPrintedAsTheMissingCharacterMarkAndNamed() throws IOException {
		String name = "𠀀字驿站";
		assertThat(this.font.missing(name)).containsExactly("𠀀");
		assertThat(this.font.missing("垟堃喆昇岙驿站 A-1")).isEmpty();
		try (PDDocument pdf = Loader.loadPDF(this.printer.print(code(9, "330106-0009", name), Paper.A5))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("〓字驿站").doesNotContain("𠀀");
		}
	}

	@Test
	void manyPostersAreOnePageEachInTheOrderGivenWithOneFont() throws IOException {
		List<StationQrCodes.Code> codes = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			codes.add(code(i, String.format("330106-%04d", i), "测试驿站" + i + "号"));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.printer.print(codes, Paper.A5, "西湖区总工会 驿站评价二维码海报", out);
		try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(12);
			assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("西湖区总工会 驿站评价二维码海报");
			PDFTextStripper stripper = new PDFTextStripper();
			for (int i = 1; i <= 12; i++) {
				stripper.setStartPage(i);
				stripper.setEndPage(i);
				assertThat(stripper.getText(pdf)).contains(String.format("330106-%04d", i), "测试驿站" + i + "号");
			}
			assertThat(QrCodes.read(new PDFRenderer(pdf).renderImageWithDPI(11, 100, ImageType.GRAY)).getText())
				.isEqualTo(codes.get(11).url());
		}
	}

	private static void assertSize(PDPage page, PDRectangle expected, float widthMm, float heightMm) {
		assertThat(page.getMediaBox().getWidth()).isCloseTo(expected.getWidth(), within(0.01f));
		assertThat(page.getMediaBox().getHeight()).isCloseTo(expected.getHeight(), within(0.01f));
		assertThat(page.getMediaBox().getWidth() / 72 * 25.4f).isCloseTo(widthMm, within(0.5f));
		assertThat(page.getMediaBox().getHeight() / 72 * 25.4f).isCloseTo(heightMm, within(0.5f));
	}

	/**
	 * Renders the page with PDFBox, reads the code, and measures it from the finder
	 * patterns ZXing found: their centres are 3.5 modules in from the symbol's edges.
	 */
	private static void assertReadableAndWide(byte[] poster, String url, float minimumMm) throws IOException {
		try (PDDocument pdf = Loader.loadPDF(poster)) {
			BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, DPI, ImageType.GRAY);
			Result result = QrCodes.read(page);
			assertThat(result.getText()).isEqualTo(url);
			int modules = QrSymbol.encode(url).modules();
			ResultPoint[] points = result.getResultPoints();
			// bottom-left, top-left, top-right finder centres
			float centresPx = (float) Math.hypot(points[2].getX() - points[1].getX(),
					points[2].getY() - points[1].getY());
			float widthMm = centresPx / (modules - 7) * modules / DPI * 25.4f;
			assertThat(widthMm).isGreaterThanOrEqualTo(minimumMm);
		}
	}

}
