package org.yizhan.organization.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How long sign-in pauses after failures, and the counts of the subjects that are not
 * accounts: client addresses, and names that are no account.
 *
 * <p>
 * Failures are counted per account (on the account, where admins see and lift the pause)
 * and per client address (here): once a count reaches its threshold, every further
 * failure pauses sign-in for {@code first-pause}, doubling with each one up to
 * {@code longest-pause} (5 failures: 1 min, 6: 2 min, 7: 4 min … 10 and on: 30 min, by
 * default). During a pause any password, the right one too, is refused before it is
 * looked at, and the refusal says when to try again. A count is forgotten {@code memory}
 * after its last failure, and an account's also at a successful sign-in or when an admin
 * unlocks it; an address's is not reset by a success, or one account of an attacker's own
 * would buy them unlimited guesses at the others. Names that are no account are counted
 * here exactly like accounts, so that the answers do not tell which names exist.
 *
 * <p>
 * Everything is in PostgreSQL: a restart forgets nothing, and every instance counts into
 * the same rows (an attacker gets no more guesses from N instances than from one).
 */
@Component
class SignInBackOff {

	/** One subject kind's rules. */
	record Rules(int failuresBeforePause, Duration firstPause, Duration longestPause) {

		/** The pause that the {@code failures}th failure in a row starts, or zero. */
		Duration pauseAfter(int failures) {
			if (failures < failuresBeforePause) {
				return Duration.ZERO;
			}
			int doublings = Math.min(failures - failuresBeforePause, 30);
			Duration pause = firstPause.multipliedBy(1L << doublings);
			return (pause.compareTo(longestPause) > 0) ? longestPause : pause;
		}

	}

	private final JdbcClient jdbc;

	private final Rules accounts;

	private final Rules addresses;

	private final Duration memory;

	SignInBackOff(JdbcClient jdbc, @Value("${yizhan.security.sign-in.failures-before-pause:5}") int accountFailures,
			@Value("${yizhan.security.sign-in.address-failures-before-pause:20}") int addressFailures,
			@Value("${yizhan.security.sign-in.first-pause:1m}") Duration firstPause,
			@Value("${yizhan.security.sign-in.longest-pause:30m}") Duration longestPause,
			@Value("${yizhan.security.sign-in.memory:24h}") Duration memory) {
		if (accountFailures < 1 || addressFailures < 1 || firstPause.isNegative() || firstPause.isZero()
				|| longestPause.compareTo(firstPause) < 0 || memory.compareTo(longestPause) < 0) {
			throw new IllegalStateException("yizhan.security.sign-in: the failures before a pause must be at least 1, "
					+ "and 0 < first-pause <= longest-pause <= memory");
		}
		this.jdbc = jdbc;
		this.accounts = new Rules(accountFailures, firstPause, longestPause);
		this.addresses = new Rules(addressFailures, firstPause, longestPause);
		this.memory = memory;
	}

	Rules accountRules() {
		return accounts;
	}

	/** When a count older than this started over. */
	Instant forgottenBefore(Instant now) {
		return now.minus(memory);
	}

	static String address(String address) {
		return "address:" + address;
	}

	static String name(String name) {
		return "name:" + name.toLowerCase(Locale.ROOT);
	}

	/** The end of the subject's pause, or {@code null} when it may try now. */
	Instant pausedUntil(String subject, Instant now) {
		return jdbc.sql("select paused_until from sign_in_back_off where subject = :subject and paused_until > :now")
			.param("subject", subject)
			.param("now", Timestamp.from(now))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
	}

	/**
	 * Counts a failure of an address; the end of the pause it starts, or {@code null}.
	 */
	Instant addressFailed(String address, Instant now) {
		return failed(address(address), addresses, now);
	}

	/**
	 * Counts a failure of a name that is no account; the end of the pause it starts, or
	 * {@code null}.
	 */
	Instant unknownNameFailed(String name, Instant now) {
		return failed(name(name), accounts, now);
	}

	private Instant failed(String subject, Rules rules, Instant now) {
		Timestamp forgotten = Timestamp.from(forgottenBefore(now));
		// the rows of subjects that stopped failing go, through the index, as they pass
		jdbc.sql("delete from sign_in_back_off where last_failed_at < :forgotten "
				+ "and (paused_until is null or paused_until < :now)")
			.param("forgotten", forgotten)
			.param("now", Timestamp.from(now))
			.update();
		int failures = jdbc.sql("""
				insert into sign_in_back_off as b (subject, failures, last_failed_at) values (:subject, 1, :now)
				on conflict (subject) do update set
				    failures = case when b.last_failed_at < :forgotten then 1 else b.failures + 1 end,
				    last_failed_at = :now
				returning failures
				""")
			.param("subject", subject)
			.param("now", Timestamp.from(now))
			.param("forgotten", forgotten)
			.query(Integer.class)
			.single();
		Duration pause = rules.pauseAfter(failures);
		if (pause.isZero()) {
			return null;
		}
		Instant until = now.plus(pause);
		jdbc.sql("update sign_in_back_off set paused_until = :until where subject = :subject")
			.param("until", Timestamp.from(until))
			.param("subject", subject)
			.update();
		return until;
	}

}
