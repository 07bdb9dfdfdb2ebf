package org.yizhan.finder.web;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * One client past its burst is told to wait, in problem details with Retry-After, while
 * another client is still served.
 */
@SpringBootTest(properties = { "yizhan.rate-limit.public.burst=3", "yizhan.rate-limit.public.per-second=1" })
@AutoConfigureMockMvc
class RateLimitTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aClientPastItsBurstGets429WithRetryAfterAndOthersAreStillServed() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(nearbyFrom("10.1.1.1").getResponse().getStatus()).isEqualTo(200);
		}

		MvcResult refused = nearbyFrom("10.1.1.1");

		assertThat(refused.getResponse().getStatus()).isEqualTo(429);
		assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("1");
		assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(JsonPath.parse(refused.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.read("$.title", String.class)).isEqualTo("请求过于频繁");
		assertThat(nearbyFrom("10.1.1.2").getResponse().getStatus()).isEqualTo(200);
	}

	private MvcResult nearbyFrom(String address) throws Exception {
		return mvc.perform(get("/api/v1/stations/nearby?lat=30.27&lon=120.15").with(request -> {
			request.setRemoteAddr(address);
			return request;
		})).andReturn();
	}

}
