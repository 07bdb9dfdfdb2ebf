package org.yizhan.funding;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.yizhan.organization.Actor;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.security.ForbiddenException;
import org.yizhan.station.Station;
import org.yizhan.station.StationRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yizhan.funding.FundingFixtures.finance;
import static org.yizhan.funding.FundingFixtures.signIn;

/**
 * Subsidy rules paid by monthly runs: the seed's figures reproduced as rules, who is owed
 * for a month, a run repeated or run fifty times at once, maker-checker with a second
 * approver above the configured amount, the budget under concurrent runs, and the ledger
 * that no one can rewrite. Each test pays in a district and a budget year of its own.
 */
@SpringBootTest
class PaymentRunsTests {

	static final Actor MAKER = finance("funding-maker");

	static final Actor CHECKER = finance("funding-checker");

	static final Actor SECOND_CHECKER = finance("funding-checker-2");

	@Autowired
	SubsidyRules rules;

	@Autowired
	PaymentRuns runs;

	@Autowired
	StationRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private FundingFixtures fixtures() {
		return new FundingFixtures(registry, jdbc);
	}

	private SubsidyRule rule(String union, SubsidyKind kind, int year, String amount, String budget) {
		signIn(MAKER);
		return rules.create(new RuleInput(union, kind.name(), kind + " " + year, String.valueOf(year), amount, budget));
	}

	@Test
	void theSeedsFiguresAreRulesThatPayWhatTheSeedsSay() {
		FundingFixtures f = fixtures();
		String district = "140107";
		YearMonth month = YearMonth.of(2021, 6);
		Station upkept = f.listedSince(district, LocalDate.of(2021, 1, 1));
		Station suspended = f.listedSince(district, LocalDate.of(2021, 1, 1));
		f.status(suspended, LocalDate.of(2021, 6, 10), "SUSPENDED");
		f.status(suspended, LocalDate.of(2021, 6, 20), "LISTED");
		Station silent = f.listedSince(district, LocalDate.of(2021, 1, 1));
		f.silent(silent, month);
		Station overdue = f.listedSince(district, LocalDate.of(2021, 1, 1));
		f.overdueCase(overdue, LocalDate.of(2021, 5, 20));
		Station listedMidMonth = f.listedSince(district, LocalDate.of(2021, 6, 15));
		Station selfBuilt = f.listedSince(district, LocalDate.of(2021, 6, 3));
		String creditCode = f.selfBuiltBy(selfBuilt, "太原自建驿站有限公司");

		SubsidyRule construction = rule(district, SubsidyKind.CONSTRUCTION, 2021, "20000", "1000000");
		SubsidyRule upkeep = rule(district, SubsidyKind.UPKEEP, 2021, "200", "100000");
		SubsidyRule grant = rule(district, SubsidyKind.SELF_BUILT, 2021, "5000.00", "50000");
		assertThat(construction.amountFen()).isEqualTo(2_000_000L);
		assertThat(upkeep.amountFen()).isEqualTo(20_000L);
		assertThat(grant.amountFen()).isEqualTo(500_000L);

		// upkeep: only the station listed the whole month, not suspended, silent or
		// overdue
		PaymentBatch upkeepBatch = runs.run(upkeep.id(), month).batch();
		assertThat(runs.listLines(upkeepBatch.id())).extracting(BatchLine::stationId)
			.containsExactly(upkept.id().value());
		assertThat(upkeepBatch.totalFen()).isEqualTo(20_000L);
		assertThat(List.of(suspended, silent, overdue, listedMidMonth)).isNotEmpty();

		// construction: the stations first listed (accepted) in the month, 20,000 yuan
		// each
		PaymentBatch constructionBatch = runs.run(construction.id(), month).batch();
		assertThat(runs.listLines(constructionBatch.id())).extracting(BatchLine::stationId)
			.containsExactlyInAnyOrder(listedMidMonth.id().value(), selfBuilt.id().value());
		assertThat(constructionBatch.totalFen()).isEqualTo(4_000_000L);

		// the self-built grant: 5,000 yuan to the enterprise that built its own station
		PaymentBatch grantBatch = runs.run(grant.id(), month).batch();
		assertThat(runs.listLines(grantBatch.id())).singleElement().satisfies(line -> {
			assertThat(line.stationId()).isEqualTo(selfBuilt.id().value());
			assertThat(line.payeeName()).isEqualTo("太原自建驿站有限公司");
			assertThat(line.payeeCode()).isEqualTo(creditCode);
			assertThat(line.amountFen()).isEqualTo(500_000L);
		});

		// a one-off is owed once: the next month's run does not pay the same stations
		// again
		f.status(listedMidMonth, LocalDate.of(2021, 7, 5), "SUSPENDED");
		f.status(listedMidMonth, LocalDate.of(2021, 7, 9), "LISTED");
		assertThat(runs.run(construction.id(), month.plusMonths(1)).batch().lineCount()).isZero();
	}

