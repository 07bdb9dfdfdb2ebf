package org.yizhan.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader for the data files the application ships (division codes, the
 * demo city): quoted fields may hold commas, doubled quotes and line breaks; CRLF and LF
 * both end a row; a UTF-8 byte order mark is skipped; blank lines are ignored.
 *
 * <p>
 * And the writer of exports, which neutralises spreadsheet formulas: a cell that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, a tab, a carriage
 * return or NUL) gets a leading apostrophe, so a name such as {@code =HYPERLINK(...)}
 * typed into the system is shown, not executed, when an export is opened.
 */
public final class Csv {

	private Csv() {
	}

	public static List<List<String>> read(InputStream in) throws IOException {
		return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
	}

	public static List<List<String>> parse(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int i = text.startsWith("\uFEFF") ? 1 : 0;
		boolean quoted = false;
		while (i < text.length()) {
			char c = text.charAt(i++);
			if (quoted) {
				if (c != '"') {
					field.append(c);
				}
				else if (i < text.length() && text.charAt(i) == '"') {
					field.append('"');
					i++;
				}
				else {
					quoted = false;
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n') {
				endRow(rows, row, field);
				row = new ArrayList<>();
			}
			else if (c != '\r') {
				field.append(c);
			}
		}
		endRow(rows, row, field);
		return rows;
	}

	/**
	 * One exported row: every cell neutralised, quoted where needed, ended with CRLF.
	 * {@code null} cells are empty.
	 */
	public static String formatRow(List<String> cells) {
		StringBuilder row = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				row.append(',');
			}
			row.append(quote(neutralise(cells.get(i))));
		}
		return row.append("\r\n").toString();
	}

	/**
	 * The cell as a spreadsheet shows it as text: a would-be formula gets an apostrophe.
	 */
	public static String neutralise(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		char first = cell.charAt(0);
		boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				|| first == '\0';
		return formula ? "'" + cell : cell;
	}

	private static String quote(String cell) {
		if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
			return cell;
		}
		return '"' + cell.replace("\"", "\"\"") + '"';
	}

	private static void endRow(List<List<String>> rows, List<String> row, StringBuilder field) {
		row.add(field.toString());
		field.setLength(0);
		if (!(row.size() == 1 && row.get(0).isEmpty())) {
			rows.add(row);
		}
	}

}
