package org.yizhan.funding;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.yizhan.dataio.SheetWriter;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment runs, maker-checker and the ledger. A run computes, for a rule and a month that
 * is over, what each station or host is owed, in one statement over the union's subtree,
 * and prepares it as a batch; the same month run again (even fifty times at once) finds
 * that batch. A batch is approved by people other than its preparer, two of them above
 * {@code yizhan.funding.second-approval-above} yuan, and with the last approval its lines
 * become ledger entries, never beyond the rule's budget. Runs and payments of one rule
 * take turns on the rule's row lock, so two of them cannot both spend the last of a
 * budget. A ledger entry is corrected only by a reversing entry.
 */
@Service
@Transactional
public class PaymentRuns {

	public static final int MAX_REASON = 500;

	private final FundingRepository repository;

	private final FundingCallers callers;

	private final SubsidyRules rules;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final long secondApprovalAboveFen;

	PaymentRuns(FundingRepository repository, FundingCallers callers, SubsidyRules rules,
			ApplicationEventPublisher events, Clock clock,
			@Value("${yizhan.funding.second-approval-above:100000}") String secondApprovalAbove) {
		this.repository = repository;
		this.callers = callers;
		this.rules = rules;
		this.events = events;
		this.clock = clock;
		this.secondApprovalAboveFen = Fen.parseYuan("yizhan.funding.second-approval-above", secondApprovalAbove);
	}

	/** Above this many fen a batch needs two approvers. */
	public long secondApprovalAboveFen() {
		return this.secondApprovalAboveFen;
	}

	/**
	 * Prepares the batch of a rule's month, or finds the one prepared before.
	 * @throws InvalidInputException for a month missing, not yet over, or outside the
	 * rule's year
	 * @throws ConflictException when the batch would pass the budget (naming what is
	 * left)
	 */
	public RunResult run(long ruleId, YearMonth month) {
		Actor actor = callers.manager();
		SubsidyRule rule = rules.get(ruleId);
		if (month == null) {
			throw new InvalidInputException(Violation.of("month", "validation.required"));
		}
		if (!month.isBefore(YearMonth.from(rules.today()))) {
			throw new InvalidInputException(Violation.of("month", "funding.month.notOver", month.toString()));
		}
		if (month.getYear() != rule.year()) {
			throw new InvalidInputException(
					Violation.of("month", "funding.month.outsideYear", month.toString(), String.valueOf(rule.year())));
		}
		LocalDate first = month.atDay(1);
		repository.lockRule(ruleId);
		var existing = repository.findBatchId(ruleId, first);
		if (existing.isPresent()) {
			return new RunResult(repository.findBatch(existing.get()).orElseThrow(), false);
		}
		long batchId = repository.insertBatch(ruleId, first, clock.instant(), actor.username())
			.orElseThrow(() -> new IllegalStateException("the rule's lock is held, yet its month has a batch"));
		repository.insertLines(batchId, ruleId, rule.kind(), callers.path(rule.unionCode()), first, rule.amountFen());
		repository.totalBatch(batchId, this.secondApprovalAboveFen);
		PaymentBatch batch = repository.findBatch(batchId).orElseThrow();
		SubsidyRule before = repository.findRule(ruleId).orElseThrow();
		// the rule's committed sum now includes this batch
		if (before.leftFen() < 0) {
			throw new ConflictException("month", "funding.budget.exceeded", Fen.format(batch.totalFen()),
					Fen.format(before.leftFen() + batch.totalFen()));
		}
		events.publishEvent(new Audited("funding.run", "funding_batch", String.valueOf(batchId), rule.unionCode(), null,
				rule.kind() + " " + month + " lines=" + batch.lineCount() + " total=" + Fen.format(batch.totalFen())));
		return new RunResult(batch, true);
	}

