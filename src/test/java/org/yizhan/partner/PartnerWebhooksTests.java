package org.yizhan.partner;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yizhan.station.DelistingReason;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.yizhan.support.HttpCaller.ok;

/**
 * Webhooks to a partner's server (a local one here): a suspension and a delisting of a
 * programme's station each reach it signed with the partner's secret and carrying an
 * idempotency id; a delivery the server fails is retried after its pause with the same
 * id, which the server applies once; nothing else is sent before its time; and no webhook
 * goes out for a station in no programme.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@ExtendWith(ActingAsNationalAdmin.class)
class PartnerWebhooksTests {

	@LocalServerPort
	int port;

	@Autowired
	StationRegistry registry;

	@Autowired
	PartnerWebhooks webhooks;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	private HttpServer server;

	@AfterEach
	void stop() {
		this.clock.reset();
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	/**
	 * The partner's receiving side, as its documentation would have it: refuses a request
	 * whose signature does not match or whose time is more than five minutes off, and
	 * applies each delivery id once.
	 */
	static final class Receiver {

		final String secret;

		final Deque<Integer> answers = new ArrayDeque<>();

		final List<String> received = new ArrayList<>();

		final Set<String> applied = new LinkedHashSet<>();

		final List<String> bodies = new ArrayList<>();

		Instant now = Instant.now();

		int refused;

		Receiver(String secret) {
			this.secret = secret;
		}

		synchronized void handle(HttpExchange exchange) throws IOException {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String delivery = exchange.getRequestHeaders().getFirst("X-Yizhan-Delivery");
			String signature = exchange.getRequestHeaders().getFirst("X-Yizhan-Signature");
			int status;
			if (signature == null || delivery == null || !signature.matches("t=\\d+,v1=[0-9a-f]{64}")) {
				status = 401;
				this.refused++;
			}
			else {
				long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
				boolean fresh = Math.abs(t - this.now.getEpochSecond()) <= 300;
				if (!fresh || !signature.equals(PartnerWebhooks.signature(this.secret, t, body))) {
					status = 401;
					this.refused++;
				}
				else {
					this.received.add(delivery);
					status = this.answers.isEmpty() ? 200 : this.answers.poll();
					if (status == 200 && this.applied.add(delivery)) {
						this.bodies.add(body);
					}
				}
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		}

	}

	@Test
	void suspensionAndDelistingReachThePartnerSignedRetriedAndAppliedOnce() throws IOException {
		HttpCaller cityAdmin = HttpCaller.basic(this.port, "hangzhou-admin", TestAccounts.DEMO_PASSWORD);
		String suffix = String.valueOf(System.nanoTime());
		long partner = JsonPath
			.parse(ok(cityAdmin.postJson("/api/v1/partners",
					"{\"name\":\"推送平台" + suffix + "\",\"kind\":\"PLATFORM\",\"union\":\"330100\"}")))
			.read("$.id", Long.class);
		long programme = JsonPath.parse(ok(cityAdmin.postJson("/api/v1/programmes",
				"{\"name\":\"推送计划" + suffix + "\",\"union\":\"330100\",\"targetCount\":10,\"startsOn\":\""
						+ LocalDate.now().minusMonths(1) + "\",\"endsOn\":\"" + LocalDate.now().plusMonths(11)
						+ "\"}")))
			.read("$.id", Long.class);
		ok(cityAdmin.sendJson("PUT", "/api/v1/partner-programmes/" + programme + "/partners/" + partner, "{}"));
		Station station = TestStations.listed(this.registry, "推送驿站" + suffix, "西湖区推送路1号", "330106", 30.281, 120.131,
				"TOILET");
		Station outside = TestStations.listed(this.registry, "计划外驿站" + suffix, "西湖区推送路2号", "330106", 30.282, 120.132,
				"TOILET");
		ok(cityAdmin.postJson("/api/v1/partner-programmes/" + programme + "/stations",
				"{\"stationId\":" + station.id().value() + "}"));

		String username = "push-admin-" + suffix;
		String created = ok(cityAdmin.postJson("/api/v1/accounts", "{\"username\":\"" + username
				+ "\",\"displayName\":\"推送平台管理员\",\"organization\":\"330100\",\"roles\":[\"PARTNER_ADMIN\"]}"));
		String oneTime = JsonPath.read(created, "$.oneTimePassword");
		ok(HttpCaller.basic(this.port, username, oneTime)
			.postJson("/api/v1/me/password",
					"{\"currentPassword\":\"" + oneTime + "\",\"newPassword\":\"" + TestAccounts.PASSWORD + "\"}"));
		ok(cityAdmin.postJson("/api/v1/partners/" + partner + "/accounts",
				"{\"accountId\":" + JsonPath.parse(created).read("$.account.id", Long.class) + "}"));
		HttpCaller partnerAdmin = HttpCaller.basic(this.port, username, TestAccounts.PASSWORD);

		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		String url = "http://127.0.0.1:" + this.server.getAddress().getPort() + "/yizhan";
		// only https, or loopback where allowed; the address is checked, the secret shown
		// once
		assertThat(partnerAdmin.sendJson("PUT", "/api/v1/partners/" + partner + "/webhook", "{\"url\":\"ftp://x\"}")
			.statusCode()).isEqualTo(400);
		String secret = JsonPath.read(ok(
				partnerAdmin.sendJson("PUT", "/api/v1/partners/" + partner + "/webhook", "{\"url\":\"" + url + "\"}")),
				"$.secret");
		Receiver receiver = new Receiver(secret);
		receiver.answers.add(500);
		this.server.createContext("/yizhan", receiver::handle);
		this.server.start();

		this.registry.suspend(station.id(), null, "装修", LocalDate.now().plusMonths(1));
		this.registry.suspend(outside.id(), null, "装修", LocalDate.now().plusMonths(1));
		await().atMost(Duration.ofSeconds(60)).until(() -> deliveries(partner) == 1);

		receiver.now = this.clock.instant();
		this.webhooks.sendDue();
		assertThat(receiver.received).hasSize(1);
		assertThat(receiver.applied).as("the server failed it").isEmpty();
		this.webhooks.sendDue();
		assertThat(receiver.received).as("not due again before its pause").hasSize(1);

		this.clock.advance(PartnerWebhooks.PAUSES.get(0).plusSeconds(1));
		receiver.now = this.clock.instant();
		this.webhooks.sendDue();
		assertThat(receiver.received).hasSize(2);
		assertThat(receiver.received.get(1)).as("a retry repeats the idempotency id")
			.isEqualTo(receiver.received.get(0));
		assertThat(receiver.applied).hasSize(1);
		assertThat(receiver.refused).isZero();
		assertThat(JsonPath.<String>read(receiver.bodies.get(0), "$.kind")).isEqualTo("SUSPENDED");
		assertThat(JsonPath.<String>read(receiver.bodies.get(0), "$.stationCode")).isEqualTo(station.code().value());

		this.registry.delist(station.id(), null, DelistingReason.CLOSED, "门店关闭");
		await().atMost(Duration.ofSeconds(60)).until(() -> deliveries(partner) == 2);
		this.webhooks.sendDue();
		assertThat(receiver.applied).hasSize(2);
		assertThat(JsonPath.<String>read(receiver.bodies.get(1), "$.kind")).isEqualTo("DELISTED");
		this.clock.advance(Duration.ofDays(2));
		receiver.now = this.clock.instant();
		this.webhooks.sendDue();
		assertThat(receiver.received).as("an acknowledged delivery is not sent again").hasSize(3);
		assertThat(this.jdbc
			.sql("select count(*) from partner_webhook_delivery where partner_id = :partner"
					+ " and delivered_at is not null")
			.param("partner", partner)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private long deliveries(long partner) {
		return this.jdbc.sql("select count(*) from partner_webhook_delivery where partner_id = :partner")
			.param("partner", partner)
			.query(Long.class)
			.single();
	}

}
