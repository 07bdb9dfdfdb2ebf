package org.yizhan.dataio;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.yizhan.platform.Csv;

/**
 * Writes a table to an xlsx workbook of one sheet, row by row: strings go inline (no
 * shared-string table grows in memory) and rows are flushed to the stream every few
 * hundred, so a 186,000-row export holds a few rows at a time. Every cell a spreadsheet
 * could run as a formula is neutralised as the CSV writer does ({@link Csv#neutralise}).
 */
public final class SheetWriter implements AutoCloseable {

	private static final int FLUSH_EVERY = 512;

	/** Characters XML 1.0 cannot carry at all; a workbook with one would not open. */
	private static final Pattern XML_ILLEGAL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

	private final Workbook workbook;

	private final Worksheet sheet;

	private int row;

	public SheetWriter(OutputStream out, String sheetName) {
		this.workbook = new Workbook(out, "yizhan", "1.0");
		this.sheet = this.workbook.newWorksheet(sheetName);
	}

	/** Appends a row; {@code null} cells stay empty. */
	public void row(List<String> cells) {
		for (int c = 0; c < cells.size(); c++) {
			String cell = cells.get(c);
			if (cell != null && !cell.isEmpty()) {
				this.sheet.inlineString(this.row, c, XML_ILLEGAL.matcher(Csv.neutralise(cell)).replaceAll(""));
			}
		}
		if (++this.row % FLUSH_EVERY == 0) {
			try {
				this.sheet.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	@Override
	public void close() {
		try {
			this.sheet.finish();
			this.workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
