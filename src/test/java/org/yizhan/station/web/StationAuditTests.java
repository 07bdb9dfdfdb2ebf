package org.yizhan.station.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.Test;

import org.yizhan.support.MvcCalls;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.yizhan.station.web.StationRequestBuilder.aStation;
import static org.yizhan.support.MvcCalls.json;

/**
 * Every change to a station through the API leaves exactly one audit entry, written with
 * the change; a refused change leaves none.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StationAuditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSuspendLeavesExactlyOneEntryWithWhoWhatBeforeAndAfter() throws Exception {
		DocumentContext station = json(send(post("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
			.content(aStation().name("审计暂停驿站").toJson()), 201));
		long id = station.read("$.id", Long.class);
		String code = station.read("$.code");
		send(post("/api/v1/stations/" + id + "/list"), 200);

		send(post("/api/v1/stations/" + id + "/suspend").contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"站内装修\",\"expectedReopening\":\"" + LocalDate.now().plusDays(20) + "\"}"), 200);

		assertThat(actions(code)).containsExactly("station.create", "station.list", "station.suspend");
		var entry = jdbc.sql("""
				select username, roles, target_organization_code, before_summary, after_summary, client_address
				from audit_entry where target_id = :code and action = 'station.suspend'
				""").param("code", code).query().singleRow();
		assertThat(entry).containsEntry("username", "admin")
			.containsEntry("roles", "AUDITOR,FINANCE,INSPECTOR,ORG_ADMIN,REVIEWER")
			.containsEntry("target_organization_code", "330106")
			.containsEntry("client_address", "127.0.0.1");
		assertThat((String) entry.get("before_summary")).startsWith("status=LISTED; name=审计暂停驿站");
		assertThat((String) entry.get("after_summary")).startsWith("status=SUSPENDED")
			.contains("suspensionReason=站内装修");
	}

	@Test
	void aRefusedChangeLeavesNoEntry() throws Exception {
		DocumentContext station = json(send(post("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
			.content(aStation().name("审计拒绝驿站").toJson()), 201));
		long id = station.read("$.id", Long.class);
		String code = station.read("$.code");

		// A draft cannot be suspended, and a stale version cannot be revised.
		send(post("/api/v1/stations/" + id + "/suspend").contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"装修\",\"expectedReopening\":\"" + LocalDate.now().plusDays(20) + "\"}"), 409);
		send(put("/api/v1/stations/" + id).header("If-Match", "\"7\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(aStation().name("改名").toJson()), 409);

		assertThat(actions(code)).containsExactly("station.create");
	}

	@Test
	void aRevisionNamesTheFieldsThatChangedWithTheirValuesBeforeAndAfter() throws Exception {
		DocumentContext station = json(send(post("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
			.content(aStation().name("审计修改驿站").toJson()), 201));
		long id = station.read("$.id", Long.class);
		String code = station.read("$.code");

		send(put("/api/v1/stations/" + id).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(aStation().name("审计修改驿站（新）").with("openingHours", "24/7").toJson()), 200);

		String after = jdbc
			.sql("select after_summary from audit_entry where target_id = :code and action = 'station.revise'")
			.param("code", code)
			.query(String.class)
			.single();
		assertThat(after).contains("name=审计修改驿站（新）").endsWith("changed=name, openingHours");
		assertThat(after).contains("; openingHours=24/7; changed=");
		String before = jdbc
			.sql("select before_summary from audit_entry where target_id = :code and action = 'station.revise'")
			.param("code", code)
			.query(String.class)
			.single();
		assertThat(before).contains("name=审计修改驿站").containsPattern("; openingHours=(?!24/7)\\S");
	}

	@Test
	void addingAndRemovingAPhotoAreAudited() throws Exception {
		DocumentContext station = json(send(post("/api/v1/stations").contentType(MediaType.APPLICATION_JSON)
			.content(aStation().name("审计照片驿站").toJson()), 201));
		long id = station.read("$.id", Long.class);
		String code = station.read("$.code");
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);

		DocumentContext withPhoto = json(send(multipart("/api/v1/stations/" + id + "/photos")
			.file(new MockMultipartFile("file", "front.png", "image/png", png.toByteArray())), 201));
		long photoId = withPhoto.read("$.photos[0].id", Long.class);
		send(delete("/api/v1/stations/" + id + "/photos/" + photoId), 200);

		assertThat(actions(code)).containsExactly("station.create", "station.addPhoto", "station.removePhoto");
		String removed = jdbc
			.sql("select after_summary from audit_entry where target_id = :code and action = 'station.removePhoto'")
			.param("code", code)
			.query(String.class)
			.single();
		assertThat(removed).contains("photos=0").endsWith("removedPhoto=" + photoId);
	}

	private java.util.List<String> actions(String code) {
		return jdbc.sql("select action from audit_entry where target_id = :code order by id")
			.param("code", code)
			.query(String.class)
			.list();
	}

	private MvcResult send(AbstractMockHttpServletRequestBuilder<?> request, int expectedStatus) throws Exception {
		return MvcCalls.expect(mvc, request.with(MvcCalls.asAdmin()), expectedStatus);
	}

}
