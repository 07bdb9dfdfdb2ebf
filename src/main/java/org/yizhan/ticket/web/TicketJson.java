package org.yizhan.ticket.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.yizhan.platform.YizhanTime;
import org.yizhan.station.ResponsibleLevel;
import org.yizhan.ticket.ProblemTicket;

/**
 * A ticket as the staff API shows it, with its history; times in Asia/Shanghai.
 * {@code reports} counts the reports it stands for (1, plus those of the tickets merged
 * into it); {@code mergedInto} names the ticket it was merged into. {@code source} says
 * how it was opened ({@code QR_REPORT}, {@code SELF_CHECK}, {@code STAFF},
 * {@code INSPECTION}); {@code severity} is there for every source but a QR report;
 * {@code callerPhone} is masked ({@code 138****1234}); {@code item}, {@code reference}
 * and {@code beforePhotoUrl} are an inspection's; {@code rectification} is the station
 * side's rectification waiting for its re-check.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TicketJson(String number, StationJson station, String source, String severity, String problem,
		String description, String status, boolean overdue, String level, PersonJson assignee, UnionJson union,
		OffsetDateTime createdAt, OffsetDateTime dueAt, OffsetDateTime resolvedAt, PersonJson resolvedBy,
		String resolutionNote, String photoUrl, long version, int reports, String mergedInto, PersonJson openedBy,
		String callerPhone, ItemJson item, String reference, String beforePhotoUrl, RectificationJson rectification,
		int reopened, List<StepJson> history) {

	record ItemJson(String code, String text) {
	}

	record RectificationJson(OffsetDateTime at, PersonJson by, String note, String photoUrl) {
	}

	record StationJson(long id, String code, String name, String district) {
	}

	record PersonJson(long id, String username, String displayName) {

		static PersonJson of(ProblemTicket.Person person) {
			return (person != null) ? new PersonJson(person.id(), person.username(), person.displayName()) : null;
		}

	}

	record UnionJson(String code, String name) {

		static UnionJson of(ProblemTicket.Union union) {
			return (union != null) ? new UnionJson(union.code(), union.name()) : null;
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record StepJson(OffsetDateTime at, String event, String level, PersonJson assignee, UnionJson union,
			PersonJson actor, OffsetDateTime dueAt, List<String> skipped, String note) {
	}

	/**
	 * @param withHistory {@code false} in lists, where the history is left out
	 */
	static TicketJson of(ProblemTicket ticket, Instant now, boolean withHistory) {
		ProblemTicket.Origin origin = ticket.origin();
		String photos = "/api/v1/tickets/" + ticket.number().value() + "/photo";
		ProblemTicket.Rectification rectification = ticket.rectification();
		return new TicketJson(ticket.number().value(),
				new StationJson(ticket.station().value(), ticket.stationCode(), ticket.stationName(),
						ticket.districtCode()),
				origin.source().name(), (origin.severity() != null) ? origin.severity().name() : null,
				ticket.problem().name(), ticket.description(), ticket.status().name(), ticket.isOverdueAt(now),
				ticket.level().name(), PersonJson.of(ticket.assignee()), UnionJson.of(ticket.union()),
				time(ticket.createdAt()), time(ticket.dueAt()), time(ticket.resolvedAt()),
				PersonJson.of(ticket.resolvedBy()), ticket.resolutionNote(), ticket.hasPhoto() ? photos : null,
				ticket.version(), ticket.reportCount(), ticket.isMerged() ? ticket.mergedInto().value() : null,
				PersonJson.of(origin.openedBy()), origin.callerPhoneMasked(),
				(origin.itemCode() != null) ? new ItemJson(origin.itemCode(), origin.itemText()) : null,
				origin.reference(), (origin.beforePhotoKey() != null) ? photos + "?kind=before" : null,
				(rectification != null) ? new RectificationJson(time(rectification.at()),
						PersonJson.of(rectification.by()), rectification.note(), photos + "?kind=after") : null,
				ticket.reopenCount(),
				withHistory ? ticket.history()
					.stream()
					.map(step -> new StepJson(time(step.at()), step.event().name(), step.level().name(),
							PersonJson.of(step.assignee()), UnionJson.of(step.union()), PersonJson.of(step.actor()),
							time(step.dueAt()), step.skipped().stream().map(ResponsibleLevel::name).toList(),
							step.note()))
					.toList() : null);
	}

	static OffsetDateTime time(Instant instant) {
		return (instant != null) ? instant.atZone(YizhanTime.ZONE).toOffsetDateTime() : null;
	}

}
