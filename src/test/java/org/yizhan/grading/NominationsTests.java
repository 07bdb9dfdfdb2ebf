package org.yizhan.grading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.Station;
import org.yizhan.station.StationLevel;
import org.yizhan.station.StationRegistry;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.TestStations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nominations up the tree in 安顺市 (520400) and its 西秀区 (520402), where no other test
 * grades: a district nominates within the quota its city set and is refused past it with
 * what is left; the city declines with a reason (which frees the place) or accepts, and
 * names the accepted in a batch that alone changes the level. Each test uses a year of
 * its own, so their quotas never meet.
 */
@SpringBootTest
@ExtendWith(ActingAsNationalAdmin.class)
class NominationsTests {

	static final String ANSHUN = "520400";

	static final String XIXIU = "520402";

	static final Actor CITY_ADMIN = new Actor(0, "anshun-admin", ANSHUN, "100000/520000/520400",
			Set.of(Role.ORG_ADMIN));

	static final Actor DISTRICT_ADMIN = new Actor(0, "xixiu-admin", XIXIU, "100000/520000/520400/520402",
			Set.of(Role.ORG_ADMIN));

	@Autowired
	StationRegistry registry;

	@Autowired
	Assessments assessments;

	@Autowired
	Nominations nominations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDistrictNominatesWithinItsQuotaAndTheCityDeclinesAcceptsAndNames() {
		int year = LocalDate.now(YizhanTime.ZONE).getYear() - 11;
		List<Station> stations = stations(3);
		actAs(CITY_ADMIN);
		assertThat(this.nominations.setQuota(XIXIU, Integer.toString(year), "2").left()).isEqualTo(2);

		actAs(DISTRICT_ADMIN);
		assertThatThrownBy(() -> this.nominations.setQuota(XIXIU, Integer.toString(year), "9"))
			.isInstanceOf(ForbiddenException.class);
		GradingRun run = this.assessments.run(XIXIU, year);
		Nomination first = this.nominations.nominate(run.id(), id(stations.get(0)), "全年服务人次居全区之首");
		assertThat(first.toCode()).isEqualTo(ANSHUN);
		assertThat(first.level()).isEqualTo(StationLevel.CITY);
		Nomination second = this.nominations.nominate(run.id(), id(stations.get(1)), "满意率高");
		assertThatThrownBy(() -> this.nominations.nominate(run.id(), id(stations.get(0)), "再次"))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> this.nominations.nominate(run.id(), id(stations.get(2)), "第三个"))
			.isInstanceOfSatisfying(ConflictException.class, ex -> {
				assertThat(ex.explanation().code()).isEqualTo("grading.quota.exhausted");
				// the year, the quota, the places taken and what is left
				assertThat(ex.explanation().args()).containsExactly(year, 2, 2, 0);
			});
		assertThatThrownBy(() -> this.nominations.answer(first.id(), true, null))
			.as("the district does not answer its own nomination")
			.isInstanceOf(ForbiddenException.class);

		actAs(CITY_ADMIN);
		assertThatThrownBy(() -> this.nominations.answer(second.id(), false, " ")).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.violations()).extracting("field").containsExactly("answer"));
		assertThat(this.nominations.answer(second.id(), false, "检查得分不足").status())
			.isEqualTo(Nomination.Status.DECLINED);
		assertThatThrownBy(() -> this.nominations.answer(second.id(), true, null))
			.isInstanceOf(ConflictException.class);
		assertThat(this.nominations.answer(first.id(), true, null).status()).isEqualTo(Nomination.Status.ACCEPTED);
		assertThat(level(stations.get(0))).as("accepting alone changes no grade").isEqualTo("NONE");

		actAs(DISTRICT_ADMIN);
		// the declined nomination gave its place back
		Nomination third = this.nominations.nominate(run.id(), id(stations.get(2)), "第三个");
		assertThat(third.status()).isEqualTo(Nomination.Status.PENDING);

		actAs(CITY_ADMIN);
		assertThatThrownBy(() -> this.nominations.setQuota(XIXIU, Integer.toString(year), "1"))
			.isInstanceOfSatisfying(ConflictException.class, ex -> assertThat(ex.field()).isEqualTo("quota"));
		String number = "安工发〔" + year + "〕" + UUID.randomUUID().toString().substring(0, 6) + "号";
		NamingBatch batch = this.nominations.nameAccepted(Integer.toString(year), number,
				LocalDate.now(YizhanTime.ZONE));
		assertThat(batch.stations()).isEqualTo(1);
		assertThat(batch.runId()).isNull();
		assertThat(level(stations.get(0))).isEqualTo("CITY");
		assertThat(level(stations.get(2))).as("pending: not named").isEqualTo("NONE");
		assertThatThrownBy(() -> this.nominations.nameAccepted(Integer.toString(year), number + "二",
				LocalDate.now(YizhanTime.ZONE)))
			.isInstanceOf(ConflictException.class);
		NominationOverview overview = this.nominations.overview(year);
		assertThat(overview.received()).extracting(Nomination::status)
			.containsExactlyInAnyOrder(Nomination.Status.ACCEPTED, Nomination.Status.DECLINED,
					Nomination.Status.PENDING);
		assertThat(overview.children()).filteredOn(q -> q.unionCode().equals(XIXIU))
			.singleElement()
			.satisfies(q -> assertThat(q.left()).isZero());
		assertThat(overview.batches()).extracting(NamingBatch::documentNumber).containsExactly(number);
		assertThat(this.jdbc
			.sql("select count(*) from audit_entry where action like 'grading.nominat%' and target_id in ('"
					+ first.id() + "','" + second.id() + "','" + third.id() + "')")
			.query(Integer.class)
			.single()).as("three nominations, two answers").isEqualTo(5);
	}

	@Test
	void concurrentNominationsNeverPassTheQuota() throws Exception {
		int year = LocalDate.now(YizhanTime.ZONE).getYear() - 12;
		List<Station> stations = stations(8);
		actAs(CITY_ADMIN);
		this.nominations.setQuota(XIXIU, Integer.toString(year), "3");
		actAs(DISTRICT_ADMIN);
		GradingRun run = this.assessments.run(XIXIU, year);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (Station station : stations) {
				Callable<Boolean> nominate = () -> {
					actAs(DISTRICT_ADMIN);
					start.await();
					try {
						this.nominations.nominate(run.id(), id(station), "同时推荐");
						return true;
					}
					catch (ConflictException ex) {
						return false;
					}
					finally {
						SecurityContextHolder.clearContext();
					}
				};
				results.add(pool.submit(nominate));
			}
			start.countDown();
			int accepted = 0;
			for (Future<Boolean> result : results) {
				accepted += result.get() ? 1 : 0;
			}
			assertThat(accepted).isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("select count(*) from grading_nomination where from_code = :d and year = :y")
			.param("d", XIXIU)
			.param("y", year)
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	private List<Station> stations(int count) {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		List<Station> stations = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			stations.add(TestStations.listed(this.registry, "西秀推荐驿站" + suffix + "-" + i, "安顺市西秀区测试路 " + (i + 1) + " 号",
					XIXIU, 26.2454 + i * 0.001, 105.9346));
		}
		return stations;
	}

	private String level(Station station) {
		return this.jdbc.sql("select level from station where id = :id")
			.param("id", id(station))
			.query(String.class)
			.single();
	}

	private static long id(Station station) {
		return station.id().value();
	}

	private static void actAs(Actor actor) {
		Actor.Principal principal = () -> actor;
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(principal, null, "ROLE_ORG_ADMIN"));
	}

}
