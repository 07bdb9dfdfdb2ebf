package org.yizhan;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.yizhan.support.access.AccessFixture;
import org.yizhan.support.access.AccessRow;
import org.yizhan.support.access.AccessRows;
import org.yizhan.support.access.Cell;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yizhan.support.access.AccessFixture.COLUMNS;
import static org.yizhan.support.access.AccessFixture.abbreviate;

/**
 * The subtree access matrix of issue 4: every endpoint of the application × every role ×
 * an object of the caller's own district (西湖区 330106) and one of a foreign district (上城区
 * 330102), with the expected outcome of each cell. Each module keeps the rows of its own
 * endpoints in its test package ({@code finder.FinderAccessRows}, ...: every
 * {@link AccessRows} on the class path); an endpoint the application serves that no
 * module's rows hold, one listed that the application no longer serves, or one listed
 * twice fails the build. {@code docs/access.md} says the same for people.
 *
 * <p>
 * Outcomes, one letter per role in the column order of {@link AccessFixture#COLUMNS}:
 * <ul>
 * <li>{@code A} allowed: 2xx or a redirect that is not to the login or password page;
 * when the row names foreign markers, none may appear in the answer (0 foreign reads);
 * <li>{@code I} allowed, the input refused: 400, 409, 412 or 428 (the request reached the
 * use case and was judged on its content);
 * <li>{@code F} forbidden: 403;
 * <li>{@code N} hidden: 404, the object outside the caller's scope does not exist for it;
 * <li>{@code U} unauthenticated: 401, or for pages a redirect to the login page;
 * <li>{@code R} refused on the page: the console redirects to a page that shows the
 * refusal (its flash message) or that the caller may not open, having changed nothing.
 * </ul>
 * A row without a foreign column has no object or filter that could be foreign (the
 * caller's own profile, public catalogues).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests {

	/** Framework endpoints, outside the matrix: API docs and the error page. */
	static final List<String> EXCLUDED_PREFIXES = List.of("/v3/api-docs", "/swagger-ui", "/error", "/actuator");

	/**
	 * Framework endpoints inside the matrix all the same, as they hold the application's
	 * figures: the Prometheus scrape, which only its own token reads (ADR 0031).
	 * Actuator's endpoints are not request mappings, so they are named here.
	 */
	static final List<String> FRAMEWORK_ENDPOINTS = List.of("GET /actuator/prometheus");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	private AccessFixture fixture;

	private List<AccessRows> modules;

	@BeforeAll
	void fixture() {
		// Every cell comes from this machine's loopback address, and the limits shared
		// through PostgreSQL (problem reports, reopenings: an hour's allowance per
		// address)
		// keep what the suite's earlier browser journeys took from that address. The
		// matrix asks who may do what, not how often, so it starts with those buckets
		// full,
		// as a new hour would.
		this.context.getBean(JdbcClient.class)
			.sql("delete from rate_limit_bucket where id like '%:127.0.0.1' or id like '%:0:0:0:0:0:0:0:1'")
			.update();
		this.fixture = new AccessFixture(this.port, this.context).setUp();
		this.modules = AccessRows.discover();
		this.modules.forEach(module -> module.prepare(this.fixture));
	}

	List<AccessRow> rows() {
		return this.modules.stream().flatMap(module -> module.rows(this.fixture).stream()).toList();
	}

	// ------------------------------------------------------------------ the tests

	@Test
	void everyEndpointOfTheApplicationIsInTheMatrixAndNoOther() {
		Set<String> served = servedEndpoints();
		Set<String> declared = new TreeSet<>();
		rows().forEach(row -> declared.add(row.endpoint()));
		Set<String> missing = new TreeSet<>(served);
		missing.removeAll(declared);
		Set<String> gone = new TreeSet<>(declared);
		gone.removeAll(served);
		assertThat(missing).as("endpoints served but missing from the access matrix").isEmpty();
		assertThat(gone).as("endpoints in the access matrix the application no longer serves").isEmpty();
	}

	@Test
	void everyEndpointHasOneRowInOneModule() {
		Map<String, Long> declared = rows().stream()
			.collect(Collectors.groupingBy(AccessRow::endpoint, TreeMap::new, Collectors.counting()));
		assertThat(declared.entrySet().stream().filter(rows -> rows.getValue() > 1).map(Map.Entry::getKey))
			.as("endpoints with more than one row")
			.isEmpty();
	}

	@TestFactory
	Stream<DynamicNode> matrix() {
		return rows().stream().map(row -> DynamicContainer.dynamicContainer(row.endpoint(), cells(row)));
	}

	private Stream<DynamicTest> cells(AccessRow row) {
		List<DynamicTest> cells = new ArrayList<>();
		for (boolean foreign : new boolean[] { false, true }) {
			String expected = row.expected(foreign);
			if (expected == null) {
				continue;
			}
			assertThat(expected).as(row.endpoint()).hasSize(COLUMNS.size());
			for (int i = 0; i < COLUMNS.size(); i++) {
				String role = COLUMNS.get(i);
				char outcome = expected.charAt(i);
				cells.add(DynamicTest.dynamicTest(role + " × " + (foreign ? "foreign" : "own") + " → " + outcome,
						() -> run(row, role, foreign, outcome)));
			}
		}
		return cells.stream();
	}

	private void run(AccessRow row, String role, boolean foreign, char expected) {
		Cell cell = this.fixture.cell(row.kind(), role, foreign);
		HttpResponse<String> response = row.call(cell);
		int status = response.statusCode();
		String location = response.headers().firstValue("Location").orElse("");
		String actual;
		if (status == 401 || (status == 302 && location.endsWith("/login"))) {
			actual = "U";
		}
		else if (status == 403) {
			actual = "F";
		}
		else if (status == 404) {
			actual = "N";
		}
		else if (status == 400 || status == 409 || status == 412 || status == 428) {
			actual = "I";
		}
		else if (status >= 200 && status < 400 && !location.endsWith("/console/me/password")) {
			actual = "A";
		}
		else {
			actual = "?";
		}
		String body = response.body();
		if (actual.equals("A") && row.kind() == AccessRow.Kind.PAGE && status == 302) {
			HttpResponse<String> next = cell.caller.get(location.replaceFirst("^https?://[^/]+", ""));
			body = next.body();
			if (next.statusCode() >= 400 || body.contains("alert alert-danger")) {
				actual = "R";
			}
		}
		assertThat(actual)
			.as("%s %s as %s on the %s object: HTTP %d %s %s", row.method(), row.path(), role,
					foreign ? "foreign" : "own", status, location, abbreviate(body))
			.isEqualTo(String.valueOf(expected));
		if (actual.equals("A")) {
			for (String marker : row.leakMarkers()) {
				assertThat(body).as("foreign object in %s as %s", row.endpoint(), role).doesNotContain(marker);
			}
		}
	}

	private Set<String> servedEndpoints() {
		Collection<RequestMappingHandlerMapping> mappings = this.context
			.getBeansOfType(RequestMappingHandlerMapping.class)
			.values();
		Map<String, List<String>> produces = new LinkedHashMap<>();
		for (RequestMappingHandlerMapping mapping : mappings) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				for (String pattern : info.getPatternValues()) {
					if (EXCLUDED_PREFIXES.stream().anyMatch(pattern::startsWith)) {
						continue;
					}
					for (var method : info.getMethodsCondition().getMethods()) {
						String types = String.join(",",
								info.getProducesCondition().getExpressions().stream().map(Object::toString).toList());
						produces.computeIfAbsent(method + " " + pattern, k -> new ArrayList<>()).add(types);
					}
				}
			}
		}
		Set<String> served = new TreeSet<>(FRAMEWORK_ENDPOINTS);
		produces.forEach((endpoint, types) -> {
			if (types.size() == 1) {
				served.add(endpoint);
			}
			else {
				// one path, several representations: the plain one keeps the bare name
				types.stream()
					.sorted()
					.forEach(t -> served.add(t.isEmpty() || t.contains("json") ? endpoint : endpoint + " [" + t + "]"));
			}
		});
		return served;
	}

}