	@Test
	void fiftyConcurrentRunsOfOneMonthMakeOneBatchAndARepeatedRunNothingNew() throws Exception {
		FundingFixtures f = fixtures();
		String district = "140108";
		for (int i = 0; i < 3; i++) {
			f.listedSince(district, LocalDate.of(2022, 1, 1));
		}
		SubsidyRule upkeep = rule(district, SubsidyKind.UPKEEP, 2022, "200", "100000");

		List<RunResult> results = concurrently(50, MAKER, () -> runs.run(upkeep.id(), YearMonth.of(2022, 3)));

		assertThat(results).filteredOn(RunResult::created).hasSize(1);
		assertThat(results).extracting(r -> r.batch().id()).containsOnly(results.get(0).batch().id());
		assertThat(jdbc.sql("select count(*) from funding_batch where rule_id = :rule")
			.param("rule", upkeep.id())
			.query(Long.class)
			.single()).isOne();
		assertThat(jdbc.sql("select count(*) from funding_batch_line where rule_id = :rule")
			.param("rule", upkeep.id())
			.query(Long.class)
			.single()).isEqualTo(3);
		signIn(MAKER);
		RunResult again = runs.run(upkeep.id(), YearMonth.of(2022, 3));
		assertThat(again.created()).isFalse();
		assertThat(again.batch().lineCount()).isEqualTo(3);
		assertThat(again.batch().totalFen()).isEqualTo(60_000L);
	}

	@Test
	void theMakerCannotApproveAndABigBatchNeedsTwoOthersWhoseRepeatedApprovalsPayOnce() throws Exception {
		FundingFixtures f = fixtures();
		String district = "140109";
		for (int i = 0; i < 6; i++) {
			f.listedSince(district, LocalDate.of(2023, 4, 10));
		}
		SubsidyRule construction = rule(district, SubsidyKind.CONSTRUCTION, 2023, "20000", "1000000");
		PaymentBatch batch = runs.run(construction.id(), YearMonth.of(2023, 4)).batch();
		assertThat(batch.totalFen()).isEqualTo(12_000_000L);
		assertThat(batch.totalFen()).isGreaterThan(runs.secondApprovalAboveFen());
		assertThat(batch.approvalsRequired()).isEqualTo(2);

		assertThatThrownBy(() -> runs.approve(batch.id())).isInstanceOf(ForbiddenException.class)
			.satisfies(ex -> assertThat(((ForbiddenException) ex).explanation().code())
				.isEqualTo("funding.approve.ownBatch"));

		List<PaymentBatch> first = concurrently(50, CHECKER, () -> runs.approve(batch.id()));
		assertThat(first).allSatisfy(b -> assertThat(b.paid()).isFalse());
		assertThat(ledgerCount(batch.id())).isZero();

		List<PaymentBatch> second = concurrently(50, SECOND_CHECKER, () -> runs.approve(batch.id()));
		assertThat(second).allSatisfy(b -> assertThat(b.paid()).isTrue());
		assertThat(second.get(0).approvedBy()).containsExactly(CHECKER.username(), SECOND_CHECKER.username());
		assertThat(ledgerCount(batch.id())).isEqualTo(6);
		signIn(MAKER);
		assertThat(rules.get(construction.id()).paidFen()).isEqualTo(12_000_000L);
		assertThat(rules.get(construction.id()).committedFen()).isZero();
	}

