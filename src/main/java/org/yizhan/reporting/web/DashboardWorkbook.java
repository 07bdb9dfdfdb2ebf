package org.yizhan.reporting.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.yizhan.platform.Csv;

/**
 * The dashboard's tables as an xlsx workbook, one sheet per table: counts and shares as
 * numbers (a share as a fraction with a percentage format), so a leader can sum and chart
 * them; every text cell neutralised as the CSV writer does, since union and station names
 * come from people.
 */
final class DashboardWorkbook {

	/** Characters a sheet name may not hold. */
	private static final Pattern SHEET_ILLEGAL = Pattern.compile("[\\[\\]:*?/\\\\]");

	private DashboardWorkbook() {
	}

	static void write(OutputStream out, String heading, List<FigureTable> tables) throws IOException {
		Workbook workbook = new Workbook(out, "yizhan", "1.0");
		int index = 0;
		for (FigureTable table : tables) {
			String name = SHEET_ILLEGAL.matcher(table.title()).replaceAll(" ");
			// Excel refuses a sheet name longer than 31 characters or given twice.
			name = (++index) + " " + name;
			Worksheet sheet = workbook.newWorksheet(name.substring(0, Math.min(31, name.length())));
			sheet.inlineString(0, 0, Csv.neutralise(heading));
			sheet.inlineString(1, 0, Csv.neutralise(table.title()));
			for (int c = 0; c < table.headers().size(); c++) {
				sheet.inlineString(2, c, Csv.neutralise(table.headers().get(c)));
				sheet.style(2, c).bold().set();
			}
			for (int r = 0; r < table.rows().size(); r++) {
				List<Object> row = table.rows().get(r);
				for (int c = 0; c < row.size(); c++) {
					Object cell = row.get(c);
					int at = r + 3;
					if (cell instanceof FigureTable.Share share) {
						sheet.value(at, c, share.value());
						sheet.style(at, c).format("0.0%").set();
					}
					else if (cell instanceof Number number) {
						sheet.value(at, c, number);
					}
					else if (cell != null) {
						sheet.inlineString(at, c, Csv.neutralise(cell.toString()));
					}
				}
			}
			sheet.finish();
		}
		workbook.finish();
	}

}
