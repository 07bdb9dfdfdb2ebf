package org.yizhan.finder.web;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.finder.StationFinder;
import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The public pages show listed stations only: a draft, a delisted station or a made-up id
 * is "not found", and so are their photos.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class PublicPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	StationRegistry registry;

	@Autowired
	StationFinder finder;

	@Test
	void theFinderPageIsPublicAndServedAtTheRoot() throws Exception {
		MvcResult page = mvc.perform(get("/")).andReturn();

		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("id=\"finder\"", "/js/finder.js",
				"data-amenity=\"TOILET\"");
	}

	@Test
	void aListedStationHasAPublicPageWithItsPhoto() throws Exception {
		Station station = registry.addPhoto(draft("公开页驿站").id(), null, jpeg());
		Station listed = registry.list(station.id(), null);
		awaitIndexed(listed);
		long photoId = listed.photos().get(0).id();

		MvcResult page = mvc.perform(get("/stations/" + listed.id())).andReturn();
		MvcResult photo = mvc.perform(get("/stations/" + listed.id() + "/photos/" + photoId).param("thumbnail", "true"))
			.andReturn();

		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains(listed.details().name(), "week-hours",
				"uri.amap.com", "tel:0571-64810000");
		assertThat(photo.getResponse().getStatus()).isEqualTo(200);
		assertThat(photo.getResponse().getContentType()).isEqualTo(MediaType.IMAGE_JPEG_VALUE);
	}

	@Test
	void aStationThatIsNotListedHasNoPublicPage() throws Exception {
		Station draft = draft("草稿驿站");

		for (String path : List.of("/stations/" + draft.id(), "/stations/987654321", "/stations/abc")) {
			MvcResult page = mvc.perform(get(path)).andReturn();
			assertThat(page.getResponse().getStatus()).as(path).isEqualTo(404);
			assertThat(page.getResponse().getContentAsString()).as(path)
				.contains("该驿站不存在或暂未开放")
				.doesNotContain(draft.details().name());
		}
	}

	@Test
	void thePhotosOfADraftStationAreNotPublic() throws Exception {
		Station draft = registry.addPhoto(draft("草稿照片驿站").id(), null, jpeg());
		long photoId = draft.photos().get(0).id();

		MvcResult photo = mvc.perform(get("/stations/" + draft.id() + "/photos/" + photoId)).andReturn();
		MvcResult thumbnail = mvc
			.perform(get("/stations/" + draft.id() + "/photos/" + photoId).param("thumbnail", "true"))
			.andReturn();

		assertThat(photo.getResponse().getStatus()).isEqualTo(404);
		assertThat(thumbnail.getResponse().getStatus()).isEqualTo(404);
		assertThat(photo.getResponse().getContentType()).doesNotContain("image");
	}

	private Station draft(String name) {
		return registry.create(new StationInput(name + UUID.randomUUID().toString().substring(0, 6), "杭州市淳安县", "330127",
				"测试单位", "OTHER", 29.90, 118.50, "wgs84", null, null, List.of("TOILET"), "24/7", null, null, false,
				"0571-64810000", "说明", null, null));
	}

	private void awaitIndexed(Station station) throws InterruptedException {
		for (int i = 0; i < 100 && finder.findById(station.id().value()).isEmpty(); i++) {
			Thread.sleep(50);
		}
		assertThat(finder.findById(station.id().value())).as("indexed").isPresent();
	}

	private static byte[] jpeg() throws IOException {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(0, 0, 64, 48);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

}