	/**
	 * Approves a batch as the caller; with the approvals it needs, pays it. Approving
	 * again changes nothing.
	 * @throws ForbiddenException when the caller prepared the batch
	 * @throws ConflictException when the batch is paid already, or paying it would pass
	 * the budget (naming what is left)
	 */
	public PaymentBatch approve(long batchId) {
		Actor actor = callers.manager();
		PaymentBatch batch = get(batchId);
		repository.lockBatch(batchId);
		batch = repository.findBatch(batchId).orElseThrow();
		if (batch.preparedBy().equals(actor.username())) {
			throw new ForbiddenException("funding.approve.ownBatch", batch.preparedBy());
		}
		if (batch.approvedBy().contains(actor.username())) {
			return batch;
		}
		if (batch.paid()) {
			throw new ConflictException("batch", "funding.batch.paid", String.valueOf(batch.id()));
		}
		repository.insertApproval(batchId, actor.username(), clock.instant());
		int approvals = batch.approvedBy().size() + 1;
		String after = "approvals=" + approvals + "/" + batch.approvalsRequired();
		if (approvals >= batch.approvalsRequired()) {
			repository.lockRule(batch.ruleId());
			SubsidyRule rule = repository.findRule(batch.ruleId()).orElseThrow();
			long left = rule.budgetFen() - rule.paidFen();
			if (batch.totalFen() > left) {
				throw new ConflictException("batch", "funding.budget.exceeded", Fen.format(batch.totalFen()),
						Fen.format(left));
			}
			int entries = repository.pay(batchId, clock.instant(), actor.username());
			after += " paid entries=" + entries + " total=" + Fen.format(batch.totalFen());
		}
		events.publishEvent(new Audited("funding.approve", "funding_batch", String.valueOf(batchId), batch.unionCode(),
				"approvals=" + batch.approvedBy().size() + "/" + batch.approvalsRequired(), after));
		return repository.findBatch(batchId).orElseThrow();
	}

	/** A batch of a union the caller sees; 404 for any other. */
	@Transactional(readOnly = true)
	public PaymentBatch get(long batchId) {
		Actor actor = callers.reader();
		return repository.findBatch(batchId)
			.filter(batch -> callers.sees(actor, batch.unionCode()))
			.orElseThrow(() -> new NotFoundException("funding.batch.notFound", String.valueOf(batchId)));
	}

	@Transactional(readOnly = true)
	public List<BatchLine> listLines(long batchId) {
		get(batchId);
		return repository.listLines(batchId);
	}

	/** The ledger entries of a batch: its payments and their reversals. */
	@Transactional(readOnly = true)
	public List<LedgerEntry> listEntries(long batchId) {
		get(batchId);
		return repository.listEntries(batchId);
	}

	@Transactional(readOnly = true)
	public List<PaymentBatch> listBatches(long ruleId) {
		rules.get(ruleId);
		return repository.listBatches(ruleId);
	}

