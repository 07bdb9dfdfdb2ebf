package org.yizhan.ticket;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The number a reporter is given for a problem ticket, e.g. {@code K7QM-4XT9-PR2H}. It is
 * the reporter's only key to the ticket's status page, so it is drawn at random (12
 * symbols of 31, about 59 bits: not guessable, nor counted up from another number), and
 * it is meant to be read aloud over a phone line, so the alphabet leaves out the look-
 * alikes 0/O, 1/I/L and the groups of four are easy to say.
 */
public record TicketNumber(String value) {

	/** Digits and capitals without 0, 1, I, L and O. */
	static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	static final int GROUPS = 3;

	static final int GROUP_LENGTH = 4;

	private static final int SYMBOLS = GROUPS * GROUP_LENGTH;

	private static final RandomGenerator RANDOM = new SecureRandom();

	public TicketNumber {
		if (!normalised(value).filter(value::equals).isPresent()) {
			throw new IllegalArgumentException("A ticket number looks like K7QM-4XT9-PR2H, not " + value);
		}
	}

	/** A fresh number from a cryptographically strong generator. */
	public static TicketNumber random() {
		return random(RANDOM);
	}

	static TicketNumber random(RandomGenerator random) {
		char[] symbols = new char[SYMBOLS];
		for (int i = 0; i < SYMBOLS; i++) {
			symbols[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
		}
		return new TicketNumber(grouped(new String(symbols)));
	}

	/**
	 * A number as someone typed it: any case, with or without the hyphens or with spaces
	 * between the groups. Empty when it cannot be a number of ours (a look-alike symbol,
	 * a wrong length), so such input is simply "not found".
	 */
	public static Optional<TicketNumber> parse(String text) {
		return normalised(text).map(TicketNumber::new);
	}

	private static Optional<String> normalised(String text) {
		if (text == null || text.length() > 32) {
			return Optional.empty();
		}
		StringBuilder symbols = new StringBuilder(SYMBOLS);
		for (char c : text.strip().toUpperCase(Locale.ROOT).toCharArray()) {
			if (c == '-' || c == ' ') {
				continue;
			}
			if (ALPHABET.indexOf(c) < 0) {
				return Optional.empty();
			}
			symbols.append(c);
		}
		return (symbols.length() == SYMBOLS) ? Optional.of(grouped(symbols.toString())) : Optional.empty();
	}

	private static String grouped(String symbols) {
		StringBuilder grouped = new StringBuilder(SYMBOLS + GROUPS - 1);
		for (int i = 0; i < SYMBOLS; i++) {
			if (i > 0 && i % GROUP_LENGTH == 0) {
				grouped.append('-');
			}
			grouped.append(symbols.charAt(i));
		}
		return grouped.toString();
	}

	@Override
	public String toString() {
		return value;
	}

}
