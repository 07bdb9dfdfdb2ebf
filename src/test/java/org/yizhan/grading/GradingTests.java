package org.yizhan.grading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Role;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.Station;
import org.yizhan.station.StationGrades;
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
 * An assessment over real evidence in the database (visits served, a year of ratings and
 * the year before, a judgement against the checklist), its explanation matching that
 * evidence figure by figure, the stations at risk before a run, and decisions: applied to
 * the station, audited, capped at the deciding union's tier, and named in batches whose
 * document number is unique. Each test works in a district of its own (a fresh 贵阳市
 * district per test is not available, so stations are told apart by name and id).
 */
@SpringBootTest
@ExtendWith(ActingAsNationalAdmin.class)
class GradingTests {

	/** 贵阳市南明区: no other test grades stations there. */
	static final String NANMING = "520102";

	static final String GUIYANG_PATH = "100000/520000/520100";

	@Autowired
	StationRegistry registry;

	@Autowired
	StationGrades grades;

	@Autowired
	Assessments assessments;

	@Autowired
	GradingDecisions decisions;

	@Autowired
	JdbcClient jdbc;

	private int year;

	private Station busy;

	private Station silent;

	@BeforeEach
	void twoStationsOneWithAYearOfEvidence() {
		this.year = LocalDate.now(YizhanTime.ZONE).getYear() - 1;
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		this.busy = TestStations.listed(this.registry, "南明评级繁忙驿站" + suffix, "贵阳市南明区测试路 1 号", NANMING, 26.5683,
				106.7135);
		this.silent = TestStations.listed(this.registry, "南明评级沉默驿站" + suffix, "贵阳市南明区测试路 2 号", NANMING, 26.5690,
				106.7140);
		// 3,000 visits served in the year: full marks
		this.jdbc
			.sql("insert into visit_day (station_id, day, district_code, check_ins) values (:s, :d, :district, 3000)")
			.param("s", this.busy.id().value())
			.param("d", LocalDate.of(this.year, 6, 1))
			.param("district", NANMING)
			.update();
		// every month of the year 10 counted ratings, all satisfied; the year before 8 of
		// 10
		for (int month = 1; month <= 12; month++) {
			rated(LocalDate.of(this.year, month, 1), 10, 10);
			rated(LocalDate.of(this.year - 1, month, 1), 10, 8);
		}
		// judged against the checklist in force, and met it
		this.jdbc.sql("""
				insert into station_judgement (station_id, checklist_version_id, purpose, met, judged_at, judged_by)
				values (:s, (select min(id) from checklist_version), 'RECORDED', true, :at, 'grading-test')""")
			.param("s", this.busy.id().value())
			.param("at",
					java.sql.Timestamp.from(LocalDate.of(this.year, 3, 1).atStartOfDay(YizhanTime.ZONE).toInstant()))
			.update();
	}

	private void rated(LocalDate month, int counted, int satisfied) {
		this.jdbc
			.sql("""
					insert into rating_station_month (station_id, month, counted_through, stars_through, satisfied_through)
					values (:s, :m, array_fill(:c, array[31]), array_fill(:c * 5, array[31]), array_fill(:sat, array[31]))""")
			.param("s", this.busy.id().value())
			.param("m", month)
			.param("c", counted)
			.param("sat", satisfied)
			.update();
	}

