package org.yizhan.ticket;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.yizhan.notification.Notice;
import org.yizhan.notification.NoticeLine;
import org.yizhan.notification.NoticeSection;
import org.yizhan.notification.NoticeText;
import org.yizhan.notification.Notifications;
import org.yizhan.organization.AccountDirectory;
import org.yizhan.organization.AccountSummary;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.YizhanTime;
import org.yizhan.station.ResponsibleLevel;
import org.yizhan.ticket.TicketRepository.Standing;
import org.yizhan.station.StationId;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever now holds a ticket, at once: a safety hazard has four hours, and the
 * morning digest may come too late. A new ticket ({@link ProblemReported}) and each
 * escalation ({@link TicketEscalated}) become a notice, {@value #KIND}, in the holder's
 * inbox, and by e-mail when mail is on, leading to the ticket's console page. A person
 * holds it at the lower levels; at the supervising union its ORG_ADMINs hear of it, or,
 * where that union has no admin account, those of the nearest union above it, since a
 * notice to nobody helps nobody.
 *
 * <p>
 * The events arrive after their commit through Modulith's outbox, each in a transaction
 * of its own, and are delivered again after a crash or restart. A notice's key is the
 * ticket's number and level, so a delivery replayed changes nothing, and a ticket that
 * has moved on (resolved, or escalated again) before its event was handled tells nobody
 * about the step it has left: the next step's own event tells the next holder.
 *
 * <p>
 * A notice asks for the ticket to be dealt with by a deadline, so once that no longer
 * stands the notice says so ({@link Notifications#settle}): a resolution
 * ({@link TicketResolved}) settles the holder's notice with when it was resolved, a merge
 * ({@link TicketMerged}) with the ticket it was merged into, and an escalation settles
 * the notice of the level it left with where it went. Nobody new is told of a resolution:
 * the reporter follows the ticket on its status page, whoever resolved it is its holder
 * or above it. Settling is by the same key as delivering, so it too may be replayed.
 *
 * <p>
 * A ticket its reporter reopened ({@link TicketReopened}) starts a new round: its
 * notices' keys carry the round ({@code number/LEVEL/2} for the first reopening), so its
 * holder is told again, and so is each level it climbs to, although those keys of the
 * first round were delivered and settled already.
 */
@Component
class TicketNotices {

	static final String KIND = "ticket.assigned";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(YizhanTime.ZONE);

	private final TicketRepository tickets;

	private final Notifications notifications;

	private final AccountDirectory directory;

	private final OrganizationTree organizations;

	private final MessageSource messages;

	TicketNotices(TicketRepository tickets, Notifications notifications, AccountDirectory directory,
			OrganizationTree organizations, MessageSource messages) {
		this.tickets = tickets;
		this.notifications = notifications;
		this.directory = directory;
		this.organizations = organizations;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(ProblemReported event) {
		tell(new Step(event.ticketId(), event.number(), event.station(), event.problem(), null, event.level(),
				event.assigneeId(), event.unionCode(), event.dueAt()));
	}

	@ApplicationModuleListener
	void on(TicketReopened event) {
		tell(new Step(event.ticketId(), event.number(), event.station(), event.problem(), null, event.level(),
				event.assigneeId(), event.unionCode(), event.dueAt()), true);
	}

	@ApplicationModuleListener
	void on(TicketResolved event) {
		String at = DATE_TIME.format(event.resolvedAt());
		settleAll(event.number(), message("ticket.notice.settled.resolved", Locale.SIMPLIFIED_CHINESE, at),
				message("ticket.notice.settled.resolved", Locale.ENGLISH, at));
	}

	@ApplicationModuleListener
	void on(TicketMerged event) {
		String at = DATE_TIME.format(event.mergedAt());
		settleAll(event.number(), message("ticket.notice.settled.merged", Locale.SIMPLIFIED_CHINESE, at, event.into()),
				message("ticket.notice.settled.merged", Locale.ENGLISH, at, event.into()));
	}

	@ApplicationModuleListener
	void on(TicketEscalated event) {
		// The level it left no longer has it to deal with, whatever happens to it next.
		String at = DATE_TIME.format(event.escalatedAt());
		String holder = tickets.findHolderName(event.assigneeId(), event.unionCode()).orElse("");
		notifications.settle(KIND, key(event.number(), event.from(), tickets.findReopenCount(event.number())),
				message("ticket.notice.settled.escalated", Locale.SIMPLIFIED_CHINESE, at,
						event.to().label(Locale.SIMPLIFIED_CHINESE), holder),
				message("ticket.notice.settled.escalated", Locale.ENGLISH, at, event.to().label(Locale.ENGLISH),
						holder));
		tell(new Step(event.ticketId(), event.number(), event.station(), event.problem(), event.from(), event.to(),
				event.assigneeId(), event.unionCode(), event.dueAt()));
	}

	/**
	 * Settles the ticket's notices at every level still standing: normally the holder's
	 * only, the levels below having been settled by their escalations, but also one whose
	 * escalation is still on its way when the ticket closed.
	 */
	private void settleAll(String number, String chinese, String english) {
		int round = tickets.findReopenCount(number);
		for (ResponsibleLevel level : ResponsibleLevel.values()) {
			notifications.settle(KIND, key(number, level, round), chinese, english);
		}
	}

	/**
	 * A notice's key: the ticket and level, and the round from the first reopening on.
	 */
	static String key(String number, ResponsibleLevel level, int reopenCount) {
		return number + "/" + level.name() + ((reopenCount > 0) ? "/" + (reopenCount + 1) : "");
	}

	/** One step of a ticket: who holds it from now on. */
	private record Step(long ticketId, String number, StationId station, ProblemType problem, ResponsibleLevel from,
			ResponsibleLevel level, Long assigneeId, String unionCode, Instant dueAt) {
	}

	/** Who hears of a step at the supervising union, and which union they speak for. */
	private record UnionAdmins(Organization union, List<AccountSummary> admins) {
	}

	private void tell(Step step) {
		tell(step, false);
	}

	private void tell(Step step, boolean reopened) {
		Standing now = tickets.findOpenStanding(step.ticketId()).orElse(null);
		if (now == null || now.level() != step.level()) {
			return;
		}
		String link = "/console/tickets/" + step.number();
		String key = key(step.number(), step.level(), now.reopenCount());
		if (step.assigneeId() != null) {
			notifications.deliver(new Notice(step.assigneeId(), KIND, key, link,
					text(step, now, null, reopened, Locale.SIMPLIFIED_CHINESE),
					text(step, now, null, reopened, Locale.ENGLISH)));
			return;
		}
		unionAdmins(step.unionCode()).ifPresent(union -> {
			String forwarded = union.union().code().equals(step.unionCode()) ? null : step.unionCode();
			NoticeText chinese = text(step, now, forwarded, reopened, Locale.SIMPLIFIED_CHINESE);
			NoticeText english = text(step, now, forwarded, reopened, Locale.ENGLISH);
			for (AccountSummary admin : union.admins()) {
				notifications.deliver(new Notice(admin.id(), KIND, key, link, chinese, english));
			}
		});
	}

	/**
	 * The admins of the union, or of the nearest union above it that has any (the whole
	 * line read at once); empty when not even the national federation has one.
	 */
	private Optional<UnionAdmins> unionAdmins(String unionCode) {
		List<Organization> line = organizations.listAncestry(unionCode);
		Map<String, List<AccountSummary>> byUnion = directory
			.listEnabledHoldingAt(line.stream().map(Organization::code).toList(), Role.ORG_ADMIN)
			.stream()
			.collect(Collectors.groupingBy(AccountSummary::organizationCode));
		for (int i = line.size() - 1; i >= 0; i--) {
			List<AccountSummary> admins = byUnion.get(line.get(i).code());
			if (admins != null) {
				return Optional.of(new UnionAdmins(line.get(i), admins));
			}
		}
		return Optional.empty();
	}

	private NoticeText text(Step step, Standing now, String forwardedFrom, boolean reopened, Locale locale) {
		String station = now.stationCode() + " " + now.stationName();
		String problem = step.problem().label(locale);
		String due = DATE_TIME.format(step.dueAt());
		String subject = reopened
				? message("ticket.notice.reopened.subject", locale, step.number(), problem, station, due)
				: (step.from() == null)
						? message("ticket.notice.reported.subject", locale, step.number(), problem, station, due)
						: message("ticket.notice.escalated.subject", locale, step.number(), problem, station, due);
		List<NoticeLine> lines = new ArrayList<>();
		lines.add(new NoticeLine(message("ticket.notice.station", locale, station),
				"/console/stations/" + step.station().value()));
		lines.add(NoticeLine.of(message("ticket.notice.problem", locale, problem)));
		lines.add(NoticeLine.of(message("ticket.notice.level", locale, step.level().label(locale))));
		if (step.from() != null) {
			lines.add(NoticeLine.of(message("ticket.notice.escalatedFrom", locale, step.from().label(locale))));
		}
		if (forwardedFrom != null) {
			String union = organizations.findByCode(forwardedFrom).map(Organization::name).orElse(forwardedFrom);
			lines.add(NoticeLine.of(message("ticket.notice.forwarded", locale, union)));
		}
		lines.add(NoticeLine.of(message("ticket.notice.due", locale, due)));
		lines.add(new NoticeLine(message("ticket.notice.open", locale), "/console/tickets/" + step.number()));
		return new NoticeText(subject,
				List.of(new NoticeSection(message("ticket.notice.heading", locale, step.number()), lines)));
	}

	private String message(String code, Locale locale, Object... args) {
		return messages.getMessage(code, args, locale);
	}

}
