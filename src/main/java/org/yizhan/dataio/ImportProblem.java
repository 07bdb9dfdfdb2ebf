package org.yizhan.dataio;

import java.util.List;

/**
 * One thing wrong with a ledger: where (the row as the spreadsheet numbers it, the
 * heading of the column as the file spells it) and why, as a message code and its
 * arguments, put into the reader's language when shown.
 *
 * @param line the row's number in the file (1 is the heading row); 0 for the file as a
 * whole
 * @param column the column's heading in the file, {@code null} for the whole row
 * @param field the field as the station registry names it, {@code null} for a problem of
 * the file itself
 * @param code the message code
 * @param args the message's arguments, as text
 */
public record ImportProblem(int line, String column, String field, String code, List<String> args) {

	public ImportProblem {
		args = List.copyOf(args);
	}

}
