package org.yizhan.supervision.digest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.yizhan.notification.NoticeLine;
import org.yizhan.notification.NoticeSection;
import org.yizhan.notification.NoticeText;
import org.yizhan.platform.YizhanTime;
import org.yizhan.rating.FiguresPeriod;
import org.yizhan.supervision.digest.DigestQueries.Listing;
import org.yizhan.supervision.digest.DigestQueries.ListingFigures;
import org.yizhan.supervision.digest.DigestQueries.RatingFigures;
import org.yizhan.supervision.digest.DigestQueries.SourceFigures;
import org.yizhan.supervision.digest.DigestQueries.StationLine;
import org.yizhan.supervision.digest.DigestQueries.TagRise;
import org.yizhan.supervision.digest.DigestQueries.TicketLine;
import org.yizhan.ticket.TicketSource;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts a digest into words, in one language, with a link from every station and ticket
 * into the console. The texts are in {@code i18n/supervision*.properties}.
 *
 * <p>
 * Each line leads where it speaks of things: a ticket to its page, a list cut short to
 * the console list it was cut from, silent stations to their cases. A union admin's
 * figures lead to the union's figures for the same period and held ratings to the review
 * queue; a station master may open neither (403), so theirs lead nowhere rather than to a
 * refusal.
 */
@Component
public class DigestWriter {

	/** Where a digest as a whole leads: the recipient's station list. */
	public static final String LINK = "/console/stations";

	/** The review queue of held ratings; union admins only. */
	static final String HELD_LINK = "/console/ratings/held";

	/** The silent stations' cases, of the stations the recipient sees. */
	static final String SILENT_LINK = "/console/silent-stations";

	/** The tickets the recipient sees, by where they stand. */
	static final String TICKETS_LINK = "/console/tickets?view=scope&state=";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(YizhanTime.ZONE);

	private final MessageSource messages;

