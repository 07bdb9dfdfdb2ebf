package org.yizhan.dataio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.yizhan.platform.Csv;
import org.yizhan.station.Amenity;
import org.yizhan.station.EntryMethod;
import org.yizhan.station.HostType;
import org.yizhan.station.Labelled;
import org.yizhan.station.StationImportRow;
import org.yizhan.station.StationInput;
import org.yizhan.station.StationLevel;

/**
 * A station ledger read from an xlsx workbook (its first sheet, streamed) or a CSV file
 * (UTF-8, with or without a byte order mark, or GB18030 as Excel saves CSV on a Chinese
 * desk): the heading row finds the columns, every other non-blank row becomes a
 * {@link StationImportRow} or, when a cell cannot even be read as what its column holds
 * (a number, yes or no, a catalogue entry), problems naming its row and column.
 *
 * <p>
 * Catalogue cells (host type, level, amenities, entry method) take the entry's code or
 * its Chinese or English label; amenities are separated by 、 , ， ; or ；.
 */
final class StationLedger {

	/** What a ledger may hold at most; the file is refused at the first row past it. */
	static final int MAX_ROWS = 300_000;

	private static final Pattern LIST_SEPARATOR = Pattern.compile("[、,，;；|]");

	final List<StationImportRow> rows = new ArrayList<>();

	final List<ImportProblem> problems = new ArrayList<>();

	final List<String> ignoredColumns = new ArrayList<>();

	/** Rows that could not be read and so never reach the registry. */
	int unreadableRows;

	/** Each column's heading as the file spells it. */
	final Map<LedgerColumn, String> headings = new EnumMap<>(LedgerColumn.class);

	private final Map<LedgerColumn, Integer> positions = new EnumMap<>(LedgerColumn.class);

	private StationLedger() {
	}

	/** The format a file is read in, from its first bytes and its name. */
	enum Format {

		XLSX, CSV;

		static Optional<Format> of(String fileName, byte[] content) {
			if (content.length >= 4 && ReadableWorkbook.isOOXMLZipHeader(Arrays.copyOf(content, 8))) {
				return Optional.of(XLSX);
			}
			if (content.length >= 8 && ReadableWorkbook.isOLE2Header(Arrays.copyOf(content, 8))) {
				return Optional.empty();
			}
			String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
			return name.endsWith(".csv") || name.endsWith(".txt") ? Optional.of(CSV) : Optional.empty();
		}

	}

	/**
	 * Reads a ledger; problems of the file as a whole (not a spreadsheet, too large when
	 * unpacked, no heading row, a required column missing, too many rows) are
	 * {@link LedgerRefusedException}.
	 */
	static StationLedger read(Format format, byte[] content) {
		StationLedger ledger = new StationLedger();
		if (format == Format.XLSX) {
			SpreadsheetGuard.requireSafe(content);
			try (InputStream in = new ByteArrayInputStream(content);
					ReadableWorkbook workbook = new ReadableWorkbook(in);
					Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
				Iterator<Row> rows = sheet.iterator();
				ledger.readAll(new Iterator<>() {
					@Override
					public boolean hasNext() {
						return rows.hasNext();
					}

					@Override
					public Cells next() {
						Row row = rows.next();
						return new Cells(row.getRowNum(),
								index -> index < row.getCellCount() ? row.getCellText(index) : "", row.getCellCount());
					}
				});
			}
			catch (IOException | RuntimeException ex) {
				if (ex instanceof LedgerRefusedException refused) {
					throw refused;
				}
				throw new LedgerRefusedException("dataio.import.unreadable");
			}
		}
		else {
			List<List<String>> lines = Csv.parse(decode(content));
			Iterator<List<String>> it = lines.iterator();
			// Csv drops blank lines, so the file's own numbering is lost for rows after
			// one; a ledger with blank lines in the middle is rare enough to number as
			// read.
			int[] number = { 0 };
			ledger.readAll(new Iterator<>() {
				@Override
				public boolean hasNext() {
					return it.hasNext();
				}

				@Override
				public Cells next() {
					List<String> cells = it.next();
					return new Cells(++number[0], index -> index < cells.size() ? cells.get(index) : "", cells.size());
				}
			});
		}
		return ledger;
	}

	/** The cells of one row: its number in the file and the text of each cell. */
	record Cells(int line, java.util.function.IntFunction<String> text, int count) {

		String at(int index) {
			String value = this.text.apply(index);
			return value == null ? "" : value.strip();
		}

		boolean blank() {
			for (int i = 0; i < this.count; i++) {
				if (!at(i).isEmpty()) {
					return false;
				}
			}
			return true;
		}

	}

	private void readAll(Iterator<Cells> source) {
		Cells heading = null;
		while (source.hasNext()) {
			Cells cells = source.next();
			if (!cells.blank()) {
				heading = cells;
				break;
			}
		}
		if (heading == null) {
			throw new LedgerRefusedException("dataio.import.empty");
		}
		readHeadings(heading);
		int count = 0;
		while (source.hasNext()) {
			Cells cells = source.next();
			if (cells.blank()) {
				continue;
			}
			if (++count > MAX_ROWS) {
				throw new LedgerRefusedException("dataio.import.tooManyRows", MAX_ROWS);
			}
			readRow(cells);
		}
	}

