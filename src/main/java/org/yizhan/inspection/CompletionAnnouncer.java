package org.yizhan.inspection;

import java.util.List;

import org.yizhan.station.EvidencePhotos;
import org.yizhan.station.StationId;
import org.yizhan.ticket.Rectifications;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Announces an inspection the station's side may now know of, in the transaction that
 * made it so: its own (an open visit) or its campaign's publication (a mystery visit).
 *
 * <p>
 * In the same transaction each failed item becomes a rectification case (整改) in the
 * ticket module, with the inspector's note and photo as its "before": an inspection and
 * its cases are stored together or not at all, and a mystery visit's cases open only when
 * its results are published, so no case tells a station of a visit the union keeps
 * hidden. The deadline is the ticket module's for an inspection finding (30 days by
 * default).
 */
@Component
class CompletionAnnouncer {

	private final ApplicationEventPublisher events;

	private final Rectifications rectifications;

	private final InspectionRepository repository;

	private final EvidencePhotos photos;

	CompletionAnnouncer(ApplicationEventPublisher events, Rectifications rectifications,
			InspectionRepository repository, EvidencePhotos photos) {
		this.events = events;
		this.rectifications = rectifications;
		this.repository = repository;
		this.photos = photos;
	}

	/**
	 * What the cases of an inspection's failed items carry to name it, and what the
	 * campaign's progress counts them by.
	 */
	static String reference(long inspectionId, long campaignId) {
		return "inspection " + inspectionId + " / campaign " + campaignId;
	}

	void announce(InspectionRepository.Stored stored) {
		Inspection i = stored.inspection();
		List<InspectionCompleted.FailedItem> failedItems = i.answers()
			.stream()
			.filter(answer -> !answer.passed())
			.map(answer -> new InspectionCompleted.FailedItem(answer.code(), answer.textZh(), answer.textEn(),
					answer.note(), answer.photoId()))
			.toList();
		for (InspectionCompleted.FailedItem item : failedItems) {
			byte[] before = this.repository.findPhoto(item.photoId())
				.flatMap(photo -> this.photos.read(photo.key(), false))
				.orElse(null);
			this.rectifications.openFromInspection(new Rectifications.InspectionFinding(new StationId(i.stationId()),
					item.code(), item.textZh(), item.note(), null, null, before, reference(i.id(), i.campaignId())));
		}
		this.events.publishEvent(new InspectionCompleted(i.id(), i.stationId(), i.districtCode(), i.campaignId(),
				stored.unionCode(), i.kind(), stored.checklistId(), stored.checklistVersionId(),
				i.checklistVersionNumber(), i.score(), i.passed(), i.mystery(), i.inspectedAt(), failedItems));
	}

}
