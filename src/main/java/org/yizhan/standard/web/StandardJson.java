package org.yizhan.standard.web;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.yizhan.platform.YizhanTime;
import org.yizhan.standard.Checklist;
import org.yizhan.standard.ChecklistInForce;
import org.yizhan.standard.ChecklistItem;
import org.yizhan.standard.ChecklistVersion;
import org.yizhan.standard.StationJudgement;
import org.yizhan.standard.StationShortfall;

/** The standards module's JSON shapes; times in Asia/Shanghai. */
final class StandardJson {

	private StandardJson() {
	}

	/** 12.00 as 12 and 12.50 as 12.5, never 1.2E+1. */
	static BigDecimal plain(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	static OffsetDateTime time(Instant instant) {
		return instant == null ? null : instant.atZone(YizhanTime.ZONE).toOffsetDateTime();
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ItemJson(String code, String textZh, String textEn, String evidence, String amenity, BigDecimal minimum,
			String unit, String measure, boolean required, Long versionId) {

		static ItemJson of(ChecklistItem item, Long versionId) {
			return new ItemJson(item.code(), item.textZh(), item.textEn(), item.evidence().name(),
					item.amenity() == null ? null : item.amenity().name(), plain(item.minimum()), item.unit(),
					item.measure() == null ? null : item.measure().name(), item.required(), versionId);
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record VersionJson(long id, int number, String note, OffsetDateTime createdAt, String createdBy,
			List<ItemJson> items) {

		static VersionJson of(ChecklistVersion version) {
			return new VersionJson(version.id(), version.number(), version.note(), time(version.createdAt()),
					version.createdBy(), version.items().stream().map(item -> ItemJson.of(item, null)).toList());
		}

	}

	/**
	 * A checklist; {@code versions} newest first, only in the answer for one checklist.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ChecklistJson(long id, String ownerCode, String ownerName, String nameZh, String nameEn, String source,
			Long extendsId, VersionJson currentVersion, List<VersionJson> versions) {

		static ChecklistJson of(Checklist checklist, boolean withVersions) {
			return new ChecklistJson(checklist.id(), checklist.ownerCode(), checklist.ownerName(), checklist.nameZh(),
					checklist.nameEn(), checklist.source(), checklist.extendsId(), VersionJson.of(checklist.current()),
					withVersions ? checklist.versions().stream().map(VersionJson::of).toList() : null);
		}

	}

	record ChecklistRefJson(long id, String nameZh, String nameEn, long versionId, int version) {

		static ChecklistRefJson of(StationJudgement.JudgedAgainst against) {
			return new ChecklistRefJson(against.checklistId(), against.nameZh(), against.nameEn(), against.versionId(),
					against.versionNumber());
		}

	}

	/** The standard in force for a union: none when no union up the tree has set one. */
	record InForceJson(String union, String assignedAt, String assignedAtName, ChecklistRefJson checklist,
			List<ItemJson> items) {

		static InForceJson of(String union, ChecklistInForce inForce) {
			if (inForce == null) {
				return new InForceJson(union, null, null, null, List.of());
			}
			Checklist checklist = inForce.checklist();
			return new InForceJson(union, inForce.assignedAt(), inForce.assignedAtName(),
					new ChecklistRefJson(checklist.id(), checklist.nameZh(), checklist.nameEn(), inForce.version().id(),
							inForce.version().number()),
					inForce.items().stream().map(item -> ItemJson.of(item.item(), item.versionId())).toList());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record JudgedItemJson(String code, String textZh, String textEn, String evidence, boolean required, long versionId,
			Boolean yes, BigDecimal number, Long photoId, Boolean amenityPresent, boolean met) {

		static JudgedItemJson of(StationJudgement.JudgedItem item) {
			return new JudgedItemJson(item.item().code(), item.item().textZh(), item.item().textEn(),
					item.item().evidence().name(), item.item().required(), item.versionId(), item.yes(),
					plain(item.number()), item.photoId(), item.amenityPresent(), item.met());
		}

	}

	record JudgementJson(Long id, long stationId, ChecklistRefJson checklist, String purpose, OffsetDateTime judgedAt,
			String judgedBy, boolean met, List<String> unmetRequired, List<JudgedItemJson> items) {

		static JudgementJson of(StationJudgement judgement) {
			return new JudgementJson(judgement.id(), judgement.stationId(), ChecklistRefJson.of(judgement.against()),
					judgement.purpose(), time(judgement.judgedAt()), judgement.judgedBy(), judgement.met(),
					judgement.unmetRequired().stream().map(item -> item.item().code()).toList(),
					judgement.items().stream().map(JudgedItemJson::of).toList());
		}

	}

	record ShortfallJson(long stationId, String code, String name, String districtCode, ChecklistRefJson checklist,
			List<ItemJson> unmet) {

		static ShortfallJson of(StationShortfall shortfall) {
			return new ShortfallJson(shortfall.stationId(), shortfall.code(), shortfall.name(),
					shortfall.districtCode(), ChecklistRefJson.of(shortfall.against()),
					shortfall.unmet().stream().map(item -> ItemJson.of(item, null)).toList());
		}

	}

}
