package org.yizhan.finder;

import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.station.ListingFreshness;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The finder's badge and order: a listing held after shut reports, or unconfirmed for 60
 * days, is answered as unverified and ranked after a confirmed one at the same distance
 * (two stations in one building), whatever their ids; a confirmed one says how many days
 * ago.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@ExtendWith(ActingAsNationalAdmin.class)
class FinderFreshnessTests {

	/** 武汉市江汉区: no other test keeps stations there. */
	static final String JIANGHAN = "420103";

	static final double LAT = 30.5800;

	static final double LON = 114.2700;

	@Autowired
	StationRegistry registry;

	@Autowired
	ListingFreshness freshness;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void anUnverifiedListingComesAfterAConfirmedOneInTheSameBuilding() throws Exception {
		Station first = TestStations.listed(registry, "江汉一楼驿站", "武汉市江汉区测试大厦 1 楼", JIANGHAN, LAT, LON);
		Station second = TestStations.listed(registry, "江汉二楼驿站", "武汉市江汉区测试大厦 2 楼", JIANGHAN, LAT, LON);
		assertThat(ids(nearby())).as("equal distances in id order")
			.containsExactly(first.id().value(), second.id().value());

		ActingAsNationalAdmin.signIn();
		freshness.hold(first.id(), "SHUT_REPORTS", clock.instant());
		DocumentContext held = nearby();
		assertThat(ids(held)).containsExactly(second.id().value(), first.id().value());
		assertThat(held.read("$.stations[0].unverified", Boolean.class)).isFalse();
		assertThat(held.read("$.stations[0].confirmedDaysAgo", Integer.class)).isZero();
		assertThat(held.read("$.stations[1].unverified", Boolean.class)).isTrue();

		// two months on, neither is confirmed: both unverified, in id order again
		clock.set(clock.instant().plus(Duration.ofDays(61)));
		DocumentContext stale = nearby();
		assertThat(ids(stale)).containsExactly(first.id().value(), second.id().value());
		assertThat(stale.read("$.stations[1].unverified", Boolean.class)).as("60 days unconfirmed").isTrue();
		assertThat(stale.read("$.stations[1].confirmedDaysAgo", Integer.class)).isEqualTo(61);

		ActingAsNationalAdmin.signIn();
		freshness.confirm(second.id());
		assertThat(ids(nearby())).containsExactly(second.id().value(), first.id().value());
	}

	private DocumentContext nearby() throws Exception {
		String body = mvc
			.perform(get("/api/v1/stations/nearby").param("lat", Double.toString(LAT))
				.param("lon", Double.toString(LON))
				.param("crs", "wgs84")
				.param("radius", "100")
				.param("limit", "10"))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return JsonPath.parse(body);
	}

	private static List<Long> ids(DocumentContext answer) {
		return answer.read("$.stations[*].id", List.class).stream().map((id) -> ((Number) id).longValue()).toList();
	}

}
