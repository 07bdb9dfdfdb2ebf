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
 * for the problem types configured to need one.
 *
 * <p>
 * A case an inspection opened ({@link TicketSource#INSPECTION}) is not resolved by its
 * holder: the station side marks it rectified with a note and an "after" photo
 * ({@link TicketStatus#RECTIFIED}, no deadline runs), and an inspector or union staff
 * re-checks it (回头看): passed, it is resolved; failed, it is open again at its level with
 * a new deadline and the reason in its history. A case a worker reported may be reopened
 * by them within seven days of its resolution; it then starts again at the bottom of the
 * chain.
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
 * @param origin how it was opened
 * @param rectification the station side's rectification awaiting or past its re-check, or
 * {@code null}
 * @param reopenCount how often its reporter reopened it
 * @param history its steps, oldest first (empty in lists)
 */
public record ProblemTicket(long id, TicketNumber number, StationId station, String stationCode, String stationName,
		String districtCode, ProblemType problem, String description, TicketStatus status, ResponsibleLevel level,
		Person assignee, Union union, Instant createdAt, Instant dueAt, Instant resolvedAt, Person resolvedBy,
		String resolutionNote, String photoKey, long version, int reportCount, TicketNumber mergedInto, Origin origin,
		Rectification rectification, int reopenCount, List<Step> history) {

	public ProblemTicket {
		history = List.copyOf(history);
	}

	/** Open: its holder has to act on it. */
	public boolean isOpen() {
		return this.status == TicketStatus.OPEN;
	}

	/** Rectified by the station side, waiting for the re-check. */
	public boolean isAwaitingRecheck() {
		return this.status == TicketStatus.RECTIFIED;
	}

	public TicketSource source() {
		return this.origin.source();
	}

	/** Whether closing it needs an "after" photo and a re-check. */
	public boolean needsRecheck() {
		return this.origin.source() == TicketSource.INSPECTION;
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
				this.version, this.reportCount, this.mergedInto, this.origin, this.rectification, this.reopenCount,
				steps);
	}

	/**
	 * How a case was opened.
	 *
	 * @param source who opened it
	 * @param severity how serious, setting its deadline; {@code null} for a worker's
	 * report, whose problem type sets it
	 * @param openedBy the account that opened it, or {@code null} (a worker's report, an
	 * inspection uploaded without a signed-in account)
	 * @param callerPhoneMasked the hotline caller's phone as staff see it
	 * ({@code 138****1234}; stored sealed), or {@code null}
	 * @param itemCode the failed checklist item's code (inspections only)
	 * @param itemText the item as the checklist words it (inspections only)
	 * @param reference the inspection or campaign it came from, as the inspection module
	 * names it, or {@code null}
	 * @param beforePhotoKey the stored "before" photo, or {@code null}
	 */
	public record Origin(TicketSource source, Severity severity, Person openedBy, String callerPhoneMasked,
			String itemCode, String itemText, String reference, String beforePhotoKey) {
	}

	/**
	 * The station side's rectification of an inspection's case.
	 *
	 * @param at when it was marked rectified
	 * @param by who marked it
	 * @param note what was done
	 * @param afterPhotoKey the stored "after" photo
	 */
	public record Rectification(Instant at, Person by, String note, String afterPhotoKey) {
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
		MERGED,
		/**
		 * The station side marked an inspection's case rectified, with an "after" photo.
		 */
		RECTIFIED,
		/** The re-check found it rectified: the case is closed. */
		RECHECK_PASSED,
		/** The re-check found it not rectified: open again, the reason as its note. */
		RECHECK_FAILED,
		/** Its reporter reopened it after its resolution, the reason as its note. */
		REOPENED

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
	 * number of a {@code MERGED} one, what was done for a {@code RECTIFIED} one, the
	 * reason of a failed re-check or of a reopening
	 */
	public record Step(Instant at, Event event, ResponsibleLevel level, Person assignee, Union union, Person actor,
			Instant dueAt, List<ResponsibleLevel> skipped, String note) {

		public Step {
			skipped = List.copyOf(skipped);
		}

	}

}
