package org.yizhan.platform.privacy;

/**
 * How personal data shows on screens and in exports for roles that do not need it in
 * full.
 */
public final class Masks {

	private static final char MASK = '*';

	private Masks() {
	}

	/**
	 * A phone number with only its first three and last four digits shown:
	 * {@code 13812341234} → {@code 138****1234}. Shorter numbers (landlines, extensions)
	 * keep only their last four digits, and anything of four digits or fewer is masked
	 * whole, so a mask never shows more than half a number.
	 */
	public static String phone(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.strip();
		int length = digits.length();
		if (length >= 11) {
			return digits.substring(0, 3) + stars(length - 7) + digits.substring(length - 4);
		}
		if (length > 8) {
			return stars(length - 4) + digits.substring(length - 4);
		}
		return stars(length);
	}

	/**
	 * A resident ID number with its birth date hidden, showing only the first three and
	 * the last four characters: {@code 330106199001011234} → {@code 330***********1234}.
	 * The birth date (characters 7–14 of the 18-character number, 7–12 of the old
	 * 15-digit one) is never shown; for a 15-digit number only the last three are shown,
	 * because its fourth-to-last digit is part of the date.
	 */
	public static String idNumber(String idNumber) {
		if (idNumber == null) {
			return null;
		}
		String id = idNumber.strip();
		int length = id.length();
		if (length == 18) {
			return id.substring(0, 3) + stars(11) + id.substring(14);
		}
		if (length == 15) {
			return id.substring(0, 3) + stars(9) + id.substring(12);
		}
		return stars(length);
	}

	/**
	 * An e-mail address with its local part hidden but for the first character, and that
	 * only when three or more long: {@code zhangsan@example.com} →
	 * {@code z***@example.com}, {@code li@163.com} → {@code ***@163.com}. The stars are
	 * always three, so the mask does not tell the length. The domain stays: it tells the
	 * holder which of their addresses it is, and is no secret of theirs.
	 */
	public static String email(String email) {
		if (email == null) {
			return null;
		}
		String address = email.strip();
		int at = address.lastIndexOf('@');
		if (at < 0) {
			return stars(3);
		}
		String local = address.substring(0, at);
		return (local.length() >= 3 ? local.substring(0, 1) : "") + stars(3) + address.substring(at);
	}

	private static String stars(int count) {
		return String.valueOf(MASK).repeat(Math.max(count, 0));
	}

}