	private void readHeadings(Cells heading) {
		for (int i = 0; i < heading.count(); i++) {
			String text = heading.at(i);
			if (text.isEmpty()) {
				continue;
			}
			Optional<LedgerColumn> column = LedgerColumn.forHeading(text);
			if (column.isEmpty() || this.positions.containsKey(column.get())) {
				this.ignoredColumns.add(text);
				continue;
			}
			this.positions.put(column.get(), i);
			this.headings.put(column.get(), text);
		}
		List<String> missing = new ArrayList<>();
		for (LedgerColumn column : LedgerColumn.values()) {
			if (column.required() && !this.positions.containsKey(column)) {
				missing.add(column.heading(Locale.SIMPLIFIED_CHINESE) + " / " + column.heading(Locale.ENGLISH));
			}
		}
		if (!missing.isEmpty()) {
			throw new LedgerRefusedException("dataio.import.missingColumns", String.join("、", missing));
		}
	}

	private void readRow(Cells cells) {
		List<ImportProblem> found = new ArrayList<>();
		RowReader row = new RowReader(cells, found);
		StationInput input = new StationInput(row.text(LedgerColumn.NAME), row.text(LedgerColumn.ADDRESS),
				row.text(LedgerColumn.DISTRICT), row.text(LedgerColumn.HOST_NAME),
				row.catalogue(LedgerColumn.HOST_TYPE, HostType.values()), row.decimal(LedgerColumn.LAT),
				row.decimal(LedgerColumn.LON), row.text(LedgerColumn.CRS), row.number(LedgerColumn.AREA),
				row.integer(LedgerColumn.SEATS), row.amenities(), row.text(LedgerColumn.OPENING_HOURS),
				row.catalogue(LedgerColumn.SMART_ENTRY_METHOD, EntryMethod.values()),
				row.text(LedgerColumn.SMART_ENTRY_HOURS), row.yesNo(LedgerColumn.MOBILE), row.text(LedgerColumn.PHONE),
				row.text(LedgerColumn.DESCRIPTION), row.catalogue(LedgerColumn.LEVEL, StationLevel.values()),
				row.integer(LedgerColumn.STARS));
		if (found.isEmpty()) {
			this.rows.add(new StationImportRow(cells.line(), row.text(LedgerColumn.CODE), input));
		}
		else {
			this.unreadableRows++;
			this.problems.addAll(found);
		}
	}

	/** Reads the cells of one row by column, noting what cannot be read. */
	private final class RowReader {

		private final Cells cells;

		private final List<ImportProblem> found;

		RowReader(Cells cells, List<ImportProblem> found) {
			this.cells = cells;
			this.found = found;
		}

		String text(LedgerColumn column) {
			Integer position = StationLedger.this.positions.get(column);
			if (position == null) {
				return null;
			}
			String value = this.cells.at(position);
			return value.isEmpty() ? null : value;
		}

		Double decimal(LedgerColumn column) {
			BigDecimal value = number(column);
			return value == null ? null : value.doubleValue();
		}

		BigDecimal number(LedgerColumn column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			try {
				return new BigDecimal(value.replace("，", ".").replace(",", "."));
			}
			catch (NumberFormatException ex) {
				problem(column, "dataio.import.number", value);
				return null;
			}
		}

		Integer integer(LedgerColumn column) {
			BigDecimal value = number(column);
			if (value == null) {
				return null;
			}
			try {
				return value.stripTrailingZeros().intValueExact();
			}
			catch (ArithmeticException ex) {
				problem(column, "dataio.import.integer", text(column));
				return null;
			}
		}

		Boolean yesNo(LedgerColumn column) {
			String value = text(column);
			if (value == null) {
				return null;
			}
			switch (value.toLowerCase(Locale.ROOT)) {
				case "是", "y", "yes", "true", "1", "✓" -> {
					return true;
				}
				case "否", "n", "no", "false", "0" -> {
					return false;
				}
				default -> {
					problem(column, "dataio.import.yesNo", value);
					return null;
				}
			}
		}

		<E extends Enum<E> & Labelled> String catalogue(LedgerColumn column, E[] entries) {
			String value = text(column);
			return value == null ? null : entryCode(column, value, entries);
		}

		List<String> amenities() {
			String value = text(LedgerColumn.AMENITIES);
			if (value == null) {
				return List.of();
			}
			List<String> codes = new ArrayList<>();
			for (String part : LIST_SEPARATOR.split(value)) {
				if (!part.isBlank()) {
					String code = entryCode(LedgerColumn.AMENITIES, part.strip(), Amenity.values());
					if (code != null) {
						codes.add(code);
					}
				}
			}
			return codes;
		}

		private <E extends Enum<E> & Labelled> String entryCode(LedgerColumn column, String value, E[] entries) {
			for (E entry : entries) {
				if (entry.name().equalsIgnoreCase(value) || entry.labelZh().equals(value)
						|| entry.labelEn().equalsIgnoreCase(value)) {
					return entry.name();
				}
			}
			problem(column, "dataio.import.unknownEntry", value,
					Arrays.stream(entries).map(Labelled::labelZh).reduce((a, b) -> a + "、" + b).orElse(""));
			return null;
		}

		private void problem(LedgerColumn column, String code, String... args) {
			this.found.add(new ImportProblem(this.cells.line(), StationLedger.this.headings.get(column), column.name(),
					code, List.of(args)));
		}

	}

	/**
	 * CSV text: UTF-8 when the bytes are UTF-8 (a byte order mark or not), else GB18030,
	 * which Excel writes on a Chinese desk and of which GBK and GB2312 are parts.
	 */
	static String decode(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(content, Charset.forName("GB18030"));
		}
	}

	/** A ledger refused as a whole, with the reason's message code. */
	static final class LedgerRefusedException extends RuntimeException {

		final String code;

		final List<String> args;

		LedgerRefusedException(String code, Object... args) {
			super(code);
			this.code = code;
			this.args = Arrays.stream(args).map(String::valueOf).toList();
		}

	}

}
