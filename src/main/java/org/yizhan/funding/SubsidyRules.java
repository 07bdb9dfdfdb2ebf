package org.yizhan.funding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.platform.ConflictException;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.YizhanTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subsidy rules as data: a union adopts, for a budget year, what it pays for a kind of
 * subsidy and how much it may spend, after simulating what the rule would have cost over
 * last year's stations. One rule per union, kind and year; a budget may be raised or cut,
 * never below what is already committed and paid. Every change is audited.
 */
@Service
@Transactional
public class SubsidyRules {

	public static final int MAX_NAME = 100;

	private final FundingRepository repository;

	private final FundingCallers callers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SubsidyRules(FundingRepository repository, FundingCallers callers, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.callers = callers;
		this.events = events;
		this.clock = clock;
	}

	/** A validated rule, before it is stored or simulated. */
	record Checked(Organization union, SubsidyKind kind, String name, int year, long amountFen, long budgetFen) {
	}

	/**
	 * Adopts a rule.
	 * @throws InvalidInputException naming each bad field: an unknown kind, a year
	 * outside 2000–2100, an amount or budget that is not yuan with at most two decimals,
	 * negative or zero
	 * @throws ConflictException when the union has a rule of that kind for that year
	 */
	public SubsidyRule create(RuleInput input) {
		Actor actor = callers.manager();
		Checked rule = check(actor, input);
		long id;
		try {
			id = repository.insertRule(rule.union().code(), rule.kind(), rule.name(), rule.year(), rule.amountFen(),
					rule.budgetFen(), clock.instant(), actor.username());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("kind", "funding.rule.exists", rule.union().name(),
					String.valueOf(rule.year()));
		}
		events.publishEvent(new Audited("funding.rule.create", "funding_rule", String.valueOf(id), rule.union().code(),
				null, describe(rule.kind(), rule.year(), rule.amountFen(), rule.budgetFen())));
		return repository.findRule(id).orElseThrow();
	}

	/**
	 * Changes a rule's budget.
	 * @throws ConflictException when the new budget is below what is committed and paid
	 */
	public SubsidyRule changeBudget(long id, String budget) {
		Actor actor = callers.manager();
		SubsidyRule rule = get(id);
		long budgetFen = Fen.parseYuan("budget", budget);
		repository.lockRule(id);
		rule = repository.findRule(id).orElseThrow();
		long spent = rule.committedFen() + rule.paidFen();
		if (budgetFen < spent) {
			throw new ConflictException("budget", "funding.budget.belowSpent", Fen.format(spent));
		}
		repository.updateBudget(id, budgetFen);
		events.publishEvent(new Audited("funding.rule.budget", "funding_rule", String.valueOf(id), rule.unionCode(),
				"budget=" + Fen.format(rule.budgetFen()), "budget=" + Fen.format(budgetFen)));
		return repository.findRule(id).orElseThrow();
	}

	/** A rule of a union the caller sees; 404 for any other. */
	@Transactional(readOnly = true)
	public SubsidyRule get(long id) {
		Actor actor = callers.reader();
		return repository.findRule(id)
			.filter(rule -> callers.sees(actor, rule.unionCode()))
			.orElseThrow(() -> new NotFoundException("funding.rule.notFound", String.valueOf(id)));
	}

	/** The rules of a union's subtree (default: the caller's), of one year or all. */
	@Transactional(readOnly = true)
	public List<SubsidyRule> list(String union, Integer year) {
		Actor actor = callers.reader();
		return repository.listRules(callers.union(actor, union).path(), year);
	}

	/**
	 * What a rule would have cost over last year's stations (the calendar year before
	 * today's), per union below the rule's union; nothing is stored.
	 */
	@Transactional(readOnly = true)
	public Simulation simulate(RuleInput input) {
		Actor actor = callers.manager();
		Checked rule = check(actor, input);
		int lastYear = today().getYear() - 1;
		LocalDate from = LocalDate.of(lastYear, 1, 1);
		LocalDate to = LocalDate.of(lastYear, 12, 1);
		return new Simulation(rule.union().code(), rule.kind(), lastYear, rule.amountFen(), rule.budgetFen(),
				repository.simulate(rule.kind(), rule.union().code(), rule.union().path(), from, to, rule.amountFen()));
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(YizhanTime.ZONE));
	}

	private Checked check(Actor actor, RuleInput input) {
		Organization union = callers.union(actor, input.union());
		List<Violation> violations = new ArrayList<>();
		SubsidyKind kind = null;
		if (input.kind() == null || input.kind().isBlank()) {
			violations.add(Violation.of("kind", "validation.required"));
		}
		else {
			try {
				kind = SubsidyKind.valueOf(input.kind().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				violations.add(Violation.of("kind", "funding.kind.unknown", input.kind()));
			}
		}
		String name = input.name() == null ? "" : input.name().strip();
		if (name.isEmpty()) {
			violations.add(Violation.of("name", "validation.required"));
		}
		else if (name.length() > MAX_NAME || !name.chars()
			.allMatch(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)) {
			violations.add(Violation.of("name", "funding.name.invalid", MAX_NAME));
		}
		int year = 0;
		try {
			year = Integer.parseInt(input.year() == null ? "" : input.year().strip());
			if (year < 2000 || year > 2100) {
				violations.add(Violation.of("year", "funding.year.range"));
			}
		}
		catch (NumberFormatException ex) {
			violations.add(Violation.of("year", "funding.year.range"));
		}
		long amount = money("amount", input.amount(), violations);
		long budget = money("budget", input.budget(), violations);
		if (amount == 0 && violations.stream().noneMatch(v -> v.field().equals("amount"))) {
			violations.add(Violation.of("amount", "funding.amount.zero"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new Checked(union, kind, name, year, amount, budget);
	}

	private static long money(String field, String value, List<Violation> violations) {
		try {
			return Fen.parseYuan(field, value);
		}
		catch (InvalidInputException ex) {
			violations.addAll(ex.violations());
			return -1;
		}
	}

	static String describe(SubsidyKind kind, int year, long amountFen, long budgetFen) {
		return kind + " " + year + " amount=" + Fen.format(amountFen) + " budget=" + Fen.format(budgetFen);
	}

}
