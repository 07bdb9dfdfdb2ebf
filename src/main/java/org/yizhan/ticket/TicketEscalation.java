package org.yizhan.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.organization.Audited;
import org.yizhan.station.ChainRouting.Holder;
import org.yizhan.ticket.ProblemTicket.Event;
import org.yizhan.ticket.TicketRepository.Overdue;
import org.yizhan.station.StationResponsibilities;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yizhan.station.ChainRouting;

/**
 * Moves every open ticket whose deadline has passed one level up its station's
 * responsibility chain, as the chain is now (levels without anyone skipped), with the new
 * level's deadline counted from the move, a history step, {@link TicketEscalated} and an
 * audit entry. A ticket at the supervising union stays there, overdue, for the digests to
 * report.
 *
 * <p>
 * Runs every {@code yizhan.rating.tickets.escalation-interval} on one instance at a time
 * (ShedLock). It is also safe without the lock: each batch locks its rows, and a run that
 * waited on a row another run has just moved reads the new deadline and leaves it, so a
 * deadline escalates exactly once and a second run changes nothing.
 */
@Component
public class TicketEscalation {

	static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(TicketEscalation.class);

	private final TicketRepository tickets;

	private final StationResponsibilities responsibilities;

	private final TicketSettings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	TicketEscalation(TicketRepository tickets, StationResponsibilities responsibilities, TicketSettings settings,
			ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
		this.tickets = tickets;
		this.responsibilities = responsibilities;
		this.settings = settings;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${yizhan.rating.tickets.escalation-interval:PT1M}",
			initialDelayString = "${yizhan.rating.tickets.escalation-interval:PT1M}")
	@SchedulerLock(name = "ticket-escalation", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
	public void escalateOnSchedule() {
		int moved = escalateOverdue();
		if (moved > 0) {
			log.info("Escalated {} overdue problem tickets", moved);
		}
	}

	/**
	 * Escalates what is overdue now, a batch per transaction.
	 * @return how many tickets moved; 0 on a second run at the same time
	 */
	public int escalateOverdue() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		int moved = 0;
		while (true) {
			Integer batch = this.transaction.execute(status -> escalateBatch(now));
			if (batch == null || batch == 0) {
				return moved;
			}
			moved += batch;
		}
	}

	/** Escalates the next batch; 0 when nothing is overdue any more. */
	private int escalateBatch(Instant now) {
		List<Overdue> overdue = this.tickets.lockOverdue(now, BATCH);
		int moved = 0;
		for (Overdue ticket : overdue) {
			Holder next = ChainRouting.above(this.responsibilities.getForSystem(ticket.station()), ticket.level());
			Instant due = now.plus(this.settings.deadlineAt(ticket.problem(), ticket.severity(), next.level()));
			if (this.tickets.escalate(ticket.id(), ticket.version(), next, due) != 1) {
				// The row is locked and was read with its version: only a bug gets here.
				throw new IllegalStateException("Ticket " + ticket.number() + " changed under its lock");
			}
			this.tickets.insertStep(ticket.id(), now, Event.ESCALATED, next, null, due, null);
			this.events.publishEvent(new TicketEscalated(ticket.id(), ticket.number().value(), ticket.station(),
					ticket.problem(), ticket.level(), next.level(), next.accountId(), next.unionCode(), due, now));
			String skipped = next.skipped().stream().map(Enum::name).collect(Collectors.joining(","));
			String holder = (next.account() != null) ? next.account().username() : next.unionCode();
			this.events.publishEvent(new Audited("ticket.escalate", "ticket", ticket.number().value(),
					ticket.districtCode(), "level=" + ticket.level(), "level=" + next.level() + "; holder=" + holder
							+ "; dueAt=" + due + (skipped.isEmpty() ? "" : "; skipped=" + skipped)));
			moved++;
		}
		return moved;
	}

}
