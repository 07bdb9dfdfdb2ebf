package org.yizhan.notification;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.ticket.ProblemTickets;
import org.yizhan.station.StationTokens;
import org.yizhan.ticket.TicketFixtures;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationResponsibilities;
import org.yizhan.support.ActingAsNationalAdmin;

import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One public address: with {@code yizhan.public-base-url} set (and no
 * {@code yizhan.notifications.console-url}), a reporter's status URL and the links in
 * notification mail start where the QR codes lead, whatever host a request named. The
 * properties are those of {@code QrApiTests}, so both share one application context.
 */
@SpringBootTest(properties = { "yizhan.public-base-url=https://yizhan.example.cn/", "yizhan.rating.qr.bulk-limit=500" })
@AutoConfigureMockMvc
@ExtendWith(ActingAsNationalAdmin.class)
class PublicAddressTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Test
	void aReportsStatusUrlStartsWithThePublicBaseWhateverHostTheRequestNamed(@Autowired StationRegistry registry,
			@Autowired StationResponsibilities responsibilities, @Autowired ProblemTickets tickets,
			@Autowired StationTokens tokens) throws Exception {
		TicketFixtures fixtures = TicketFixtures.of(context);
		Station station = fixtures.listedStation("330106");

		MvcResult created = mvc.perform(post("/api/v1/problems").with(request -> {
			request.setServerName("10.0.0.7");
			request.setServerPort(8080);
			request.setRemoteAddr("10.78.0.1");
			return request;
		})
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":\"" + fixtures.token(station) + "\",\"problem\":\"MISSING_SUPPLIES\"}")).andReturn();

		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		String number = JsonPath.read(created.getResponse().getContentAsString(), "$.number");
		assertThat(JsonPath.<String>read(created.getResponse().getContentAsString(), "$.statusUrl"))
			.isEqualTo("https://yizhan.example.cn/p/" + number);
	}

	@Test
	void mailLinksStartWithThePublicBaseWhenNoConsoleUrlIsSet(@Autowired MailComposer composer) {
		NotificationStore.PendingMail mail = new NotificationStore.PendingMail(1, 42, 7, 0, "新工单",
				List.of(new NoticeSection("工单",
						List.of(new NoticeLine("K7QM-4XT9-PR2H", "/console/tickets/K7QM-4XT9-PR2H")))),
				"/console/tickets/K7QM-4XT9-PR2H");

		String text = composer.plainText(mail);

		assertThat(text).contains("https://yizhan.example.cn/console/tickets/K7QM-4XT9-PR2H",
				"https://yizhan.example.cn/console/notifications/42");
		assertThat(composer.html(mail)).contains("href=\"https://yizhan.example.cn/console/tickets/K7QM-4XT9-PR2H\"");
	}

	@Test
	void theConsoleUrlWinsOverThePublicBaseAndWithNeitherTheConsoleIsLocal() {
		assertThat(MailComposer.consoleUrl("https://console.example.cn/", "https://yizhan.example.cn"))
			.isEqualTo("https://console.example.cn");
		assertThat(MailComposer.consoleUrl(" ", "https://yizhan.example.cn/")).isEqualTo("https://yizhan.example.cn");
		assertThat(MailComposer.consoleUrl(null, null)).isEqualTo("http://localhost:8080");
		assertThat(MailComposer.consoleUrl("", "")).isEqualTo("http://localhost:8080");
	}

}
