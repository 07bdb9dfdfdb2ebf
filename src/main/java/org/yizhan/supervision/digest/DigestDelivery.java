package org.yizhan.supervision.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.notification.Notice;
import org.yizhan.notification.NoticeText;
import org.yizhan.notification.Notifications;
import org.yizhan.organization.AccountDirectory;
import org.yizhan.organization.AccountSummary;
import org.yizhan.organization.Actor;
import org.yizhan.organization.Audited;
import org.yizhan.organization.Organization;
import org.yizhan.organization.OrganizationTree;
import org.yizhan.organization.Role;
import org.yizhan.platform.YizhanTime;
import org.yizhan.station.StationRegistry;
import org.yizhan.station.VisibleStations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the digests that are due: for each kind, the latest period due by now, to
 * every enabled union admin (over their subtree) and station master (over their bound
 * stations) who has not had it yet.
 *
 * <p>
 * Each recipient's digest is one transaction that first claims the row (recipient, kind,
 * period) in {@code digest}, then writes the notification and its e-mail: a second
 * instance doing the same at the same moment waits on that row and then finds it taken,
 * and a rerun finds it decided, so a digest goes out exactly once, ShedLock or not. A
 * digest with nothing in it is decided as such and not sent. Figures are computed once
 * per scope and run: admins of one union share them.
 */
@Component
public class DigestDelivery {

	/** Who receives digests; see {@link #recipientActor}. */
	static final Set<Role> RECIPIENT_ROLES = EnumSet.of(Role.ORG_ADMIN, Role.STATION_MASTER);

	/** The first few of each list in a digest; the console has the rest. */
	static final int LIST_LIMIT = 10;

	/** Daily digest: stations without a counted rating in this many days. */
	static final int UNRATED_DAYS = 30;

	/**
	 * How long a decision is remembered. Only the latest due period is ever delivered, so
	 * a year is plenty for anyone asking whether a digest went out.
	 */
	static final int REMEMBER_DAYS = 400;

	private static final Logger log = LoggerFactory.getLogger(DigestDelivery.class);

	private final DigestQueries queries;

	private final DigestWriter writer;

	private final Notifications notifications;

	private final AccountDirectory directory;

	private final StationRegistry stations;

	private final OrganizationTree organizations;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final LocalTime dueTime;

	DigestDelivery(DigestQueries queries, DigestWriter writer, Notifications notifications, AccountDirectory directory,
			StationRegistry stations, OrganizationTree organizations, TransactionTemplate transaction,
			ApplicationEventPublisher events, Clock clock,
			@Value("${yizhan.rating.digests.due-time:08:00}") LocalTime dueTime) {
		this.queries = queries;
		this.writer = writer;
		this.notifications = notifications;
		this.directory = directory;
		this.stations = stations;
		this.organizations = organizations;
		this.transaction = transaction;
		this.events = events;
		this.clock = clock;
		this.dueTime = dueTime;
	}

	/** What one run did for one kind of digest. */
	public record Outcome(DigestKind kind, LocalDate period, int delivered, int empty) {
	}

	/** Delivers every kind's latest due period to those who lack it. */
	public List<Outcome> deliverDue() {
		Instant now = clock.instant();
		List<AccountSummary> recipients = directory.listEnabledHolding(RECIPIENT_ROLES);
		List<Outcome> outcomes = new ArrayList<>();
		for (DigestKind kind : DigestKind.values()) {
			outcomes.add(deliver(kind, kind.latestDue(now, dueTime), recipients, now));
		}
		return outcomes;
	}

	private Outcome deliver(DigestKind kind, LocalDate period, List<AccountSummary> recipients, Instant now) {
		Set<Long> decided = queries.decided(kind, period);
		Map<String, DigestContent> byScope = new HashMap<>();
		int delivered = 0;
		int empty = 0;
		for (AccountSummary recipient : recipients) {
			if (decided.contains(recipient.id())) {
				continue;
			}
			Result result = transaction.execute(status -> deliverTo(recipient, kind, period, now, byScope));
			if (result == Result.DELIVERED) {
				delivered++;
			}
			else if (result == Result.EMPTY) {
				empty++;
			}
		}
		if (delivered + empty > 0) {
			int sent = delivered;
			int nothing = empty;
			transaction.executeWithoutResult(status -> {
				events.publishEvent(new Audited("digest.deliver", "digest", kind.name() + " " + period,
						OrganizationTree.NATIONAL_CODE, null,
						"kind=" + kind + "; period=" + period + "; delivered=" + sent + "; nothingToSay=" + nothing));
				queries.forgetBefore(now.atZone(YizhanTime.ZONE).toLocalDate().minusDays(REMEMBER_DAYS));
			});
			log.info("{} digest of {}: delivered to {} recipients, {} had nothing to say", kind, period, sent, nothing);
		}
		return new Outcome(kind, period, delivered, empty);
	}

