package org.yizhan.station.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.station.photo.PhotoDecodeSlots;
import org.yizhan.station.photo.PhotoProcessor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.yizhan.station.web.StationRequestBuilder.aStation;

/**
 * A photo upload must not stall the API (issue 22, 1): what can be refused from the
 * header is refused before any pixel is decoded, decoding holds no database connection,
 * and only a bounded number of decodes run at once.
 */
@SpringBootTest(properties = { "yizhan.photos.concurrent-decodes=2", "yizhan.photos.decode-wait=0s" })
@AutoConfigureMockMvc
class StationPhotoTests {

	private static final String STATIONS = "/api/v1/stations";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PhotoDecodeSlots slots;

	@MockitoSpyBean
	PhotoProcessor processor;

	private final AtomicInteger decodes = new AtomicInteger();

	private final AtomicInteger decodesInATransaction = new AtomicInteger();

	@BeforeEach
	void watchDecoding() {
		doAnswer(invocation -> {
			this.decodes.incrementAndGet();
			// a transaction, or a connection bound to the thread, while decoding
			if (TransactionSynchronizationManager.isActualTransactionActive()
					|| !TransactionSynchronizationManager.getResourceMap().isEmpty()) {
				this.decodesInATransaction.incrementAndGet();
			}
			return invocation.callRealMethod();
		}).when(this.processor).process(any());
	}

	@Test
	void aSixteenBitPngOfFortyMegapixelsIsRefusedFromItsHeaderAtOnce() throws Exception {
		long id = createStation();
		// 6324 x 6324 at 16-bit RGBA: 320 MB once decoded, under 40 MP, a few KB here.
		byte[] png = StationPhotoTestImages.png(6324, 6324, 16, 6, 4);

		long started = System.nanoTime();
		MvcResult result = upload(id, png);
		long millis = (System.nanoTime() - started) / 1_000_000;

		assertProblem(result, 413, "照片每个颜色通道不能超过 8 位");
		assertThat(json(result).read("$.errors[0].field", String.class)).isEqualTo("file");
		assertThat(millis).as("refused from the header, not after decoding").isLessThan(1000);
		assertThat(photosOf(id)).isZero();
		assertThat(this.slots.available()).isEqualTo(this.slots.size());
	}

	@Test
	void aSmallSixteenBitPngIsRefusedTooInEnglish() throws Exception {
		long id = createStation();

		MvcResult result = send(multipart(STATIONS + "/" + id + "/photos")
			.file(new MockMultipartFile("file", "deep.png", "image/png", StationPhotoTestImages.png(32, 32, 16, 2, 3)))
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en"));

		assertProblem(result, 413, "more than 8 bits per colour channel");
		assertThat(photosOf(id)).isZero();
	}

	@Test
	void anEightBitPngIsStillAccepted() throws Exception {
		long id = createStation();

		MvcResult result = upload(id, StationPhotoTestImages.png(32, 32, 8, 6, 4));

		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(201);
		assertThat(photosOf(id)).isEqualTo(1);
	}

	@Test
	void decodingHappensOutsideAnyTransaction() throws Exception {
		long id = createStation();

		MvcResult result = upload(id, StationPhotoTestImages.jpeg(640, 480));

		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(201);
		assertThat(this.decodes).hasValue(1);
		assertThat(this.decodesInATransaction).as("decodes while a transaction holds a connection").hasValue(0);
		assertThat(photosOf(id)).isEqualTo(1);
	}

	@Test
	void whenEveryDecodingSlotIsTakenAnUploadIsA503WithRetryAfterAndNothingChanges() throws Exception {
		long id = createStation();
		takeAllSlots();
		try {
			MvcResult result = upload(id, StationPhotoTestImages.jpeg(64, 48));

			assertProblem(result, 503, "正在处理的照片较多，请稍后再上传");
			assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
			assertThat(photosOf(id)).isZero();
		}
		finally {
			giveAllSlotsBack();
		}
		assertThat(upload(id, StationPhotoTestImages.jpeg(64, 48)).getResponse().getStatus()).isEqualTo(201);
	}

	@Test
	void theTenthPhotoIsRefusedBeforeAnythingIsDecoded() throws Exception {
		long id = createStation();
		for (int i = 0; i < 9; i++) {
			assertThat(upload(id, StationPhotoTestImages.jpeg(16 + i, 16)).getResponse().getStatus()).isEqualTo(201);
		}
		this.decodes.set(0);
		takeAllSlots();
		try {
			MvcResult tenth = upload(id, StationPhotoTestImages.jpeg(64, 48));

			assertProblem(tenth, 400, "每个驿站最多 9 张照片");
			assertThat(this.decodes).as("decoded before counting").hasValue(0);
		}
		finally {
			giveAllSlotsBack();
		}
		assertThat(photosOf(id)).isEqualTo(9);
	}

	@Test
	void aStaleVersionIsRefusedBeforeAnythingIsDecoded() throws Exception {
		long id = createStation();
		this.decodes.set(0);

		MvcResult stale = send(multipart(STATIONS + "/" + id + "/photos")
			.file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", StationPhotoTestImages.jpeg(64, 48)))
			.header(HttpHeaders.IF_MATCH, "\"7\""));

		assertThat(stale.getResponse().getStatus()).isEqualTo(409);
		assertThat(this.decodes).hasValue(0);
	}

	private void takeAllSlots() {
		for (int i = 0; i < this.slots.size(); i++) {
			assertThat(this.slots.tryAcquire()).isTrue();
		}
	}

	private void giveAllSlotsBack() {
		for (int i = 0; i < this.slots.size(); i++) {
			this.slots.release();
		}
	}

	private long createStation() throws Exception {
		MvcResult result = send(post(STATIONS).contentType(MediaType.APPLICATION_JSON).content(aStation().toJson()));
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(201);
		return json(result).read("$.id", Long.class);
	}

	private MvcResult upload(long id, byte[] bytes) throws Exception {
		return send(multipart(STATIONS + "/" + id + "/photos")
			.file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", bytes)));
	}

	private MvcResult send(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return this.mvc.perform(request.with(httpBasic("admin", "test-admin-secret"))).andReturn();
	}

	private long photosOf(long id) {
		return this.jdbc.sql("select count(*) from station_photo where station_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	private static void assertProblem(MvcResult result, int status, String detail) throws Exception {
		assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(status);
		assertThat(MediaType.parseMediaType(result.getResponse().getContentType())
			.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as("problem+json").isTrue();
		assertThat(json(result).read("$.detail", String.class)).contains(detail);
	}

	private static DocumentContext json(MvcResult result) {
		return JsonPath.parse(body(result));
	}

	private static String body(MvcResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
