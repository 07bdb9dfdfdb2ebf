package org.yizhan.platform.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ForwardedHeaderFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PublicBaseUrlTests {

	@Test
	void theConfiguredBaseWinsOverTheRequestAndLosesItsTrailingSlash() {
		PublicBaseUrl base = new PublicBaseUrl("https://yizhan.example.cn/zh/", new MockEnvironment());
		assertThat(base.isConfigured()).isTrue();
		assertThat(base.resolve(request("http", "10.0.0.7", 8080, ""))).isEqualTo("https://yizhan.example.cn/zh");
	}

	@Test
	void unsetTheBaseIsWhereTheRequestCameWithItsContextPath() {
		PublicBaseUrl base = new PublicBaseUrl("", new MockEnvironment());
		assertThat(base.isConfigured()).isFalse();
		assertThat(base.resolve(request("http", "localhost", 8080, ""))).isEqualTo("http://localhost:8080");
		assertThat(base.resolve(request("https", "yz.example.cn", 443, "/app"))).isEqualTo("https://yz.example.cn/app");
	}

	@Test
	void forwardedHeadersCountOnlyWhenTheApplicationTrustsThem() throws ServletException, IOException {
		PublicBaseUrl base = new PublicBaseUrl(null, new MockEnvironment());
		MockHttpServletRequest request = request("http", "10.0.0.7", 8080, "");
		request.addHeader("X-Forwarded-Proto", "https");
		request.addHeader("X-Forwarded-Host", "yizhan.example.cn");
		request.addHeader("X-Forwarded-Port", "443");
		// untrusted (no forward-headers strategy): the headers are ignored
		assertThat(base.resolve(request)).isEqualTo("http://10.0.0.7:8080");
		// server.forward-headers-strategy=framework installs this filter: now they count
		AtomicReference<HttpServletRequest> forwarded = new AtomicReference<>();
		new ForwardedHeaderFilter().doFilter(request, new MockHttpServletResponse(),
				(wrapped, response) -> forwarded.set((HttpServletRequest) wrapped));
		assertThat(base.resolve(forwarded.get())).isEqualTo("https://yizhan.example.cn");
	}

	@Test
	void aBaseThatCannotStartAPrintedUrlStopsTheStartUp() {
		for (String value : new String[] { "yizhan.example.cn", "ftp://yizhan.example.cn", "https://",
				"https://yizhan.example.cn/?a=1", "https://yizhan.example.cn/#top", "https://user:pw@yizhan.example.cn",
				"https://yi zhan.cn" }) {
			assertThatIllegalStateException().as(value)
				.isThrownBy(() -> new PublicBaseUrl(value, new MockEnvironment()))
				.withMessageContaining("yizhan.public-base-url");
		}
	}

	@Test
	void productionDoesNotStartWithoutItsOwnBase() {
		MockEnvironment production = new MockEnvironment();
		production.setActiveProfiles("prod");
		assertThatIllegalStateException().isThrownBy(() -> new PublicBaseUrl("", production))
			.withMessageContaining("yizhan.public-base-url is not set")
			.withMessageContaining("'prod' profile");
		assertThat(new PublicBaseUrl("https://yizhan.example.cn", production).isConfigured()).isTrue();
	}

	private static MockHttpServletRequest request(String scheme, String host, int port, String contextPath) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", contextPath + "/api/v1/stations/7/qr");
		request.setScheme(scheme);
		request.setServerName(host);
		request.setServerPort(port);
		request.setContextPath(contextPath);
		return request;
	}

}