	@Test
	void aRunProposesAGradeForEveryStationAndExplainsItByTheEvidence() {
		GradingRun run = this.assessments.run(NANMING, this.year);

		Proposal busy = this.assessments.getProposal(run.id(), this.busy.id().value());
		StationEvidence evidence = busy.evidence();
		assertThat(evidence.visits()).isEqualTo(3000);
		assertThat(evidence.rated()).isEqualTo(120);
		assertThat(evidence.satisfiedPct()).isEqualByComparingTo("100.0");
		assertThat(evidence.priorPct()).isEqualByComparingTo("80.0");
		assertThat(evidence.silentMonths()).isZero();
		assertThat(evidence.checklistMet()).isTrue();
		assertThat(evidence.inspectionScore()).isNull();
		// the defaults: everything at full marks but the inspection (20 of 100), no
		// evidence
		assertThat(points(busy, Criterion.VISITS)).isEqualByComparingTo("10.00");
		assertThat(points(busy, Criterion.SATISFACTION)).isEqualByComparingTo("20.00");
		assertThat(value(busy, Criterion.SATISFACTION_TREND)).isEqualByComparingTo("20.0");
		assertThat(points(busy, Criterion.SATISFACTION_TREND)).isEqualByComparingTo("5.00");
		assertThat(value(busy, Criterion.INSPECTION)).isNull();
		assertThat(points(busy, Criterion.INSPECTION)).isEqualByComparingTo("0.00");
		assertThat(busy.assessment().score()).isEqualByComparingTo("80.0");
		assertThat(busy.assessment().stars()).isEqualTo(4);
		assertThat(busy.assessment().level()).isEqualTo(StationLevel.PROVINCIAL);
		// the stored proposal is the rule applied to the stored evidence
		assertThat(this.jdbc.sql("select score from grading_proposal where run_id = :r and station_id = :s")
			.param("r", run.id())
			.param("s", this.busy.id().value())
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo(busy.assessment().score());

		Proposal silent = this.assessments.getProposal(run.id(), this.silent.id().value());
		assertThat(silent.evidence().silentMonths()).as("every month of a past year ended").isEqualTo(12);
		assertThat(silent.assessment().score()).as("only the cases, none open").isEqualByComparingTo("15.0");
		assertThat(silent.assessment().stars()).isZero();
		assertThat(silent.assessment().shortfalls()).extracting(CriterionScore::criterion)
			.startsWith(Criterion.CHECKLIST, Criterion.INSPECTION, Criterion.SATISFACTION);
		assertThat(run.stations()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theAtRiskListNamesAStationThatWouldLoseItsStarsAndWhy() {
		this.grades.apply(this.silent.id(), StationLevel.CITY, 5, "测试：旧星级");

		AtRiskList risk = this.assessments.atRisk(NANMING, 500);

		assertThat(risk.stations()).filteredOn(s -> s.evidence().stationId() == this.silent.id().value())
			.singleElement()
			.satisfies(s -> {
				assertThat(s.starsLost()).isEqualTo(5);
				assertThat(s.assessment().shortfalls()).extracting(CriterionScore::criterion)
					.contains(Criterion.SILENT_MONTHS, Criterion.SATISFACTION);
			});
		assertThat(risk.stations()).noneMatch(s -> s.evidence().stationId() == this.busy.id().value());
	}

	@Test
	void anAcceptedProposalChangesTheStationAndIsAuditedOnce() {
		GradingRun run = this.assessments.run(NANMING, this.year);

		Proposal decided = this.decisions.accept(run.id(), this.busy.id().value(), "年度评定");

		assertThat(decided.decision()).isEqualTo("ACCEPTED");
		Station now = this.registry.getById(this.busy.id());
		assertThat(now.details().level()).isEqualTo(StationLevel.PROVINCIAL);
		assertThat(now.details().stars()).isEqualTo(4);
		assertThat(audited("grading.accepted", run.id() + "/" + this.busy.code())).isEqualTo(1);
		assertThat(audited("station.grade", this.busy.code().toString())).isEqualTo(1);
		assertThatThrownBy(() -> this.decisions.accept(run.id(), this.busy.id().value(), null))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void aCityUnionNamesAStationProposedProvincialAtCityLevelAndNoHigher() {
		GradingRun run = this.assessments.run(NANMING, this.year);
		actAs(new Actor(0, "guiyang-admin", "520100", GUIYANG_PATH, Set.of(Role.ORG_ADMIN)));

		assertThatThrownBy(
				() -> this.decisions.override(run.id(), this.busy.id().value(), StationLevel.PROVINCIAL, 4, "越级"))
			.isInstanceOf(ForbiddenException.class);
		this.decisions.accept(run.id(), this.busy.id().value(), null);

		ActingAsNationalAdmin.signIn();
		Station now = this.registry.getById(this.busy.id());
		assertThat(now.details().level()).as("provincial is the province's to name").isEqualTo(StationLevel.CITY);
		assertThat(now.details().stars()).isEqualTo(4);
	}

	@Test
	void aNamingBatchAcceptsEveryChangingProposalUnderOneDocumentNumber() {
		GradingRun run = this.assessments.run(NANMING, this.year);
		String number = "黔工发〔" + this.year + "〕" + UUID.randomUUID().toString().substring(0, 4) + "号";

		NamingBatch batch = this.decisions.acceptBatch(run.id(), number, LocalDate.now(YizhanTime.ZONE), null);

		assertThat(batch.stations()).isGreaterThanOrEqualTo(1);
		assertThat(this.registry.getById(this.busy.id()).details().level()).isEqualTo(StationLevel.PROVINCIAL);
		assertThat(this.decisions.listBatches(run.id())).extracting(NamingBatch::documentNumber).contains(number);
		GradingRun again = this.assessments.run(NANMING, this.year);
		assertThatThrownBy(() -> this.decisions.acceptBatch(again.id(), number, LocalDate.now(YizhanTime.ZONE), null))
			.isInstanceOf(ConflictException.class);
	}

	private long audited(String action, String target) {
		return this.jdbc.sql("select count(*) from audit_entry where action = :a and target_id = :t")
			.param("a", action)
			.param("t", target)
			.query(Long.class)
			.single();
	}

	private static BigDecimal points(Proposal proposal, Criterion criterion) {
		return score(proposal, criterion).points();
	}

	private static BigDecimal value(Proposal proposal, Criterion criterion) {
		return score(proposal, criterion).value();
	}

	private static CriterionScore score(Proposal proposal, Criterion criterion) {
		List<CriterionScore> scores = proposal.assessment().criteria();
		return scores.stream().filter(s -> s.criterion() == criterion).findFirst().orElseThrow();
	}

	private static void actAs(Actor actor) {
		Actor.Principal principal = () -> actor;
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(principal, null, "ROLE_ORG_ADMIN"));
	}

}