	private enum Result {

		DELIVERED, EMPTY, TAKEN

	}

	private Result deliverTo(AccountSummary recipient, DigestKind kind, LocalDate period, Instant now,
			Map<String, DigestContent> byScope) {
		if (!queries.claim(recipient.id(), kind, period, now)) {
			return Result.TAKEN;
		}
		Actor actor = recipientActor(recipient);
		VisibleStations scope = stations.visibleStationsOf(actor);
		String scopeKey = scope.wholeSubtree() ? "union " + actor.organizationPath() : "account " + actor.accountId();
		DigestContent content = byScope.computeIfAbsent(scopeKey, key -> read(kind, period, scope, now));
		if (content.isEmpty()) {
			return Result.EMPTY;
		}
		String union = organizations.findByCode(recipient.organizationCode())
			.map(Organization::name)
			.orElse(recipient.organizationCode());
		// an admin's digest leads to their union's figures and review queue
		String opens = actor.holds(Role.ORG_ADMIN) ? recipient.organizationCode() : null;
		Notice notice = new Notice(recipient.id(), kind.noticeKind(), period.toString(), DigestWriter.LINK,
				text(content, union, opens, scope, Locale.SIMPLIFIED_CHINESE),
				text(content, union, opens, scope, Locale.ENGLISH));
		notifications.deliver(notice)
			.ifPresent(notification -> queries.attach(recipient.id(), kind, period, notification));
		return Result.DELIVERED;
	}

	private NoticeText text(DigestContent content, String union, String opens, VisibleStations scope, Locale locale) {
		return writer.write(content, writer.scope(union, scope.wholeSubtree(), content.stations(), locale), opens,
				locale);
	}

	/**
	 * The recipient as the digest sees it: a union admin over their whole subtree, anyone
	 * else as the station master of their bound stations only (not, say, of their host's
	 * stations too, should they also hold that role).
	 */
	static Actor recipientActor(AccountSummary account) {
		Role role = account.holds(Role.ORG_ADMIN) ? Role.ORG_ADMIN : Role.STATION_MASTER;
		return new Actor(account.id(), account.username(), account.organizationCode(), account.organizationPath(),
				Set.of(role));
	}

	/** What the digest of {@code period} says about the stations in {@code scope}. */
	DigestContent read(DigestKind kind, LocalDate period, VisibleStations scope, Instant now) {
		long count = queries.stations(scope);
		LocalDate end = kind.end(period);
		return switch (kind) {
			case DAILY -> {
				LocalDate from = end.minusDays(UNRATED_DAYS);
				yield new DigestContent.Daily(period, count, queries.ratings(scope, period, end),
						queries.heldWaiting(scope),
						queries.newTickets(scope, startOf(period), startOf(end), LIST_LIMIT),
						queries.overdueTickets(scope, now, LIST_LIMIT),
						queries.unrated(scope, from, end, startOf(from), LIST_LIMIT));
			}
			case WEEKLY -> {
				DigestQueries.Listing<DigestQueries.TicketLine> open = queries.openTickets(scope, now, LIST_LIMIT);
				long overdue = queries.overdueTickets(scope, now, 0).total();
				yield new DigestContent.Weekly(period, count, queries.ratings(scope, period, end), open, overdue,
						queries.casesBySource(scope, startOf(period), startOf(end), now),
						queries.negativeTagRises(scope, period, LIST_LIMIT));
			}
			case MONTHLY -> {
				LocalDate previous = kind.previous(period);
				yield new DigestContent.Monthly(period, count, queries.ratings(scope, period, end),
						queries.ratings(scope, previous, period),
						queries.casesBySource(scope, startOf(period), startOf(end), now),
						queries.listings(scope, startOf(period), startOf(end), now),
						queries.unrated(scope, previous, end, startOf(previous), LIST_LIMIT));
			}
		};
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(YizhanTime.ZONE).toInstant();
	}

}
