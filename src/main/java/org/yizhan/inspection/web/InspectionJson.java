package org.yizhan.inspection.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.yizhan.inspection.Assignee;
import org.yizhan.inspection.Campaign;
import org.yizhan.inspection.CampaignItem;
import org.yizhan.inspection.CampaignProgress;
import org.yizhan.inspection.Inspection;
import org.yizhan.platform.YizhanTime;

/**
 * The API's shapes of campaigns and inspections; times in Beijing time with their offset.
 */
final class InspectionJson {

	private InspectionJson() {
	}

	record CampaignJson(long id, String union, String unionName, String kind, String name, boolean mystery,
			ChecklistJson checklist, Integer samplePercent, String seed, int sampleSize, LocalDate startsOn,
			LocalDate endsOn, String series, String period, OffsetDateTime publishedAt, OffsetDateTime createdAt,
			String createdBy, List<CampaignItem> items, List<Assignee> assignees) {

		static CampaignJson of(Campaign c) {
			return new CampaignJson(c.id(), c.unionCode(), c.unionName(), c.kind().name(), c.name(), c.mystery(),
					new ChecklistJson(c.checklistId(), c.checklistVersionId(), c.checklistVersionNumber(),
							c.checklistNameZh(), c.checklistNameEn()),
					c.samplePercent(), Long.toString(c.seed()), c.sampleSize(), c.startsOn(), c.endsOn(), c.series(),
					c.period(), time(c.publishedAt()), time(c.createdAt()), c.createdBy(), c.items(), c.assignees());
		}

	}

	/**
	 * @param versionId the standard module's checklist version id
	 * @param version its number
	 */
	record ChecklistJson(long id, long versionId, int version, String nameZh, String nameEn) {
	}

	record ProgressJson(CampaignJson campaign, CampaignProgress.Counts total, int visitedPercent,
			List<CampaignProgress.UnionCounts> unions) {

		static ProgressJson of(CampaignProgress p) {
			return new ProgressJson(CampaignJson.of(p.campaign()), p.total(), p.total().visitedPercent(), p.unions());
		}

	}

	record AnswerJson(String code, String textZh, String textEn, boolean required, String result, BigDecimal score,
			String note, Long photoId, String photoUrl) {
	}

	record InspectionJsonView(long id, String clientId, long campaignId, String campaignName, String kind,
			boolean mystery, long stationId, String stationCode, String stationName, String district, long inspectorId,
			String inspectorName, OffsetDateTime inspectedAt, OffsetDateTime submittedAt, Boolean nearStation,
			String note, BigDecimal score, boolean passed, int failedItems, String checklistNameZh,
			int checklistVersion, List<AnswerJson> answers) {

		static InspectionJsonView of(Inspection i) {
			return new InspectionJsonView(i.id(), i.clientId(), i.campaignId(), i.campaignName(), i.kind().name(),
					i.mystery(), i.stationId(), i.stationCode(), i.stationName(), i.districtCode(), i.inspectorId(),
					i.inspectorName(), time(i.inspectedAt()), time(i.submittedAt()), i.nearStation(), i.note(),
					i.score(), i.passed(), i.failedItems(), i.checklistNameZh(), i.checklistVersionNumber(),
					i.answers()
						.stream()
						.map(a -> new AnswerJson(a.code(), a.textZh(), a.textEn(), a.required(),
								a.passed() ? "PASS" : "FAIL", a.score(), a.note(), a.photoId(),
								a.photoId() == null ? null : "/api/v1/inspection-photos/" + a.photoId()))
						.toList());
		}

	}

	static OffsetDateTime time(Instant instant) {
		return instant == null ? null : instant.atZone(YizhanTime.ZONE).toOffsetDateTime();
	}

}