	@Test
	void concurrentRunsNeverCommitMoreThanTheBudgetAndTheRefusalSaysWhatIsLeft() throws Exception {
		FundingFixtures f = fixtures();
		String district = "140110";
		f.listedSince(district, LocalDate.of(2019, 1, 1));
		SubsidyRule upkeep = rule(district, SubsidyKind.UPKEEP, 2019, "200", "500");

		java.util.concurrent.atomic.AtomicInteger months = new java.util.concurrent.atomic.AtomicInteger();

		List<Object> outcomes = concurrently(6, MAKER, () -> {
			try {
				return runs.run(upkeep.id(), YearMonth.of(2019, months.incrementAndGet()));
			}
			catch (ConflictException ex) {
				return ex;
			}
		});

		assertThat(outcomes).filteredOn(RunResult.class::isInstance).hasSize(2);
		assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(4).allSatisfy(refusal -> {
			ConflictException ex = (ConflictException) refusal;
			assertThat(ex.explanation().code()).isEqualTo("funding.budget.exceeded");
			assertThat(ex.explanation().args()).containsExactly("200.00", "100.00");
		});
		assertThat(jdbc.sql("select count(*) from funding_batch where rule_id = :rule")
			.param("rule", upkeep.id())
			.query(Long.class)
			.single()).isEqualTo(2);
		signIn(MAKER);
		assertThat(rules.get(upkeep.id()).committedFen()).isEqualTo(40_000L);
		assertThat(rules.get(upkeep.id()).leftFen()).isEqualTo(10_000L);
	}

