package org.yizhan.dataio;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.yizhan.platform.Csv;
import org.yizhan.station.Station;
import org.yizhan.station.StationDetails;
import org.yizhan.station.StationQuery;
import org.yizhan.station.StationRegistry;

import org.springframework.stereotype.Service;

/**
 * The console's station list as a file: the stations the caller sees that match the
 * list's filters ({@link StationRegistry#forEachMatching}, the caller's scope in the
 * SQL), by code, written to the stream as they are read a thousand at a time, so that
 * 186,000 rows start at once and hold a batch in memory. The columns are a ledger's, in
 * the reader's language, plus the status: an exported list imports again unchanged
 * (matched by its codes). Coordinates are WGS-84 and say so.
 */
@Service
public class StationExports {

	private final StationRegistry registry;

	StationExports(StationRegistry registry) {
		this.registry = registry;
	}

	public void write(StationQuery query, ExportFormat format, Locale locale, OutputStream out) {
		List<String> headings = new ArrayList<>(
				Arrays.stream(LedgerColumn.values()).map(column -> column.heading(locale)).toList());
		headings.add("en".equals(locale.getLanguage()) ? "Status" : "状态");
		if (format == ExportFormat.XLSX) {
			try (SheetWriter sheet = new SheetWriter(out, "stations")) {
				sheet.row(headings);
				this.registry.forEachMatching(query, station -> sheet.row(cells(station, locale)));
			}
		}
		else {
			writeCsv(out, headings, locale, query);
		}
	}

	private void writeCsv(OutputStream out, List<String> headings, Locale locale, StationQuery query) {
		try {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			out.write(Csv.formatRow(headings).getBytes(StandardCharsets.UTF_8));
			Consumer<Station> row = station -> {
				try {
					out.write(Csv.formatRow(cells(station, locale)).getBytes(StandardCharsets.UTF_8));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			};
			this.registry.forEachMatching(query, row);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One station in the order of {@link LedgerColumn}, then its status. */
	static List<String> cells(Station station, Locale locale) {
		StationDetails d = station.details();
		List<String> cells = new ArrayList<>(LedgerColumn.values().length + 1);
		for (LedgerColumn column : LedgerColumn.values()) {
			cells.add(switch (column) {
				case CODE -> station.code().value();
				case NAME -> d.name();
				case ADDRESS -> d.address();
				case DISTRICT -> d.districtCode();
				case HOST_NAME -> d.hostName();
				case HOST_TYPE -> d.hostType().label(locale);
				case LAT -> Double.toString(d.location().lat());
				case LON -> Double.toString(d.location().lon());
				case CRS -> "wgs84";
				case AREA -> d.areaM2() == null ? null : d.areaM2().toPlainString();
				case SEATS -> d.seats() == null ? null : d.seats().toString();
				case AMENITIES -> d.amenities()
					.stream()
					.map(amenity -> amenity.label(locale))
					.collect(Collectors.joining(locale.getLanguage().equals("en") ? "; " : "、"));
				case OPENING_HOURS -> d.openingHours().value();
				case SMART_ENTRY_METHOD -> d.smartEntry() == null ? null : d.smartEntry().method().label(locale);
				case SMART_ENTRY_HOURS -> d.smartEntry() == null ? null : d.smartEntry().unattendedHours().value();
				case MOBILE -> d.mobile() ? yes(locale) : no(locale);
				case PHONE -> d.phone();
				case DESCRIPTION -> d.description();
				case LEVEL -> d.level().label(locale);
				case STARS -> Integer.toString(d.stars());
			});
		}
		cells.add(station.status().label(locale));
		return cells;
	}

	private static String yes(Locale locale) {
		return "en".equals(locale.getLanguage()) ? "yes" : "是";
	}

	private static String no(Locale locale) {
		return "en".equals(locale.getLanguage()) ? "no" : "否";
	}

}
