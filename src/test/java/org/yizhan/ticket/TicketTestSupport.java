package org.yizhan.ticket;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationResponsibilities;
import org.yizhan.station.StationTokens;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.ticket.TicketFixtures.Person;

import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One application context for the tests of a ticket's way through the chain (routing,
 * escalation, notices, resolution): a real server and MockMvc, a clock the tests move and
 * that goes back after each test, and the people of one station of 西湖区 made once for the
 * class: its station master and its liaison, accounts of their own made through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TicketTestSupport {

	@Autowired
	ApplicationContext context;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected JdbcClient jdbc;

	protected TicketFixtures fixtures;

	/** The station the people below are bound to. */
	protected Station home;

	protected Person master;

	protected Person liaison;

	@BeforeAll
	void people(@Autowired MockMvc mvc, @Autowired StationRegistry registry,
			@Autowired StationResponsibilities responsibilities, @Autowired ProblemTickets tickets,
			@Autowired StationTokens tokens) throws Exception {
		this.fixtures = TicketFixtures.of(context);
		this.home = this.fixtures.listedStation("330106");
		this.master = this.fixtures.account("330106", List.of("STATION_MASTER"), this.home);
		this.liaison = this.fixtures.account("330106", List.of("LIAISON"), this.home);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

}
