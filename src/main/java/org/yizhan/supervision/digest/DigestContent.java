package org.yizhan.supervision.digest;

import java.time.LocalDate;
import java.util.List;

import org.yizhan.supervision.digest.DigestQueries.ListingFigures;
import org.yizhan.supervision.digest.DigestQueries.Listing;
import org.yizhan.supervision.digest.DigestQueries.RatingFigures;
import org.yizhan.supervision.digest.DigestQueries.SourceFigures;
import org.yizhan.supervision.digest.DigestQueries.StationLine;
import org.yizhan.supervision.digest.DigestQueries.TagRise;
import org.yizhan.supervision.digest.DigestQueries.TicketLine;

/**
 * What one digest says about one recipient's stations, before it is put into words.
 *
 * <p>
 * A digest with nothing at all in it is not sent ({@link #isEmpty()}): a notice that says
 * nothing teaches people to ignore the bell and the mail, and the ones that matter go
 * unread with it. A day without ratings is not nothing on its own, though: beside held
 * ratings, tickets or silent stations the daily digest still says "no ratings yesterday";
 * it is left out only when there is nothing else either, which the 30-day rule makes rare
 * wherever stations are listed and unrated.
 */
public sealed interface DigestContent {

	/** The period's first day. */
	LocalDate period();

	/** How many stations the recipient has. */
	long stations();

	boolean isEmpty();

	/**
	 * Yesterday's counted ratings, held ratings waiting for review, tickets reported
	 * yesterday and those overdue now, and listed stations without a counted rating in
	 * the last 30 days.
	 */
	record Daily(LocalDate period, long stations, RatingFigures ratings, long held, Listing<TicketLine> newTickets,
			Listing<TicketLine> overdueTickets, Listing<StationLine> unrated) implements DigestContent {

		@Override
		public boolean isEmpty() {
			return stations == 0 || (ratings.counted() == 0 && held == 0 && newTickets.isEmpty()
					&& overdueTickets.isEmpty() && unrated.isEmpty());
		}

	}

	/**
	 * The rectification list (周整改): every open ticket (the overdue first), the cases by
	 * source (a worker's report, a self-check, union staff, an inspection: open, overdue,
	 * waiting for a re-check, opened and closed in the week), the stations whose negative
	 * tags rose last week against the week before, and the week's figures.
	 */
	record Weekly(LocalDate period, long stations, RatingFigures ratings, Listing<TicketLine> openTickets, long overdue,
			List<SourceFigures> bySource, Listing<TagRise> rising) implements DigestContent {

		public Weekly {
			bySource = List.copyOf(bySource);
		}

		@Override
		public boolean isEmpty() {
			return stations == 0 || (openTickets.isEmpty() && bySource.isEmpty() && rising.isEmpty());
		}

	}

	/**
	 * The month's figures against the month before, the cases by source (opened and
	 * closed in the month, where the rest stand), how truthful the listings are (the
	 * shares confirmed now, the month's shut reports and how fast they were settled), and
	 * the listed stations heading for the silent rule: no counted rating in this month or
	 * the last.
	 */
	record Monthly(LocalDate period, long stations, RatingFigures ratings, RatingFigures previous,
			List<SourceFigures> bySource, ListingFigures listings,
			Listing<StationLine> silent) implements DigestContent {

		public Monthly {
			bySource = List.copyOf(bySource);
		}

		@Override
		public boolean isEmpty() {
			return stations == 0 || (ratings.counted() == 0 && previous.counted() == 0 && bySource.isEmpty()
					&& listings.shutReports() == 0 && silent.isEmpty());
		}

	}

}