	@Test
	void theLedgerIsAppendOnlyAndAPaymentIsCorrectedByOneReversingEntry() {
		FundingFixtures f = fixtures();
		String district = "140121";
		f.listedSince(district, LocalDate.of(2018, 1, 1));
		SubsidyRule upkeep = rule(district, SubsidyKind.UPKEEP, 2018, "200", "2400");
		PaymentBatch batch = runs.run(upkeep.id(), YearMonth.of(2018, 2)).batch();
		signIn(CHECKER);
		runs.approve(batch.id());
		LedgerEntry payment = runs.listEntries(batch.id()).get(0);
		assertThat(payment.amountFen()).isEqualTo(20_000L);

		assertThatThrownBy(() -> jdbc.sql("update funding_ledger set amount_fen = 1 where id = :id")
			.param("id", payment.id())
			.update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(
				() -> jdbc.sql("delete from funding_ledger where id = :id").param("id", payment.id()).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("truncate funding_ledger").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("permission denied");

		// the correction under maker-checker: requested by one, written when another
		// approves
		assertThatThrownBy(() -> runs.requestReversal(payment.id(), " ")).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.violations()).extracting(Violation::field).containsExactly("reason"));
		Reversal requested = runs.requestReversal(payment.id(), "重复发放，冲正");
		assertThat(requested.done()).isFalse();
		assertThat(runs.listEntries(batch.id())).as("nothing in the ledger before the approval").hasSize(1);
		assertThatThrownBy(() -> runs.requestReversal(payment.id(), "再申请一次")).as("one open request per payment")
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> runs.approveReversal(requested.id()))
			.as("the requester does not approve their own reversal")
			.isInstanceOfSatisfying(ForbiddenException.class,
					ex -> assertThat(ex.explanation().code()).isEqualTo("funding.reversal.ownRequest"));
		signIn(SECOND_CHECKER);
		Reversal approved = runs.approveReversal(requested.id());
		assertThat(approved.done()).isTrue();
		assertThat(approved.approvedBy()).isEqualTo(SECOND_CHECKER.username());
		LedgerEntry reversal = runs.listEntries(batch.id()).get(1);
		assertThat(reversal.id()).isEqualTo(approved.ledgerId());
		assertThat(reversal.amountFen()).isEqualTo(-20_000L);
		assertThat(reversal.reversesId()).isEqualTo(payment.id());
		assertThat(reversal.reason()).isEqualTo("重复发放，冲正");
		assertThatThrownBy(() -> runs.approveReversal(requested.id())).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> runs.requestReversal(payment.id(), "再次冲正")).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> runs.requestReversal(reversal.id(), "冲正的冲正")).isInstanceOf(ConflictException.class);
		assertThat(runs.listEntries(batch.id())).extracting(LedgerEntry::amountFen).containsExactly(20_000L, -20_000L);
		assertThat(rules.get(upkeep.id()).paidFen()).isZero();
	}

	@Test
	void badInputIsRefusedByNameAndNothingIsWritten() {
		signIn(MAKER);
		long before = jdbc.sql("select count(*) from funding_rule").query(Long.class).single();
		assertThat(violations(new RuleInput("140122", "UPKEEP", "坏规则", "2020", "abc", "-5")))
			.containsExactly("amount:funding.amount.notNumber", "budget:funding.amount.negative");
		assertThat(violations(new RuleInput("140122", "UPKEEP", "坏规则", "2020", "200.001", "1e5")))
			.containsExactly("amount:funding.amount.fractionOfFen", "budget:funding.amount.notNumber");
		assertThat(violations(new RuleInput("140122", "MONTHLY", "", "20x", "0", "100"))).containsExactly(
				"kind:funding.kind.unknown", "name:validation.required", "year:funding.year.range",
				"amount:funding.amount.zero");
		assertThat(jdbc.sql("select count(*) from funding_rule").query(Long.class).single()).isEqualTo(before);

		SubsidyRule upkeep = rule("140122", SubsidyKind.UPKEEP, 2020, "200.5", "1000");
		assertThat(upkeep.amountFen()).isEqualTo(20_050L);
		YearMonth thisMonth = YearMonth.from(runs.today());
		assertThatThrownBy(() -> runs.run(upkeep.id(), thisMonth)).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).violations().get(0).code())
				.isEqualTo("funding.month.notOver"));
		assertThatThrownBy(() -> runs.run(upkeep.id(), YearMonth.of(2021, 1))).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).violations().get(0).code())
				.isEqualTo("funding.month.outsideYear"));
		assertThatThrownBy(() -> rule("140122", SubsidyKind.UPKEEP, 2020, "300", "1000"))
			.isInstanceOf(ConflictException.class);
		assertThat(jdbc.sql("select count(*) from funding_batch where rule_id = :rule")
			.param("rule", upkeep.id())
			.query(Long.class)
			.single()).isZero();
	}

	private List<String> violations(RuleInput input) {
		try {
			rules.create(input);
			throw new AssertionError("accepted " + input);
		}
		catch (InvalidInputException ex) {
			return ex.violations().stream().map(v -> v.field() + ":" + v.code()).toList();
		}
	}

	private long ledgerCount(long batchId) {
		return jdbc.sql("select count(*) from funding_ledger where batch_id = :batch")
			.param("batch", batchId)
			.query(Long.class)
			.single();
	}

	/**
	 * Runs the call on {@code n} real threads released together, each signed in as the
	 * actor.
	 */
	static <T> List<T> concurrently(int n, Actor actor, Callable<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				futures.add(pool.submit(() -> {
					signIn(actor);
					try {
						start.await();
						return call.call();
					}
					finally {
						SecurityContextHolder.clearContext();
					}
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
