package org.yizhan.calendar;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.poole.openinghoursparser.OpeningHoursParseException;
import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.TokenMgrError;
import ch.poole.openinghoursparser.Util;

/**
 * A validated OSM {@code opening_hours} value such as {@code Mo-Fr 08:00-18:00; PH off},
 * kept in the parser's normalised spelling.
 *
 * <p>
 * The parser runs in its lenient mode: strict mode rejects hours that run past midnight
 * ({@code Mo-Su 22:00-06:00}), which night stations need. Leniency also accepts harmless
 * sloppiness ({@code mo-fr 8:00-18:00}); {@link #parse(String)} stores the normalised
 * form ({@code Mo-Fr 08:00-18:00}) so what is kept is what map platforms read.
 */
public record OpeningHours(String value) {

	public static final int MAX_LENGTH = 255;

	private static final Pattern ENCOUNTERED = Pattern.compile("Encountered:\\s+<\\w+> \"(.+?) \"");

	private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

	private static final Pattern LOCATION = Pattern.compile("\\s*at line -?\\d+, column -?\\d+\\.?");

	public OpeningHours {
		parseRules(value);
	}

	/**
	 * Validates {@code text} and returns it in normalised spelling.
	 * @throws InvalidOpeningHoursException naming the character where it went wrong
	 */
	public static OpeningHours parse(String text) {
		String stripped = text == null ? "" : text.strip();
		return new OpeningHours(Util.rulesToOpeningHoursString(parseRules(stripped)));
	}

	/** The parsed rules, for evaluators. */
	public List<Rule> rules() {
		return parseRules(value);
	}

	private static List<Rule> parseRules(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidOpeningHoursException(value, 1, "empty");
		}
		if (value.length() > MAX_LENGTH) {
			throw new InvalidOpeningHoursException(value, MAX_LENGTH + 1, "longer than " + MAX_LENGTH + " characters");
		}
		try {
			return new OpeningHoursParser(new StringReader(value)).rules(false);
		}
		catch (OpeningHoursParseException ex) {
			OpeningHoursParseException first = ex.getExceptions().isEmpty() ? ex : ex.getExceptions().get(0);
			throw invalid(value, first.getColumn(), first.getMessage());
		}
		catch (TokenMgrError ex) {
			throw invalid(value, columnIn(ex.getMessage()), ex.getMessage());
		}
	}

	/**
	 * The parser's column is not always where the bad token is (it counts from the start
	 * of the rule it was in), so the position reported is the occurrence of the offending
	 * token nearest to that column.
	 */
	private static InvalidOpeningHoursException invalid(String value, int column, String message) {
		String detail = message == null ? "syntax error"
				: LOCATION.matcher(message.lines().findFirst().orElse(message)).replaceAll("").strip();
		int position = Math.max(1, Math.min(column, value.length()));
		Matcher token = ENCOUNTERED.matcher(String.valueOf(message));
		if (token.find()) {
			String image = unescape(token.group(1));
			detail = "unexpected \"" + image + "\"";
			int best = -1;
			for (int at = value.indexOf(image); at >= 0; at = value.indexOf(image, at + 1)) {
				if (best < 0 || Math.abs(at + 1 - column) < Math.abs(best + 1 - column)) {
					best = at;
				}
			}
			if (best >= 0) {
				position = best + 1;
			}
		}
		return new InvalidOpeningHoursException(value, position, detail);
	}

	private static String unescape(String image) {
		Matcher escape = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(image);
		StringBuilder out = new StringBuilder();
		while (escape.find()) {
			escape.appendReplacement(out, Character.toString(Integer.parseInt(escape.group(1), 16)));
		}
		escape.appendTail(out);
		return out.toString();
	}

	private static int columnIn(String message) {
		Matcher matcher = COLUMN.matcher(String.valueOf(message));
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
	}

	/**
	 * The hours in words for a person reading them ("周一至周五 08:30–17:30，法定节假日休息"); see
	 * {@link OpeningHoursText}.
	 */
	public String describe(Locale locale) {
		return OpeningHoursText.describe(this, locale);
	}

	@Override
	public String toString() {
		return value;
	}

}
