package org.yizhan.inspection;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Announces an inspection the station's side may now know of, in the transaction that
 * made it so: its own (an open visit) or its campaign's publication (a mystery visit).
 */
@Component
class CompletionAnnouncer {

	private final ApplicationEventPublisher events;

	CompletionAnnouncer(ApplicationEventPublisher events) {
		this.events = events;
	}

	void announce(InspectionRepository.Stored stored) {
		Inspection i = stored.inspection();
		this.events.publishEvent(new InspectionCompleted(i.id(), i.stationId(), i.districtCode(), i.campaignId(),
				stored.unionCode(), i.kind(), stored.checklistId(), stored.checklistVersionId(),
				i.checklistVersionNumber(), i.score(), i.passed(), i.mystery(), i.inspectedAt(),
				i.answers()
					.stream()
					.filter(answer -> !answer.passed())
					.map(answer -> new InspectionCompleted.FailedItem(answer.code(), answer.textZh(), answer.textEn(),
							answer.note(), answer.photoId()))
					.toList()));
	}

}
