package org.yizhan.coverage;

import java.util.ArrayList;
import java.util.List;

import org.yizhan.geo.Crs;
import org.yizhan.geo.GeoPoint;
import org.yizhan.platform.Csv;
import org.yizhan.platform.InvalidInputException;
import org.yizhan.platform.Violation;

/**
 * Point layers uploaded as CSV: {@code lat,lon,weight[,name]} for demand and
 * {@code lat,lon[,name]} for candidate sites, in any of the three coordinate systems,
 * with or without a header row. Mistakes are reported by row ({@code rows[3].lat},
 * counting data rows from 1), at most 20 of them; nothing is kept unless every row is
 * good.
 */
final class PointsCsv {

	static final int MAX_ROWS = SiteSelectionProblem.MAX_DEMAND_POINTS;

	private static final int MAX_VIOLATIONS = 20;

	private static final int MAX_NAME = 100;

	record Row(GeoPoint location, double weight, String name) {
	}

	private PointsCsv() {
	}

	static List<Row> read(String text, Crs crs, boolean weighted) {
		List<List<String>> table;
		try {
			table = Csv.parse(text == null ? "" : text);
		}
		catch (RuntimeException ex) {
			throw new InvalidInputException(Violation.of("csv", "coverage.csv.malformed", ex.getMessage()));
		}
		table.removeIf(row -> row.size() == 0 || (row.size() == 1 && row.get(0).isBlank()));
		if (!table.isEmpty() && !isNumber(table.get(0).get(0))) {
			table = table.subList(1, table.size());
		}
		if (table.isEmpty()) {
			throw new InvalidInputException(Violation.of("csv", "coverage.csv.empty"));
		}
		if (table.size() > MAX_ROWS) {
			throw new InvalidInputException(Violation.of("csv", "coverage.tooMany", MAX_ROWS));
		}
		List<Violation> violations = new ArrayList<>();
		List<Row> rows = new ArrayList<>(table.size());
		int nameColumn = weighted ? 3 : 2;
		for (int i = 0; i < table.size() && violations.size() < MAX_VIOLATIONS; i++) {
			List<String> row = table.get(i);
			String field = "rows[" + (i + 1) + "]";
			if (row.size() < nameColumn) {
				violations.add(Violation.of(field, "coverage.csv.columns", weighted ? "lat,lon,weight" : "lat,lon"));
				continue;
			}
			Double lat = number(row.get(0));
			Double lon = number(row.get(1));
			GeoPoint location = Positions.read(field, lat, lon, crs, violations);
			double weight = 1;
			if (weighted) {
				Double parsed = number(row.get(2));
				if (parsed == null || !Double.isFinite(parsed) || parsed < 0) {
					violations.add(Violation.of(field + ".weight", "coverage.weight"));
					continue;
				}
				weight = parsed;
			}
			String name = (row.size() > nameColumn) ? row.get(nameColumn).strip() : "";
			if (name.length() > MAX_NAME) {
				name = name.substring(0, MAX_NAME);
			}
			if (location != null) {
				rows.add(new Row(location, weight, name.isEmpty() ? null : name));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return rows;
	}

	private static boolean isNumber(String value) {
		return number(value) != null;
	}

	private static Double number(String value) {
		try {
			return Double.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
