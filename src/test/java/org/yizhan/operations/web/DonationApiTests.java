package org.yizhan.operations.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.platform.YizhanTime;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationTokens;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Donated goods and coupons over real HTTP (issue 17, item 5): claims counted and never
 * more than were given; a coupon redeemed once per phone and day, a second try refused
 * and not counted, the next day counted again, never past its total, never with another
 * station's code; the union's figures summing donations by donor kind and redemptions by
 * funder. Each test works in a district of Shenzhen where no other test keeps donations.
 */
@ExtendWith(ActingAsNationalAdmin.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class DonationApiTests {

	/** 深圳市南山区 and 宝安区. */
	static final String NANSHAN = "440305";

	static final String BAOAN = "440306";

	@LocalServerPort
	int port;

	@Autowired
	StationRegistry registry;

	@Autowired
	StationTokens tokens;

	@Autowired
	MutableClock clock;

	HttpCaller admin;

	HttpCaller worker;

	@BeforeEach
	void setUp() {
		admin = HttpCaller.basic(port, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
		worker = HttpCaller.anonymous(port);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private Station station(String district, String name) {
		ActingAsNationalAdmin.signIn();
		return TestStations.listed(registry, name, "深圳市测试路 2 号", district, 22.5333, 113.9305);
	}

	private static String field(HttpResponse<String> answer) {
		return JsonPath.read(answer.body(), "$.errors[0].field");
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(YizhanTime.ZONE));
	}

	private long coupon(Station station, String funder, String title, int total) {
		return JsonPath
			.parse(HttpCaller.ok(admin.postJson("/api/v1/stations/" + station.id().value() + "/coupons",
					"{\"funder\":\"" + funder + "\",\"title\":\"" + title + "\",\"startsOn\":\"" + today()
							+ "\",\"endsOn\":\"" + today().plusDays(6) + "\",\"total\":" + total + "}")))
			.read("$.id", Long.class);
	}

	private HttpResponse<String> redeem(long coupon, Station station, String device) {
		return worker.postJson("/api/v1/coupons/" + coupon + "/redemptions",
				"{\"token\":\"" + tokens.issue(station.id()) + "\",\"deviceId\":\"" + device + "\"}");
	}

	private static String device() {
		return "phone-" + UUID.randomUUID().toString().replace("-", "");
	}

	@Test
	void claimsAreCountedAndNeverPassWhatWasGiven() {
		Station station = station(NANSHAN, "南山捐赠测试驿站");
		String path = "/api/v1/stations/" + station.id().value() + "/donations";

		assertThat(field(admin.postJson(path,
				"{\"donorKind\":\"COMPANY\",\"donor\":\"顺丰\",\"name\":\"矿泉水\",\"unit\":\"瓶\",\"quantity\":0}")))
			.isEqualTo("quantity");
		assertThat(field(admin.postJson(path,
				"{\"donorKind\":\"NEIGHBOUR\",\"donor\":\"顺丰\",\"name\":\"矿泉水\",\"unit\":\"瓶\",\"quantity\":3}")))
			.isEqualTo("donorKind");
		assertThat(
				field(admin.postJson(path,
						"{\"donorKind\":\"COMPANY\",\"donor\":\"顺丰\",\"name\":\"矿泉水\",\"unit\":\"瓶\","
								+ "\"quantity\":3,\"donatedOn\":\"" + today().plusDays(1) + "\"}")))
			.isEqualTo("donatedOn");
		long water = JsonPath
			.parse(HttpCaller.ok(admin.postJson(path,
					"{\"donorKind\":\"COMPANY\",\"donor\":\"顺丰\",\"name\":\"矿泉水\",\"unit\":\"瓶\",\"quantity\":24}")))
			.read("$.id", Long.class);

		DocumentContext after = JsonPath
			.parse(HttpCaller.ok(admin.postJson("/api/v1/donations/" + water + "/claims", "{\"claims\":20}")));
		assertThat(after.read("$.claimed", Integer.class)).isEqualTo(20);
		assertThat(after.read("$.remaining", Integer.class)).isEqualTo(4);
		HttpResponse<String> tooMany = admin.postJson("/api/v1/donations/" + water + "/claims", "{\"claims\":5}");
		assertThat(tooMany.statusCode()).isEqualTo(409);
		assertThat(tooMany.body()).contains("矿泉水").contains("4");
		assertThat(field(admin.postJson("/api/v1/donations/" + water + "/claims", "{\"claims\":0}")))
			.isEqualTo("claims");
		assertThat(JsonPath.<Integer>read(HttpCaller.ok(admin.get(path)), "$[0].claimed")).as("nothing counted twice")
			.isEqualTo(20);

		DocumentContext figures = JsonPath
			.parse(HttpCaller.ok(admin.get("/api/v1/donations/figures?union=" + NANSHAN)));
		assertThat(figures.read("$.donors[0].kind", String.class)).isEqualTo("COMPANY");
		assertThat(figures.read("$.donors[0].donated", Long.class)).isEqualTo(24);
		assertThat(figures.read("$.donors[0].claimed", Long.class)).isEqualTo(20);
	}

	@Test
	void aPhoneRedeemsACouponOnceADayAndEachRedemptionCountsForTheFunder() {
		Station station = station(BAOAN, "宝安优惠券测试驿站");
		Station other = station(BAOAN, "宝安另一个测试驿站");
		long drink = coupon(station, "怡宝爱心基金", "冰镇饮料一瓶", 3);
		String phone = device();

		assertThat(redeem(drink, station, phone).statusCode()).isEqualTo(201);
		HttpResponse<String> again = redeem(drink, station, phone);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("今天已经领过");
		assertThat(field(redeem(drink, other, device()))).as("another station's code").isEqualTo("token");
		assertThat(field(redeem(drink, station, "short"))).isEqualTo("deviceId");
		assertThat(redeem(drink, station, device()).statusCode()).isEqualTo(201);

		clock.advance(Duration.ofDays(1));
		assertThat(redeem(drink, station, phone).statusCode()).as("the same phone the next day").isEqualTo(201);
		HttpResponse<String> usedUp = redeem(drink, station, device());
		assertThat(usedUp.statusCode()).isEqualTo(409);
		assertThat(usedUp.body()).contains("领完");

		DocumentContext coupons = JsonPath
			.parse(HttpCaller.ok(admin.get("/api/v1/stations/" + station.id().value() + "/coupons")));
		assertThat(coupons.read("$[0].redeemed", Integer.class)).isEqualTo(3);
		assertThat(coupons.read("$[0].redeemedToday", Integer.class)).isEqualTo(1);
		DocumentContext figures = JsonPath.parse(HttpCaller.ok(admin
			.get("/api/v1/donations/figures?union=" + BAOAN + "&from=" + today().minusDays(1) + "&to=" + today())));
		assertThat(figures.read("$.funders[0].funder", String.class)).isEqualTo("怡宝爱心基金");
		assertThat(figures.read("$.funders[0].redeemed", Long.class)).isEqualTo(3);

		clock.advance(Duration.ofDays(6));
		HttpResponse<String> ended = redeem(drink, station, device());
		assertThat(ended.statusCode()).isEqualTo(409);
		assertThat(ended.body()).contains("结束");
	}

	@Test
	void aCouponStartingInThePastOrWithoutATotalIsRefusedNamingTheField() {
		Station station = station(BAOAN, "宝安优惠券校验驿站");
		String path = "/api/v1/stations/" + station.id().value() + "/coupons";
		assertThat(field(admin.postJson(path, "{\"funder\":\"某公司\",\"title\":\"饮料\",\"startsOn\":\""
				+ today().minusDays(1) + "\",\"endsOn\":\"" + today() + "\",\"total\":5}")))
			.isEqualTo("startsOn");
		assertThat(field(admin.postJson(path, "{\"funder\":\"某公司\",\"title\":\"饮料\",\"startsOn\":\"" + today()
				+ "\",\"endsOn\":\"" + today() + "\"}")))
			.isEqualTo("total");
	}

}
