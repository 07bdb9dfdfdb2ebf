package org.yizhan.grading;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.NotFoundException;
import org.yizhan.platform.Violation;
import org.yizhan.platform.security.ForbiddenException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each union's grading rule as data. The rule in force for a union is its own newest
 * version or, without one, its nearest ancestor's, or else the defaults
 * ({@link GradingRule#defaults}); saving always makes a new version, so the runs that
 * used an older one still explain themselves by it. Union staff of the subtree read
 * rules; only its admins save them.
 */
@Service
@Transactional
public class GradingRules {

	static final BigDecimal MAX_SCORE = BigDecimal.valueOf(100);

	static final BigDecimal MAX_END = new BigDecimal("9999999999");

	private final GradingRepository repository;

	private final OrganizationTree organizations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	GradingRules(GradingRepository repository, OrganizationTree organizations, ApplicationEventPublisher events,
			Clock clock) {
		this.repository = repository;
		this.organizations = organizations;
		this.events = events;
		this.clock = clock;
	}

	/** The rule in force for {@code unionCode}: union staff who see the union. */
	@Transactional(readOnly = true)
	public GradingRule inForce(String unionCode) {
		Actor actor = Actor.required();
		if (!actor.isUnionStaff()) {
			throw new ForbiddenException("grading.forbidden.read");
		}
		return inForceFor(union(actor, unionCode));
	}

	GradingRule inForceFor(Organization union) {
		List<String> nearestFirst = new ArrayList<>(
				this.organizations.listAncestry(union.code()).stream().map(Organization::code).toList());
		java.util.Collections.reverse(nearestFirst);
		return this.repository.findNewestRule(nearestFirst).orElseGet(() -> GradingRule.defaults(union.code()));
	}

	/**
	 * Saves a new version of a union's rule: an admin of a union they see. Refused whole
	 * (400 naming each field) for a negative or fractional weight, no weight at all, ends
	 * that are equal, and thresholds outside 0–100 or not strictly rising (overlapping).
	 */
	public GradingRule save(GradingRuleInput input) {
		Actor actor = Actor.required();
		if (!actor.holds(Role.ORG_ADMIN)) {
			throw new ForbiddenException("grading.forbidden.decide");
		}
		Organization union = union(actor, input.union());
		GradingRule rule = validate(input, union.code(), actor.username());
		GradingRule saved = this.repository.insertRule(rule);
		this.events.publishEvent(new Audited("grading.rule.save", "grading_rule",
				saved.ownerCode() + " v" + saved.version(), union.code(), null, describe(saved)));
		return saved;
	}

	GradingRule validate(GradingRuleInput input, String ownerCode, String by) {
		List<Violation> violations = new ArrayList<>();
		List<CriterionRule> criteria = new ArrayList<>();
		int total = 0;
		for (Criterion criterion : Criterion.values()) {
			GradingRuleInput.Weighing weighing = input.criteria() == null ? null : input.criteria().get(criterion);
			if (weighing == null) {
				weighing = new GradingRuleInput.Weighing(null, null, null);
			}
			Integer weight = weight(field("weight", criterion), weighing.weight(), violations);
			BigDecimal full = number(field("fullAt", criterion), weighing.fullAt(), MAX_END.negate(), MAX_END,
					violations);
			BigDecimal zero = number(field("zeroAt", criterion), weighing.zeroAt(), MAX_END.negate(), MAX_END,
					violations);
			if (full != null && zero != null && full.compareTo(zero) == 0) {
				violations.add(Violation.of(field("zeroAt", criterion), "grading.ends.equal"));
			}
			if (weight != null && full != null && zero != null) {
				criteria.add(new CriterionRule(criterion, weight, full, zero));
				total += weight;
			}
		}
		if (violations.isEmpty() && total == 0) {
			violations.add(Violation.of("weights", "grading.weights.none"));
		}
		List<BigDecimal> stars = thresholds(input.starThresholds(), 5, i -> "stars" + (i + 1), violations);
		List<BigDecimal> levels = thresholds(input.levelThresholds(), 3,
				i -> "level" + GradingRule.LEVELS.get(i).name(), violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new GradingRule(null, ownerCode, 0, criteria, stars, levels, this.clock.instant(), by);
	}

	/** A criterion's field as the form names it: {@code weight.VISITS}. */
	static String field(String name, Criterion criterion) {
		return name + "." + criterion.name();
	}

	private static Integer weight(String field, String value, List<Violation> violations) {
		if (value == null || value.isBlank()) {
			violations.add(Violation.of(field, "validation.required"));
			return null;
		}
		try {
			int weight = Integer.parseInt(value.strip());
			if (weight < 0) {
				violations.add(Violation.of(field, "grading.weight.negative"));
				return null;
			}
			if (weight > 1000) {
				violations.add(Violation.of(field, "validation.range", 0, 1000));
				return null;
			}
			return weight;
		}
		catch (NumberFormatException ex) {
			violations.add(Violation.of(field, "grading.weight.whole"));
			return null;
		}
	}

	private static BigDecimal number(String field, String value, BigDecimal min, BigDecimal max,
			List<Violation> violations) {
		if (value == null || value.isBlank()) {
			violations.add(Violation.of(field, "validation.required"));
			return null;
		}
		try {
			BigDecimal number = new BigDecimal(value.strip());
			if (number.compareTo(min) < 0 || number.compareTo(max) > 0 || number.scale() > 2) {
				violations.add(Violation.of(field, "validation.range", min.toPlainString(), max.toPlainString()));
				return null;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			violations.add(Violation.of(field, "grading.number"));
			return null;
		}
	}

	/**
	 * Thresholds that must lie in 0–100 and rise strictly: each names the one below it.
	 */
	private static List<BigDecimal> thresholds(List<String> values, int count,
			java.util.function.IntFunction<String> field, List<Violation> violations) {
		List<BigDecimal> thresholds = new ArrayList<>();
		BigDecimal previous = null;
		String previousField = null;
		for (int i = 0; i < count; i++) {
			String value = (values == null || values.size() <= i) ? null : values.get(i);
			BigDecimal threshold = number(field.apply(i), value, BigDecimal.ZERO, MAX_SCORE, violations);
			if (threshold != null && threshold.scale() > 1) {
				violations.add(Violation.of(field.apply(i), "grading.threshold.decimals"));
				threshold = null;
			}
			if (threshold != null && previous != null && threshold.compareTo(previous) <= 0) {
				violations.add(Violation.of(field.apply(i), "grading.threshold.overlap", previous.toPlainString(),
						previousField));
			}
			if (threshold != null) {
				previous = threshold;
				previousField = field.apply(i);
			}
			thresholds.add(threshold);
		}
		return thresholds;
	}

	/** A union the actor sees, or 404 (a foreign union does not exist for the caller). */
	Organization union(Actor actor, String code) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException(Violation.of("union", "validation.required"));
		}
		return this.organizations.findByCode(code.strip())
			.filter(union -> actor.sees(union.path()))
			.orElseThrow(() -> new NotFoundException("grading.union.notFound", code.strip()));
	}

	/** The path of a union (a station's district), for scope checks. */
	java.util.Optional<String> organizationPath(String code) {
		return this.organizations.findByCode(code).map(Organization::path);
	}

	static String describe(GradingRule rule) {
		return rule.criteria()
			.stream()
			.map(c -> c.criterion() + "=" + c.weight() + "@" + c.fullAt().toPlainString() + "/"
					+ c.zeroAt().toPlainString())
			.collect(Collectors.joining("; ")) + "; stars=" + join(rule.starThresholds()) + "; levels="
				+ join(rule.levelThresholds());
	}

	private static String join(List<BigDecimal> values) {
		return values.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(","));
	}

}