	DigestWriter(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param content what to say
	 * @param scope how the recipient's stations are named, e.g. "西湖区总工会（62 个驿站）"
	 * @param union the code of the union whose figures and review queue the recipient may
	 * open (a union admin's own), or {@code null} for a station master
	 * @param locale the language
	 */
	public NoticeText write(DigestContent content, String scope, String union, Locale locale) {
		Words words = new Words(locale, union);
		if (content instanceof DigestContent.Daily daily) {
			return daily(daily, scope, words);
		}
		if (content instanceof DigestContent.Weekly weekly) {
			return weekly(weekly, scope, words);
		}
		return monthly((DigestContent.Monthly) content, scope, words);
	}

	/** How a recipient's stations are named in their digests. */
	public String scope(String organizationName, boolean wholeSubtree, long stations, Locale locale) {
		return wholeSubtree ? new Words(locale, null).text("digest.scope.subtree", organizationName, stations)
				: new Words(locale, null).text("digest.scope.stations", stations);
	}

	private NoticeText daily(DigestContent.Daily daily, String scope, Words words) {
		String day = daily.period().toString();
		RatingFigures ratings = daily.ratings();
		String subject = ratings.counted() == 0 ? words.text("digest.daily.subject.none", day)
				: words.text("digest.daily.subject", day, ratings.counted(), words.percent(ratings.satisfaction()));
		List<NoticeSection> sections = new ArrayList<>();
		sections.add(new NoticeSection(words.text("digest.daily.ratings", day),
				List.of(NoticeLine.of(words.text("digest.scope", scope)), ratingsLine(ratings, "digest.daily",
						figuresLink(FiguresPeriod.DAY, daily.period(), daily.period(), words), words))));
		if (daily.held() > 0) {
			sections.add(new NoticeSection(words.text("digest.held"),
					List.of(new NoticeLine(words.text("digest.held.count", daily.held()),
							(words.union != null) ? HELD_LINK : null))));
		}
		if (!daily.newTickets().isEmpty()) {
			sections.add(new NoticeSection(words.text("digest.daily.newTickets", daily.newTickets().total()),
					tickets(daily.newTickets(), false, "all", words)));
		}
		if (!daily.overdueTickets().isEmpty()) {
			sections.add(new NoticeSection(words.text("digest.overdueTickets", daily.overdueTickets().total()),
					tickets(daily.overdueTickets(), true, "overdue", words)));
		}
		if (!daily.unrated().isEmpty()) {
			sections.add(new NoticeSection(words.text("digest.daily.unrated", daily.unrated().total()),
					stations(daily.unrated(), words)));
		}
		return new NoticeText(subject, sections);
	}

	private NoticeText weekly(DigestContent.Weekly weekly, String scope, Words words) {
		String from = weekly.period().toString();
		String to = weekly.period().plusDays(6).toString();
		String subject = words.text("digest.weekly.subject", from, to, weekly.openTickets().total(), weekly.overdue(),
				weekly.rising().total());
		List<NoticeSection> sections = new ArrayList<>();
		sections.add(new NoticeSection(words.text("digest.weekly.ratings", from, to),
				List.of(NoticeLine.of(words.text("digest.scope", scope)), ratingsLine(weekly.ratings(), "digest.weekly",
						figuresLink(FiguresPeriod.WEEK, weekly.period(), weekly.period().plusDays(6), words), words))));
		if (!weekly.openTickets().isEmpty()) {
			sections.add(new NoticeSection(
					words.text("digest.weekly.openTickets", weekly.openTickets().total(), weekly.overdue()),
					tickets(weekly.openTickets(), true, "open", words)));
		}
		if (!weekly.bySource().isEmpty()) {
			sections.add(new NoticeSection(words.text("digest.bySource.weekly", from, to),
					bySource(weekly.bySource(), words)));
		}
		if (!weekly.rising().isEmpty()) {
			List<NoticeLine> lines = new ArrayList<>();
			for (TagRise rise : weekly.rising().first()) {
				String tags = rise.tags()
					.entrySet()
					.stream()
					.map(tag -> words.text("digest.weekly.tagRise", tag.getKey().label(words.locale), tag.getValue()[1],
							tag.getValue()[0]))
					.collect(Collectors.joining(words.text("digest.separator")));
				lines.add(new NoticeLine(words.text("digest.weekly.rise", rise.stationCode(), rise.stationName(),
						rise.thisWeek(), rise.weekBefore(), tags), stationLink(rise.stationId())));
			}
			more(weekly.rising(), LINK, lines, words);
			sections.add(new NoticeSection(words.text("digest.weekly.rising", weekly.rising().total()), lines));
		}
		return new NoticeText(subject, sections);
	}

	private NoticeText monthly(DigestContent.Monthly monthly, String scope, Words words) {
		String month = monthly.period().toString().substring(0, 7);
		String previousMonth = monthly.period().minusMonths(1).toString().substring(0, 7);
		RatingFigures now = monthly.ratings();
		RatingFigures before = monthly.previous();
		String subject = now.counted() == 0 ? words.text("digest.monthly.subject.none", month)
				: words.text("digest.monthly.subject", month, now.counted(), words.percent(now.satisfaction()));
		List<NoticeSection> sections = new ArrayList<>();
		sections.add(new NoticeSection(words.text("digest.monthly.figures", month, previousMonth),
				List.of(NoticeLine.of(words.text("digest.scope", scope)),
						new NoticeLine(words.text("digest.monthly.count", now.counted(), before.counted()),
								figuresLink(FiguresPeriod.MONTH, monthly.period().minusMonths(1),
										monthly.period().plusMonths(1).minusDays(1), words)),
						NoticeLine.of(words.text("digest.monthly.satisfaction", words.percent(now.satisfaction()),
								words.percent(before.satisfaction()))),
						NoticeLine.of(words.text("digest.monthly.average", words.stars(now), words.stars(before))))));
		if (!monthly.bySource().isEmpty()) {
			sections.add(new NoticeSection(words.text("digest.bySource.monthly", month),
					bySource(monthly.bySource(), words)));
		}
		ListingFigures listings = monthly.listings();
		if (listings.listed() > 0 || listings.shutReports() > 0) {
			String link = (words.union == null) ? null
					: "/console/listing/figures?org=" + words.union + "&month=" + month;
			List<NoticeLine> lines = new ArrayList<>();
			lines.add(new NoticeLine(words.text("digest.monthly.listings.confirmed", listings.listed(),
					words.percent(listings.share(listings.within7())),
					words.percent(listings.share(listings.within30())),
					words.percent(listings.share(listings.within60()))), link));
			lines.add(NoticeLine.of((listings.shutReports() == 0) ? words.text("digest.monthly.listings.noReports")
					: (listings.medianWait() == null)
							? words.text("digest.monthly.listings.unsettled", listings.shutReports())
							: words.text("digest.monthly.listings.reports", listings.shutReports(), listings.settled(),
									String.format(words.locale, "%.1f", listings.medianWait().toMinutes() / 60.0))));
			sections.add(new NoticeSection(words.text("digest.monthly.listings", month), lines));
		}
		if (!monthly.silent().isEmpty()) {
			List<NoticeLine> lines = stations(monthly.silent(), words);
			lines.add(new NoticeLine(words.text("digest.monthly.silentCases"), SILENT_LINK));
			sections.add(new NoticeSection(words.text("digest.monthly.silent", monthly.silent().total()), lines));
		}
		return new NoticeText(subject, sections);
	}

	private NoticeLine ratingsLine(RatingFigures ratings, String prefix, String link, Words words) {
		return new NoticeLine(
				ratings.counted() == 0 ? words.text(prefix + ".ratings.none") : words.text("digest.ratings.figures",
						ratings.counted(), words.percent(ratings.satisfaction()), words.stars(ratings)),
				link);
	}

	/**
	 * The union's figures page for the digest's days, in the digest's unit; none for a
	 * station master, who may not open it.
	 */
	private static String figuresLink(FiguresPeriod unit, LocalDate from, LocalDate to, Words words) {
		return (words.union == null) ? null : "/console/figures?org=" + words.union + "&period="
				+ unit.name().toLowerCase(Locale.ROOT) + "&from=" + from + "&to=" + to;
	}

	/**
	 * @param state the ticket list's state filter that holds all of them ({@code all},
	 * {@code open}, {@code overdue})
	 */
	private List<NoticeLine> tickets(Listing<TicketLine> tickets, boolean withDeadline, String state, Words words) {
		List<NoticeLine> lines = new ArrayList<>();
		for (TicketLine ticket : tickets.first()) {
			String problem = ticket.problem().label(words.locale);
			String text = withDeadline
					? words.text("digest.ticket.due", ticket.number(), ticket.stationCode(), ticket.stationName(),
							problem, DATE_TIME.format(ticket.dueAt()))
					: words.text("digest.ticket", ticket.number(), ticket.stationCode(), ticket.stationName(), problem);
			lines.add(new NoticeLine(text, "/console/tickets/" + ticket.number()));
		}
		more(tickets, TICKETS_LINK + state, lines, words);
		return lines;
	}

	/**
	 * One line per source; an inspection's line says how many wait for their re-check,
	 * and its closed ones are those a re-check passed.
	 */
	private List<NoticeLine> bySource(List<SourceFigures> figures, Words words) {
		List<NoticeLine> lines = new ArrayList<>();
		for (SourceFigures f : figures) {
			String text = words.text("digest.bySource.line", f.source().label(words.locale), f.opened(), f.closed(),
					f.open(), f.overdue());
			if (f.source() == TicketSource.INSPECTION) {
				text += words.text("digest.separator") + words.text("digest.bySource.recheck", f.awaitingRecheck());
			}
			lines.add(new NoticeLine(text, TICKETS_LINK + "open&source=" + f.source().name()));
		}
		return lines;
	}

	private List<NoticeLine> stations(Listing<StationLine> stations, Words words) {
		List<NoticeLine> lines = new ArrayList<>();
		for (StationLine station : stations.first()) {
			String text = station.lastCounted() == null
					? words.text("digest.station.neverRated", station.code(), station.name())
					: words.text("digest.station.lastRated", station.code(), station.name(),
							station.lastCounted().toString());
			lines.add(new NoticeLine(text, stationLink(station.id())));
		}
		more(stations, LINK, lines, words);
		return lines;
	}

	/** "And N more" below a list cut short, leading to the console list it came from. */
	private static void more(Listing<?> listing, String link, List<NoticeLine> lines, Words words) {
		long rest = listing.total() - listing.first().size();
		if (rest > 0) {
			lines
				.add(new NoticeLine(words.text(link.equals(LINK) ? "digest.more" : "digest.more.tickets", rest), link));
		}
	}

	private static String stationLink(long stationId) {
		return "/console/stations/" + stationId;
	}

	/** The messages and number formats of one language. */
	private final class Words {

		private final Locale locale;

		/** The union whose figures and review queue the reader may open, or null. */
		private final String union;

		Words(Locale locale, String union) {
			this.locale = locale;
			this.union = union;
		}

		String text(String code, Object... args) {
			return messages.getMessage(code, args, locale);
		}

		/** A share as a percentage with one decimal, or "none" without ratings. */
		String percent(double share) {
			return Double.isNaN(share) ? text("digest.none") : String.format(Locale.ROOT, "%.1f%%", share * 100);
		}

		String stars(RatingFigures ratings) {
			return ratings.counted() == 0 ? text("digest.none")
					: String.format(Locale.ROOT, "%.1f", ratings.averageStars());
		}

	}

}
