package org.yizhan.ticket;

import java.time.Instant;
import java.util.List;

import org.yizhan.station.ResponsibleLevel;
import org.yizhan.station.StationId;

/**
 * A problem ticket as staff see it: what was reported where, who holds it, by when, and
 * every step so far.
 *
 * <p>
 * A ticket opens at the lowest level of the station's responsibility chain that has an
 * enabled account in it (the supervising union always has one: its admins), with the
 * problem type's deadline. A job moves it one level up each time its deadline passes,
 * skipping levels without anyone, until it reaches the supervising union, where it stays
 * overdue until someone resolves it. Resolving needs a note for the reporter, and a photo
 * for the problem types configured to need one; after that nothing changes.
 *
 * @param id the ticket's id
 * @param number the number the reporter was given
 * @param station the station
 * @param stationCode its code
 * @param stationName its name
 * @param districtCode its district
 * @param problem what was reported
 * @param description the reporter's own words, or {@code null}; shown escaped, to staff
 * only
 * @param status open or resolved
 * @param level the level holding it
 * @param assignee the person holding it, or {@code null} when a union does
 * @param union the union holding it, or {@code null} when a person does
 * @param createdAt when it was reported
 * @param dueAt when its current holder's time is up
 * @param resolvedAt when it was resolved, or {@code null}
 * @param resolvedBy who resolved it, or {@code null}
 * @param resolutionNote the note for the reporter, or {@code null}
 * @param photoKey the stored resolution photo, or {@code null}
 * @param version counts its changes
 * @param reportCount how many reports it stands for: 1, plus those of the tickets merged
 * into it
 * @param mergedInto the ticket it was merged into (it is resolved then), or {@code null}
 * @param history its steps, oldest first (empty in lists)
 */
public record ProblemTicket(long id, TicketNumber number, StationId station, String stationCode, String stationName,
		String districtCode, ProblemType problem, String description, TicketStatus status, ResponsibleLevel level,
		Person assignee, Union union, Instant createdAt, Instant dueAt, Instant resolvedAt, Person resolvedBy,
		String resolutionNote, String photoKey, long version, int reportCount, TicketNumber mergedInto,
		List<Step> history) {

	public ProblemTicket {
		history = List.copyOf(history);
	}

	public boolean isOpen() {
		return this.status == TicketStatus.OPEN;
	}

	/** Open with its deadline passed at {@code now}. */
	public boolean isOverdueAt(Instant now) {
		return isOpen() && !this.dueAt.isAfter(now);
	}

	/** Closed as a duplicate of {@link #mergedInto()}. */
	public boolean isMerged() {
		return this.mergedInto != null;
	}

	public boolean hasPhoto() {
		return this.photoKey != null;
	}

	ProblemTicket withHistory(List<Step> steps) {
		return new ProblemTicket(this.id, this.number, this.station, this.stationCode, this.stationName,
				this.districtCode, this.problem, this.description, this.status, this.level, this.assignee, this.union,
				this.createdAt, this.dueAt, this.resolvedAt, this.resolvedBy, this.resolutionNote, this.photoKey,
				this.version, this.reportCount, this.mergedInto, steps);
	}

	/** An account as a ticket shows it. */
	public record Person(long id, String username, String displayName) {
	}

	/** A union as a ticket shows it. */
	public record Union(String code, String name) {
	}

	/** What happened to a ticket at one step. */
	public enum Event {

		OPENED, ESCALATED, RESOLVED,
		/** Merged into another ticket of the station about the same problem. */
		MERGED

	}

	/**
	 * One step of a ticket.
	 *
	 * @param at when
	 * @param event what
	 * @param level the level holding the ticket after the step
	 * @param assignee the person holding it after the step, or {@code null}
	 * @param union the union holding it after the step, or {@code null}
	 * @param actor who acted ({@code null}: the reporter or the escalation job)
	 * @param dueAt the deadline the step set, or {@code null}
	 * @param skipped the levels passed over because nobody held them
	 * @param note the resolution note of a {@code RESOLVED} step, the surviving ticket's
	 * number of a {@code MERGED} one
	 */
	public record Step(Instant at, Event event, ResponsibleLevel level, Person assignee, Union union, Person actor,
			Instant dueAt, List<ResponsibleLevel> skipped, String note) {

		public Step {
			skipped = List.copyOf(skipped);
		}

	}

}