	/**
	 * Asks for a payment to be corrected with a reversing entry of the opposite amount
	 * (the payment stays); another manager approves it ({@link #approveReversal}) before
	 * anything is written to the ledger.
	 * @throws InvalidInputException without a reason
	 * @throws ConflictException for a reversal, a payment reversed already, or one with a
	 * request open
	 */
	public Reversal requestReversal(long entryId, String reason) {
		Actor actor = callers.manager();
		LedgerEntry entry = repository.findEntry(entryId)
			.filter(found -> repository.findRule(found.ruleId())
				.map(rule -> callers.sees(actor, rule.unionCode()))
				.orElse(false))
			.orElseThrow(() -> new NotFoundException("funding.entry.notFound", String.valueOf(entryId)));
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InvalidInputException(Violation.of("reason", "validation.required"));
		}
		if (why.length() > MAX_REASON) {
			throw new InvalidInputException(Violation.of("reason", "funding.reason.tooLong", MAX_REASON));
		}
		if (!"PAYMENT".equals(entry.kind())) {
			throw new ConflictException("entry", "funding.entry.notPayment", String.valueOf(entryId));
		}
		if (repository.isReversed(entryId)) {
			throw new ConflictException("entry", "funding.entry.reversed", String.valueOf(entryId));
		}
		long id;
		try {
			id = repository.insertReversalRequest(entryId, why, clock.instant(), actor.username());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("entry", "funding.reversal.open", String.valueOf(entryId));
		}
		SubsidyRule rule = repository.findRule(entry.ruleId()).orElseThrow();
		events.publishEvent(new Audited("funding.reverse", "funding_ledger", String.valueOf(entryId), rule.unionCode(),
				"amount=" + Fen.format(entry.amountFen()), "requested=" + id + " reason=" + why));
		return repository.findReversal(id, false).orElseThrow();
	}

	/**
	 * Approves a requested reversal: a manager of the payment's union other than the one
	 * who requested it (403, naming them) writes the reversing entry, with the request's
	 * reason, in this transaction. Refused (409) for a request done already.
	 */
	public Reversal approveReversal(long reversalId) {
		Actor actor = callers.manager();
		Reversal request = repository.findReversal(reversalId, true)
			.filter(found -> repository.findEntry(found.entryId())
				.flatMap(entry -> repository.findRule(entry.ruleId()))
				.map(rule -> callers.sees(actor, rule.unionCode()))
				.orElse(false))
			.orElseThrow(() -> new NotFoundException("funding.reversal.notFound", String.valueOf(reversalId)));
		if (request.requestedBy().equals(actor.username())) {
			throw new ForbiddenException("funding.reversal.ownRequest", request.requestedBy());
		}
		if (request.done()) {
			throw new ConflictException("reversal", "funding.reversal.done", String.valueOf(reversalId));
		}
		LedgerEntry entry = repository.findEntry(request.entryId()).orElseThrow();
		long id;
		try {
			id = repository.insertReversal(entry, request.reason(), clock.instant(), actor.username());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("entry", "funding.entry.reversed", String.valueOf(entry.id()));
		}
		repository.completeReversal(reversalId, id, clock.instant(), actor.username());
		SubsidyRule rule = repository.findRule(entry.ruleId()).orElseThrow();
		events.publishEvent(new Audited("funding.reversal.approve", "funding_ledger", String.valueOf(entry.id()),
				rule.unionCode(), "requested=" + reversalId + " by=" + request.requestedBy(),
				"reversal=" + id + " amount=" + Fen.format(-entry.amountFen())));
		return repository.findReversal(reversalId, false).orElseThrow();
	}

	/** The reversal requests of a batch's payments. */
	@Transactional(readOnly = true)
	public List<Reversal> listReversals(long batchId) {
		get(batchId);
		return repository.listReversals(batchId);
	}

	/**
	 * Writes a batch for the bank as one xlsx sheet: payee, code, station, month, amount
	 * in yuan; every cell neutralised against formulas. Audited: money leaves with it.
	 */
	public void export(long batchId, OutputStream out) {
		Actor actor = callers.manager();
		PaymentBatch batch = get(batchId);
		List<BatchLine> lines = repository.listLines(batchId);
		events.publishEvent(new Audited("funding.export", "funding_batch", String.valueOf(batchId), batch.unionCode(),
				null, "lines=" + lines.size() + " by=" + actor.username()));
		try (SheetWriter sheet = new SheetWriter(out, "payments")) {
			sheet.row(List.of("序号 No.", "收款方 Payee", "代码 Code", "驿站编码 Station", "驿站 Station name", "月份 Month",
					"金额（元） Amount (yuan)", "用途 Purpose"));
			int n = 0;
			for (BatchLine line : lines) {
				sheet.row(java.util.Arrays.asList(String.valueOf(++n), line.payeeName(), line.payeeCode(),
						line.stationCode(), line.stationName(), batch.period(), Fen.format(line.amountFen()),
						batch.ruleName()));
			}
		}
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(YizhanTime.ZONE));
	}

}
