package org.yizhan.standard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.yizhan.station.Amenity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an extension may do to an item it inherits (tighten, never weaken), and how an
 * item is judged from a station's record and what was recorded.
 */
class ChecklistItemTests {

	static final ChecklistItem AREA = new ChecklistItem("area", "面积不少于12平方米", "At least 12 m²", Evidence.NUMBER, null,
			new BigDecimal("12"), "m²", StationMeasure.AREA_M2, true);

	static final ChecklistItem STREET = new ChecklistItem("street-level", "一楼临街", "Ground floor", Evidence.YES_NO, null,
			null, null, null, true);

	static final ChecklistItem TOILET = new ChecklistItem("toilet", "有卫生间", "A toilet", Evidence.AMENITY,
			Amenity.TOILET, null, null, null, false);

	@Test
	void aHigherMinimumOrMakingAnOptionalItemRequiredTightens() {
		assertThat(area("20", true).weakens(AREA)).isEmpty();
		assertThat(area("12.00", true).weakens(AREA)).isEmpty();
		ChecklistItem requiredToilet = new ChecklistItem("toilet", "有卫生间", "A toilet", Evidence.AMENITY, Amenity.TOILET,
				null, null, null, true);
		assertThat(requiredToilet.weakens(TOILET)).isEmpty();
	}

	@Test
	void aLowerMinimumOptionalOrOtherEvidenceWeakens() {
		assertThat(area("11.99", true).weakens(AREA)).contains("standard.weakens.minimum");
		assertThat(area("12", false).weakens(AREA)).contains("standard.weakens.optional");
		ChecklistItem areaAsked = new ChecklistItem("area", "面积", "Area", Evidence.YES_NO, null, null, null, null,
				true);
		assertThat(areaAsked.weakens(AREA)).contains("standard.weakens.evidence");
		ChecklistItem otherAmenity = new ChecklistItem("toilet", "有卫生间", "A toilet", Evidence.AMENITY, Amenity.SEATING,
				null, null, null, false);
		assertThat(otherAmenity.weakens(TOILET)).contains("standard.weakens.evidence");
	}

	@Test
	void amenitiesAndMeasuresComeFromTheStationAndTheRestFromWhatWasRecorded() {
		ChecklistInForce standard = new ChecklistInForce("370000", "山东省总工会", checklist(),
				List.of(new ChecklistInForce.Item(AREA, 1, 1), new ChecklistInForce.Item(STREET, 1, 1),
						new ChecklistInForce.Item(TOILET, 1, 1)));
		JudgementRepository.StationFacts small = facts("11.5", Set.of(Amenity.SEATING));
		StationJudgement unmet = StationJudgements.judgeFacts(standard, small, Map.of(), "ASSESSED", Instant.EPOCH,
				"system");
		assertThat(unmet.unmetRequired()).extracting(item -> item.item().code())
			.containsExactly("area", "street-level");
		assertThat(unmet.items().get(2).amenityPresent()).isFalse();

		JudgementRepository.StationFacts large = facts("12", Set.of(Amenity.TOILET));
		StationJudgement met = StationJudgements.judgeFacts(standard, large,
				Map.of("street-level", new JudgementRepository.Recorded(true, null, null)), "ASSESSED", Instant.EPOCH,
				"system");
		assertThat(met.met()).isTrue();
		assertThat(met.items().get(0).number()).isEqualByComparingTo("12");
		StationJudgement answeredNo = StationJudgements.judgeFacts(standard, large,
				Map.of("street-level", new JudgementRepository.Recorded(false, null, null)), "ASSESSED", Instant.EPOCH,
				"system");
		assertThat(answeredNo.unmetRequired()).extracting(item -> item.item().code()).containsExactly("street-level");
	}

	private static ChecklistItem area(String minimum, boolean required) {
		return new ChecklistItem("area", "面积", "Area", Evidence.NUMBER, null, new BigDecimal(minimum), "m²",
				StationMeasure.AREA_M2, required);
	}

	private static Checklist checklist() {
		return new Checklist(1, "370000", "山东省总工会", "山东省规则", "Shandong's rule", "测试", null, Instant.EPOCH,
				List.of(new ChecklistVersion(1, 1, null, Instant.EPOCH, "seed", List.of(AREA, STREET, TOILET))));
	}

	private static JudgementRepository.StationFacts facts(String areaM2, Set<Amenity> amenities) {
		return new JudgementRepository.StationFacts(7, "370202-0001", "测试驿站", "370202", amenities,
				new BigDecimal(areaM2), null);
	}

}
