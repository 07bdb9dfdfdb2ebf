package org.yizhan.reporting.web;

import java.util.List;

/**
 * One of the dashboard's tables: what a chart draws, said in text beside it (for screen
 * readers, and what tests read), and one sheet of the Excel download.
 *
 * @param id the element id and the {@code table} parameter of its download
 * @param title the caption, in the reader's language
 * @param headers the column heads
 * @param rows the cells: {@link String} for text, {@link Long} for counts, {@link Double}
 * for a share (0 to 1) or an average, {@code null} for "no figure"
 * @param links per row, the page its first cell leads to ({@code null} for none), or an
 * empty list
 * @param chart the chart's data as JSON for {@code /js/dashboard.js}, {@code null} for a
 * table without a chart
 */
record FigureTable(String id, String title, List<String> headers, List<List<Object>> rows, List<String> links,
		String chart) {

	FigureTable {
		headers = List.copyOf(headers);
		rows = List.copyOf(rows);
		// a row without a page to lead to holds null, which List.copyOf refuses
		links = (links == null) ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(links));
	}

	/** The page a row's first cell leads to, {@code null} for none. */
	public String link(int row) {
		return (row < this.links.size()) ? this.links.get(row) : null;
	}

	/** A cell as the page shows it. */
	public static String text(Object cell) {
		if (cell == null) {
			return "—";
		}
		if (cell instanceof Share share) {
			return String.format(java.util.Locale.ROOT, "%.1f%%", share.value() * 100);
		}
		if (cell instanceof Double average) {
			return String.format(java.util.Locale.ROOT, "%.2f", average);
		}
		return cell.toString();
	}

	/** A share from 0 to 1, shown as a percentage and written to Excel as a number. */
	record Share(double value) {

		static Share of(Double value) {
			return (value == null) ? null : new Share(value);
		}

	}

}
