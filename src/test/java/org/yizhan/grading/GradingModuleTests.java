package org.yizhan.grading;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;
import org.yizhan.support.ActingAsNationalAdmin;
import org.yizhan.support.ModuleBeans;

import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The grading module starts with the modules it declares, and keeps rules through its API
 * alone: a saved rule is the one in force below its union, and a rule with a negative
 * weight or overlapping thresholds is refused whole, naming each field.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ExtendWith(ActingAsNationalAdmin.class)
class GradingModuleTests {

	/** 四川省: no other test keeps grading rules there. */
	static final String SICHUAN = "510000";

	private final ApplicationContext context;

	private final GradingRules rules;

	GradingModuleTests(ApplicationContext context, GradingRules rules) {
		this.context = context;
		this.rules = rules;
	}

	@Test
	void startsWithTheDeclaredModulesWhoseBeansItUses() {
		assertThat(ModuleBeans.modulesWithBeans(this.context)).contains("grading", "station", "organization",
				"platform");
	}

	@Test
	void aSavedRuleIsInForceBelowItsUnionAndABadOneIsRefusedWhole() {
		GradingRule saved = this.rules.save(rule("25", List.of("30", "50", "65", "80", "90")));

		GradingRule chengdu = this.rules.inForce("510107");
		assertThat(chengdu.id()).isEqualTo(saved.id());
		assertThat(chengdu.ownerCode()).isEqualTo(SICHUAN);
		assertThat(chengdu.criteria()).filteredOn(c -> c.criterion() == Criterion.VISITS)
			.singleElement()
			.satisfies(c -> assertThat(c.weight()).isEqualTo(25));

		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
				() -> this.rules.save(rule("-1", List.of("30", "50", "50", "40", "90"))));
		assertThat(refused.violations()).extracting(Violation::field)
			.containsExactly("weight.VISITS", "stars3", "stars4");
		assertThat(refused.violations()).extracting(Violation::code)
			.containsExactly("grading.weight.negative", "grading.threshold.overlap", "grading.threshold.overlap");
		assertThat(this.rules.inForce(SICHUAN).version()).as("nothing saved").isEqualTo(saved.version());
	}

	private static GradingRuleInput rule(String visitsWeight, List<String> stars) {
		Map<Criterion, GradingRuleInput.Weighing> criteria = new EnumMap<>(Criterion.class);
		for (Criterion criterion : Criterion.values()) {
			CriterionRule defaults = criterion.defaultRule();
			criteria.put(criterion,
					new GradingRuleInput.Weighing(
							criterion == Criterion.VISITS ? visitsWeight : Integer.toString(defaults.weight()),
							defaults.fullAt().toPlainString(), defaults.zeroAt().toPlainString()));
		}
		return new GradingRuleInput(SICHUAN, criteria, stars, List.of("60", "80", "92"));
	}

}
