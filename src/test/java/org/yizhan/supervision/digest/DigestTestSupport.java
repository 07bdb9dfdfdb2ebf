package org.yizhan.supervision.digest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.organization.account.AccountAdministration;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the digest tests (and the mail test that sends digests) share: the digests, a
 * clock they set to the instant a digest is due and that goes back after each test, and
 * {@link DigestFixtures} for their stations, accounts, ratings and tickets. Each test
 * class says how its application starts ({@code @SpringBootTest}).
 */
@Import(MutableClockConfiguration.class)
@ExtendWith(ActingAsNationalAdmin.class)
public abstract class DigestTestSupport {

	@Autowired
	protected Digests digests;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected StationRegistry registry;

	@Autowired
	protected AccountAdministration administration;

	@Autowired
	protected JdbcClient jdbc;

	protected DigestFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new DigestFixtures(this.registry, this.administration, this.jdbc);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

}
