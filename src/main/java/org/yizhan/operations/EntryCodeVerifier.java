package org.yizhan.operations;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a door controller runs to check a worker's {@link EntryCodes entry code} without a
 * network: the code's form, that it names this door and its station, that it has not
 * expired and does not claim to live longer than codes do (a code from a leaked secret
 * made to last a year still fails), its mac under this door's secret (compared in
 * constant time), and that this controller has not let it in before. Plain Java with no
 * Spring, for controllers that run a JVM and as the reference for those that do not
 * (docs/api.md). Not thread-safe: one door reads one code at a time.
 */
public final class EntryCodeVerifier {

	/** What the controller makes of a code. */
	public enum Result {

		/** Open the door. */
		VALID,
		/** Not an entry code of this format. */
		MALFORMED,
		/** A code for another door or station. */
		OTHER_DOOR,
		/** Expired, or claiming to live longer than codes do. */
		EXPIRED,
		/** Not made with this door's secret. */
		BAD_SIGNATURE,
		/** Already let in once. */
		REPLAYED

	}

	private static final Pattern FORM = Pattern
		.compile("YZE1\\.(\\d{1,18})\\.(\\d{1,18})\\.(\\d{1,12})\\.([A-Za-z0-9_-]{16})\\.([A-Za-z0-9_-]{22})");

	/** Clocks of controllers drift: a code from a phone a little ahead still opens. */
	private static final long SKEW_SECONDS = 30;

	private final long stationId;

	private final long deviceId;

	private final String secret;

	/** Nonces let in, with their expiry, forgotten once expired. */
	private final Map<String, Long> used = new HashMap<>();

	public EntryCodeVerifier(long stationId, long deviceId, String secret) {
		this.stationId = stationId;
		this.deviceId = deviceId;
		this.secret = secret;
	}

	/** Checks a code read at {@code now} and, when it is valid, remembers it as used. */
	public Result verify(String code, Instant now) {
		Matcher m = (code == null) ? null : FORM.matcher(code.strip());
		if (m == null || !m.matches()) {
			return Result.MALFORMED;
		}
		long station;
		long device;
		long expires;
		try {
			station = Long.parseLong(m.group(1));
			device = Long.parseLong(m.group(2));
			expires = Long.parseLong(m.group(3));
		}
		catch (NumberFormatException ex) {
			return Result.MALFORMED;
		}
		if (station != this.stationId || device != this.deviceId) {
			return Result.OTHER_DOOR;
		}
		String signed = code.strip().substring(0, code.strip().lastIndexOf('.'));
		byte[] given = Base64.getUrlDecoder().decode(m.group(5));
		if (!MessageDigest.isEqual(given, EntryCodes.mac(this.secret, signed))) {
			return Result.BAD_SIGNATURE;
		}
		long seconds = now.getEpochSecond();
		if (expires < seconds || expires > seconds + EntryCodes.LIFETIME_SECONDS + SKEW_SECONDS) {
			return Result.EXPIRED;
		}
		forgetExpired(seconds);
		if (this.used.putIfAbsent(m.group(4), expires) != null) {
			return Result.REPLAYED;
		}
		return Result.VALID;
	}

	private void forgetExpired(long now) {
		for (Iterator<Long> it = this.used.values().iterator(); it.hasNext();) {
			if (it.next() < now) {
				it.remove();
			}
		}
	}

}
