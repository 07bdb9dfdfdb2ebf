package org.yizhan.ticket;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.yizhan.station.Station;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationResponsibilities;
import org.yizhan.station.StationTokens;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.MvcCalls;
import org.yizhan.support.TestAccounts;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * Stations, accounts, chains and reports for ticket tests, made the way people make them:
 * stations and chains by the national admin, accounts through the API with a password of
 * their own, reports as the rating page sends them.
 */
public final class TicketFixtures {

	private final MockMvc mvc;

	private final StationRegistry registry;

	private final StationResponsibilities responsibilities;

	private final ProblemTickets tickets;

	private final StationTokens tokens;

	/** The fixtures of a test's application context (which must have MockMvc). */
	public static TicketFixtures of(ApplicationContext context) {
		return new TicketFixtures(context.getBean(MockMvc.class), context.getBean(StationRegistry.class),
				context.getBean(StationResponsibilities.class), context.getBean(ProblemTickets.class),
				context.getBean(StationTokens.class));
	}

	public TicketFixtures(MockMvc mvc, StationRegistry registry, StationResponsibilities responsibilities,
			ProblemTickets tickets, StationTokens tokens) {
		this.mvc = mvc;
		this.registry = registry;
		this.responsibilities = responsibilities;
		this.tickets = tickets;
		this.tokens = tokens;
	}

	/** An account the tests sign in with. */
	public record Person(long id, String username) {
	}

	/** A listed station of the district, near its centre. */
	public Station listedStation(String district) {
		return asAdmin(() -> {
			Station draft = registry.create(new StationInput("工单驿站" + UUID.randomUUID().toString().substring(0, 6),
					"测试地址", district, "工单测试单位", "OTHER", district.equals("330102") ? 30.242 : 30.259,
					district.equals("330102") ? 120.170 : 120.130, "wgs84", null, null, List.of("TOILET"), "24/7", null,
					null, false, null, null, null, null));
			return registry.list(draft.id(), null);
		});
	}

	public Station draftStation(String district) {
		return asAdmin(() -> registry.create(new StationInput("工单草稿驿站" + UUID.randomUUID().toString().substring(0, 6),
				"测试地址", district, "工单测试单位", "OTHER", 30.259, 120.130, "wgs84", null, null, List.of(), "24/7", null,
				null, false, null, null, null, null)));
	}

	/**
	 * An account of the organisation with the roles, bound to the stations (station
	 * masters and liaisons need some), its password set to {@link TestAccounts#PASSWORD}.
	 */
	public Person account(String organization, List<String> roles, Station... stations) throws Exception {
		String username = "tk-" + UUID.randomUUID().toString().substring(0, 8);
		String body = "{\"username\":\"" + username + "\",\"displayName\":\"工单" + roles.get(0) + "\","
				+ "\"organization\":\"" + organization + "\",\"roles\":["
				+ roles.stream().map(role -> "\"" + role + "\"").collect(Collectors.joining(",")) + "],\"stations\":["
				+ Arrays.stream(stations).map(station -> station.id().toString()).collect(Collectors.joining(","))
				+ "]}";
		return new Person(MvcCalls.createAccount(mvc, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD, username, body),
				username);
	}

	/** Names the station's chain; {@code null} leaves a level empty. */
	public void chain(Station station, Person master, Person liaison, Person general, String union) {
		asAdmin(() -> responsibilities.assign(station.id(),
				new StationResponsibilities.Input(id(master), id(liaison), id(general), union, null)));
	}

	/** A report from the station's QR page, as the intake page sends it. */
	public ProblemTickets.Reported report(Station station, ProblemType problem, String deviceId) {
		return tickets
			.report(new ProblemTickets.Report(tokens.issue(station.id()), problem.name(), "门口的饮水机坏了", deviceId));
	}

	public String token(Station station) {
		return tokens.issue(station.id());
	}

	public MvcResult as(Person person, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.with(httpBasic(person.username(), TestAccounts.PASSWORD))).andReturn();
	}

	public MvcResult asAdmin(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.with(httpBasic(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD))).andReturn();
	}

	public static String device() {
		return "dev-" + UUID.randomUUID();
	}

	private static Long id(Person person) {
		return (person != null) ? person.id() : null;
	}

	private static <T> T asAdmin(java.util.function.Supplier<T> action) {
		ActingAsNationalAdmin.signIn();
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
