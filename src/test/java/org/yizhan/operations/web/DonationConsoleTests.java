package org.yizhan.operations.web;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.yizhan.platform.DataImports;
import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Station;
import org.yizhan.station.StationTokens;
import org.yizhan.support.HttpCaller;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestAccounts;
import org.yizhan.ticket.TicketFixtures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The station master's pages of donated goods and coupons and the worker's coupon pages
 * behind the QR code, over real HTTP with a console session: a refused form answers at
 * its own address naming the field (ADR 0022), a donation and its claims, a coupon
 * offered and redeemed once by a phone; and the demo's generated donations and coupons,
 * written in a transaction that is rolled back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class DonationConsoleTests {

	private static final Pattern COUPON_FORM = Pattern.compile("action=\"/v/[^\"]+/coupons/(\\d+)\"");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	StationTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataImports imports;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Clock clock;

	@Test
	void aStationMasterRecordsADonationAndItsClaimsAndAWorkerRedeemsACouponOnce() throws Exception {
		TicketFixtures fixtures = TicketFixtures.of(context);
		Station station = fixtures.listedStation("330106");
		TicketFixtures.Person master = fixtures.account("330106", List.of("STATION_MASTER"), station);
		HttpCaller console = HttpCaller.console(port, master.username(), TestAccounts.PASSWORD);
		String page = "/console/stations/" + station.id().value() + "/donations";
		String today = LocalDate.now(clock.withZone(YizhanTime.ZONE)).toString();

		HttpResponse<String> refused = console.postForm(page,
				Map.of("donorKind", "COMPANY", "donor", "顺丰", "name", "矿泉水", "unit", "瓶", "quantity", "0"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"donation-form\"").contains("数量").contains("value=\"顺丰\"");

		HttpResponse<String> recorded = console.postForm(page,
				Map.of("donorKind", "COMPANY", "donor", "顺丰", "name", "矿泉水", "unit", "瓶", "quantity", "24"));
		assertThat(recorded.statusCode()).isEqualTo(302);
		long donation = jdbc.sql("select id from donation where station_id = ? and name = '矿泉水'")
			.param(station.id().value())
			.query(Long.class)
			.single();
		assertThat(console
			.postForm("/console/donations/" + donation + "/claims",
					Map.of("claims", "5", "station", String.valueOf(station.id().value())))
			.statusCode()).isEqualTo(302);
		assertThat(console.get(page).body()).contains("已领 5 / 24");

		String coupons = "/console/stations/" + station.id().value() + "/coupons";
		assertThat(console
			.postForm(coupons,
					Map.of("funder", "怡宝爱心基金", "title", "冰镇饮料一瓶", "startsOn", today, "endsOn", today, "total", "50"))
			.statusCode()).isEqualTo(302);
		assertThat(console.get(coupons).body()).contains("冰镇饮料一瓶").contains("今天 0 次");

		HttpCaller phone = HttpCaller.console(port, null, null);
		String token = tokens.issue(station.id());
		phone.get("/r/" + token);
		HttpResponse<String> list = phone.postForm("/v/" + token + "/coupons", Map.of());
		assertThat(list.statusCode()).isEqualTo(200);
		Matcher form = COUPON_FORM.matcher(list.body());
		assertThat(form.find()).as("the coupon's button").isTrue();
		HttpResponse<String> redeemed = phone.postForm("/v/" + token + "/coupons/" + form.group(1), Map.of());
		assertThat(redeemed.statusCode()).isEqualTo(201);
		assertThat(redeemed.body()).contains("已领取：冰镇饮料一瓶");
		HttpResponse<String> again = phone.postForm("/v/" + token + "/coupons/" + form.group(1), Map.of());
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("今天已经领过");
		assertThat(console.get(coupons).body()).contains("今天 1 次");
	}

	@Test
	void theDemoCityGetsLabelledDonationsWithClaimsAndRunningCoupons() {
		transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			int donations = new org.yizhan.operations.DemoDonationsAccess(jdbc, imports, transaction, clock).generate();
			assertThat(donations).as("about one in five of the demo city's listed stations").isBetween(80, 300);
			assertThat(jdbc.sql("select count(*) from donation where recorded_by = '演示数据' and claimed > quantity")
				.query(Long.class)
				.single()).isZero();
			assertThat(jdbc
				.sql("""
						select count(*) from donation d where d.recorded_by = '演示数据'
						  and d.claimed <> coalesce((select sum(c.claims) from donation_claim c where c.donation_id = d.id), 0)""")
				.query(Long.class)
				.single()).as("a donation's claims are its batches'").isZero();
			assertThat(jdbc.sql("""
					select count(*) from coupon c where c.created_by = '演示数据'
					  and c.redeemed <> (select sum(t.redeemed) from coupon_day t where t.coupon_id = c.id)""")
				.query(Long.class)
				.single()).as("a coupon's redemptions are its days'").isZero();
			assertThat(jdbc.sql("select count(*) from coupon where created_by = '演示数据'").query(Long.class).single())
				.isPositive();
		});
	}

}
