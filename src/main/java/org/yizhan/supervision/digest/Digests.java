package org.yizhan.supervision.digest;

import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The digests of Qingdao's loop (日督导、周整改、月完善): at 08:00 Asia/Shanghai a daily digest of
 * yesterday, on Mondays a weekly rectification list, on the 1st a monthly summary, to
 * every union admin over their subtree and every station master over their stations,
 * through the notification centre and e-mail. Exactly once per recipient and period, on
 * any number of instances; a run after a missed 08:00 (a restart, an outage) catches up
 * the latest period without sending anything twice.
 */
@Service
public class Digests {

	private final DigestDelivery delivery;

	Digests(DigestDelivery delivery) {
		this.delivery = delivery;
	}

	/** What one run did: per kind, the period it delivered and to how many. */
	public record Run(List<DigestDelivery.Outcome> outcomes) {

		public Run {
			outcomes = List.copyOf(outcomes);
		}

		/** Digests delivered in this run, all kinds together. */
		public int delivered() {
			return outcomes.stream().mapToInt(DigestDelivery.Outcome::delivered).sum();
		}

		/** Recipients decided in this run with nothing to say, all kinds together. */
		public int empty() {
			return outcomes.stream().mapToInt(DigestDelivery.Outcome::empty).sum();
		}

	}

	/**
	 * Delivers every digest that is due and not yet delivered; a second run right after
	 * delivers nothing.
	 */
	public Run deliverDue() {
		return new Run(delivery.deliverDue());
	}

}
