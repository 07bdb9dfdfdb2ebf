package org.yizhan.funding.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.yizhan.funding.BatchLine;
import org.yizhan.funding.Fen;
import org.yizhan.funding.FundReport;
import org.yizhan.funding.LedgerEntry;
import org.yizhan.funding.PaymentBatch;
import org.yizhan.funding.Simulation;
import org.yizhan.funding.SubsidyRule;

/**
 * The funding API's answers. Every amount is given twice: as integer fen (the exact
 * figure, {@code ...Fen}) and as yuan text with two decimals ({@code ...Yuan}), never as
 * a floating-point number.
 */
final class FundingJson {

	private FundingJson() {
	}

	record Rule(long id, String union, String unionName, String kind, String name, int year, long amountFen,
			String amountYuan, long budgetFen, String budgetYuan, long committedFen, long paidFen, long leftFen,
			String leftYuan, Instant createdAt, String createdBy) {

		static Rule of(SubsidyRule r) {
			return new Rule(r.id(), r.unionCode(), r.unionName(), r.kind().name(), r.name(), r.year(), r.amountFen(),
					Fen.format(r.amountFen()), r.budgetFen(), Fen.format(r.budgetFen()), r.committedFen(), r.paidFen(),
					r.leftFen(), Fen.format(r.leftFen()), r.createdAt(), r.createdBy());
		}

	}

	record SimulationRow(String union, String unionName, long stations, long units, long costFen, String costYuan) {
	}

	record SimulationResult(String union, String kind, int year, long amountFen, long budgetFen, long units,
			long totalFen, String totalYuan, boolean withinBudget, List<SimulationRow> rows) {

		static SimulationResult of(Simulation s) {
			return new SimulationResult(s.unionCode(), s.kind().name(), s.year(), s.amountFen(), s.budgetFen(),
					s.units(), s.totalFen(), Fen.format(s.totalFen()), s.totalFen() <= s.budgetFen(),
					s.rows()
						.stream()
						.map(r -> new SimulationRow(r.unionCode(), r.unionName(), r.stations(), r.units(), r.costFen(),
								Fen.format(r.costFen())))
						.toList());
		}

	}

	record Batch(long id, long ruleId, String ruleName, String kind, String union, String month, String status,
			int lineCount, long totalFen, String totalYuan, int approvalsRequired, List<String> approvedBy,
			Instant preparedAt, String preparedBy, Instant paidAt) {

		static Batch of(PaymentBatch b) {
			return new Batch(b.id(), b.ruleId(), b.ruleName(), b.kind().name(), b.unionCode(), b.period(), b.status(),
					b.lineCount(), b.totalFen(), Fen.format(b.totalFen()), b.approvalsRequired(), b.approvedBy(),
					b.preparedAt(), b.preparedBy(), b.paidAt());
		}

	}

	record Line(long id, long stationId, String stationCode, String stationName, String payee, String payeeCode,
			long amountFen, String amountYuan) {

		static Line of(BatchLine l) {
			return new Line(l.id(), l.stationId(), l.stationCode(), l.stationName(), l.payeeName(), l.payeeCode(),
					l.amountFen(), Fen.format(l.amountFen()));
		}

	}

	record Entry(long id, String kind, Long batchId, Long reverses, long stationId, LocalDate month, String payee,
			long amountFen, String amountYuan, String reason, Instant recordedAt, String recordedBy) {

		static Entry of(LedgerEntry e) {
			return new Entry(e.id(), e.kind(), e.batchId(), e.reversesId(), e.stationId(), e.month(), e.payeeName(),
					e.amountFen(), Fen.format(e.amountFen()), e.reason(), e.recordedAt(), e.recordedBy());
		}

	}

	/** A reversal request: {@code ledgerEntry} is the reversing entry once approved. */
	record ReversalView(long id, long entryId, long amountFen, String amountYuan, String payee, String reason,
			String status, String requestedBy, Instant requestedAt, String approvedBy, Instant approvedAt,
			Long ledgerEntry) {

		static ReversalView of(org.yizhan.funding.Reversal r) {
			return new ReversalView(r.id(), r.entryId(), r.amountFen(), Fen.format(r.amountFen()), r.payeeName(),
					r.reason(), r.status(), r.requestedBy(), r.requestedAt(), r.approvedBy(), r.approvedAt(),
					r.ledgerId());
		}

	}

	record BatchDetail(Batch batch, List<Line> lines, List<Entry> ledger) {
	}

	record Run(Batch batch, boolean created) {
	}

	record StationFunds(long stationId, String code, String name, String status, long paidFen, String paidYuan,
			long payments, long visits, String flag) {

		static StationFunds of(FundReport.StationFunds s) {
			return new StationFunds(s.stationId(), s.code(), s.name(), s.status(), s.paidFen(), Fen.format(s.paidFen()),
					s.payments(), s.visits(), s.flag() == null ? null : s.flag().name());
		}

	}

	record Report(String union, String unionName, int year, long budgetFen, long committedFen, long paidFen,
			String budgetYuan, String committedYuan, String paidYuan, long listedStations, long paidStations,
			long paidInYearFen, long visitsInYear, Long fenPerVisit, List<Rule> rules, List<StationFunds> stations,
			List<StationFunds> flagged) {

		static Report of(FundReport r) {
			return new Report(r.unionCode(), r.unionName(), r.year(), r.budgetFen(), r.committedFen(), r.paidFen(),
					Fen.format(r.budgetFen()), Fen.format(r.committedFen()), Fen.format(r.paidFen()),
					r.listedStations(), r.paidStations(), r.paidInYearFen(), r.visitsInYear(), r.fenPerVisit(),
					r.rules().stream().map(Rule::of).toList(), r.stations().stream().map(StationFunds::of).toList(),
					r.flagged().stream().map(StationFunds::of).toList());
		}

	}

}
