package org.yizhan.listing;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.platform.InvalidInputException;
import org.yizhan.station.FreshnessSource;
import org.yizhan.station.ListingFreshness;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.StationTokens;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.MutableClock;
import org.yizhan.support.MutableClockConfiguration;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one optional question after a rating (issue 20 item 3): asked about the station's
 * hours or a service it lists, once a phone a day; a yes confirms the listing; three
 * phones saying no within two weeks, outnumbering the yes, open the station's correction
 * case with the change they propose, once; fewer, or outnumbered, open nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@ExtendWith(ActingAsNationalAdmin.class)
class ListingPromptTests {

	/** 成都市新都区: no other test keeps stations there. */
	static final String XINDU = "510114";

	static final String MICROWAVE = "AMENITY:MICROWAVE";

	private static final AtomicInteger PHONES = new AtomicInteger();

	@Autowired
	ListingPrompts prompts;

	@Autowired
	ListingFreshness freshness;

	@Autowired
	StationRegistry registry;

	@Autowired
	StationTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aPhoneIsAskedAboutTheHoursOrAListedServiceOnceADay() {
		Station station = station("新都提问驿站");
		String phone = phone();
		ListingPrompts.Prompt prompt = prompts.question(token(station), phone).orElseThrow();
		assertThat(prompt.question()).isIn(ListingPrompts.HOURS, MICROWAVE);
		assertThat(prompts.question(token(station), phone)).as("the same all day")
			.get()
			.extracting(ListingPrompts.Prompt::question)
			.isEqualTo(prompt.question());

		assertThat(prompts.answer(token(station), phone, prompt.question(), true).repeated()).isFalse();
		assertThat(prompts.question(token(station), phone)).as("answered today").isEmpty();
		assertThat(prompts.answer(token(station), phone, ListingPrompts.HOURS, false).repeated()).isTrue();
		assertThat(answers(station)).isEqualTo(1);
	}

	@Test
	void aYesConfirmsTheListing() {
		Station station = station("新都确认驿站");
		Instant at = Instant.now().plus(Duration.ofMinutes(5));
		clock.set(at);
		prompts.answer(token(station), phone(), ListingPrompts.HOURS, true);
		assertThat(freshness.find(station.id()).orElseThrow()).satisfies(fresh -> {
			assertThat(fresh.confirmedBy()).isEqualTo(FreshnessSource.PROMPT);
			assertThat(fresh.confirmedAt()).isEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
		});
	}

	@Test
	void threePhonesSayingNoOpenOneCorrectionCaseWithTheProposedChange() {
		Station station = station("新都纠正驿站");
		assertThat(prompts.answer(token(station), phone(), MICROWAVE, false).caseNumber()).isNull();
		assertThat(prompts.answer(token(station), phone(), MICROWAVE, false).caseNumber()).isNull();
		String number = prompts.answer(token(station), phone(), MICROWAVE, false).caseNumber();
		assertThat(number).as("the third phone").isNotNull();
		assertThat(jdbc.sql("select description from problem_ticket where number = :n")
			.param("n", number)
			.query(String.class)
			.single()).contains("3 位劳动者说这里已经没有微波炉", "建议从服务设施中去掉“微波炉”");
		assertThat(prompts.answer(token(station), phone(), MICROWAVE, false).caseNumber()).as("once a spell").isNull();
		assertThat(openCases(station)).isEqualTo(1);
	}

	@Test
	void fewerPhonesOrOutnumberedNoesOpenNothing() {
		Station station = station("新都多数驿站");
		prompts.answer(token(station), phone(), ListingPrompts.HOURS, true);
		prompts.answer(token(station), phone(), ListingPrompts.HOURS, true);
		prompts.answer(token(station), phone(), ListingPrompts.HOURS, true);
		for (int i = 0; i < 3; i++) {
			assertThat(prompts.answer(token(station), phone(), ListingPrompts.HOURS, false).caseNumber()).isNull();
		}
		assertThat(openCases(station)).isZero();
	}

	@Test
	void badInputIsNamedAndNothingIsWritten() {
		Station station = station("新都坏输入驿站");
		assertThatThrownBy(() -> prompts.answer("not-a-token", "short", "AMENITY:WIFI", null)).isInstanceOfSatisfying(
				InvalidInputException.class,
				(ex) -> assertThat(ex.violations()).extracting((violation) -> violation.field())
					.containsExactlyInAnyOrder("token", "deviceId", "agrees"));
		assertThatThrownBy(() -> prompts.answer(token(station), phone(), "AMENITY:WIFI", false))
			.as("a service the station does not list")
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.violations().get(0).field()).isEqualTo("question"));
		assertThat(answers(station)).isZero();
		assertThatThrownBy(() -> prompts.question("not-a-token", phone())).isInstanceOf(InvalidInputException.class);
	}

	private int answers(Station station) {
		return jdbc.sql("select count(*) from listing_prompt_answer where station_id = :s")
			.param("s", station.id().value())
			.query(Integer.class)
			.single();
	}

	private int openCases(Station station) {
		return jdbc.sql("select count(*) from problem_ticket where station_id = :s and status = 'OPEN'")
			.param("s", station.id().value())
			.query(Integer.class)
			.single();
	}

	private String token(Station station) {
		return tokens.issue(station.id());
	}

	private static String phone() {
		return "prompt-test-phone-" + String.format("%06d", PHONES.incrementAndGet()) + "-"
				+ Long.toHexString(System.nanoTime());
	}

	private Station station(String name) {
		return TestStations.listed(registry, name, "成都市新都区测试路 1 号", XINDU, 30.8230, 104.1590, "MICROWAVE");
	}

}
