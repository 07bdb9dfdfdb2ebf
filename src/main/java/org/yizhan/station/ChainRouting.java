package org.yizhan.station;

import java.util.ArrayList;
import java.util.List;

import org.yizhan.organization.AccountSummary;
import org.yizhan.organization.Organization;

/**
 * Who holds a ticket at which level of a station's responsibility chain. A level counts
 * only if it names an enabled account: an empty or disabled level is skipped, so a ticket
 * never waits on nobody. The supervising union is always there.
 */
public final class ChainRouting {

	private ChainRouting() {
	}

	/**
	 * Where a ticket goes at one step.
	 *
	 * @param level the level that holds it
	 * @param account the person, or {@code null} at the supervising union
	 * @param union the union, or {@code null} below it
	 * @param skipped the levels passed over on the way, lowest first
	 */
	public record Holder(ResponsibleLevel level, AccountSummary account, Organization union,
			List<ResponsibleLevel> skipped) {

		public Holder {
			skipped = List.copyOf(skipped);
		}

		public Long accountId() {
			return (this.account != null) ? this.account.id() : null;
		}

		public String unionCode() {
			return (this.union != null) ? this.union.code() : null;
		}

	}

	/** The first holder of a new ticket: the lowest level with someone in it. */
	public static Holder first(ResponsibilityChain chain) {
		return from(chain, 0);
	}

	/**
	 * The holder one step above {@code current} (levels without anyone skipped); the
	 * chain is read as it is now, not as it was when the ticket opened.
	 * @throws IllegalArgumentException at the top, where there is nothing above
	 */
	public static Holder above(ResponsibilityChain chain, ResponsibleLevel current) {
		if (current.isTop()) {
			throw new IllegalArgumentException("Nothing is above the supervising union");
		}
		return from(chain, current.ordinal() + 1);
	}

	/** The enabled account named at a person's level, or {@code null}. */
	public static AccountSummary personAt(ResponsibilityChain chain, ResponsibleLevel level) {
		AccountSummary account = switch (level) {
			case OPERATOR -> (chain.operator() != null) ? chain.operator().contact() : null;
			case STATION_MASTER -> chain.stationMaster();
			case LIAISON -> chain.liaison();
			case GENERAL_STATION_MASTER -> chain.generalStationMaster();
			case SUPERVISING_UNION -> null;
		};
		return (account != null && account.enabled()) ? account : null;
	}

	/** Whether the account is named, enabled, at a person's level above {@code level}. */
	public static boolean namedAbove(ResponsibilityChain chain, ResponsibleLevel level, long accountId) {
		for (ResponsibleLevel above : ResponsibleLevel.values()) {
			if (above.ordinal() > level.ordinal()) {
				AccountSummary person = personAt(chain, above);
				if (person != null && person.id() == accountId) {
					return true;
				}
			}
		}
		return false;
	}

	private static Holder from(ResponsibilityChain chain, int start) {
		List<ResponsibleLevel> skipped = new ArrayList<>();
		ResponsibleLevel[] levels = ResponsibleLevel.values();
		for (int i = start; i < levels.length; i++) {
			ResponsibleLevel level = levels[i];
			if (level.isTop()) {
				return new Holder(level, null, chain.supervisingUnion(), skipped);
			}
			AccountSummary person = personAt(chain, level);
			if (person != null) {
				return new Holder(level, person, null, skipped);
			}
			// a station no operator runs has no such level: nothing was passed over
			if (level != ResponsibleLevel.OPERATOR || chain.operator() != null) {
				skipped.add(level);
			}
		}
		throw new IllegalStateException("The supervising union ends every chain");
	}

}
