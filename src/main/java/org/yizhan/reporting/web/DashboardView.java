package org.yizhan.reporting.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import org.yizhan.reporting.Dashboard;
import org.yizhan.reporting.ReportPeriod;
import org.yizhan.reporting.UnionDashboards;
import org.yizhan.station.HostType;
import org.yizhan.station.StationLevel;
import org.yizhan.station.StationStatus;

import org.springframework.context.MessageSource;

/**
 * A dashboard as the console and the display show it: the key figures, and every chart as
 * a {@link FigureTable} that the page draws, lists beside the chart and offers as Excel.
 * Built the same for a page and for its download, so the two cannot disagree.
 */
final class DashboardView {

	/** A key figure: its label and its value as shown. */
	record Kpi(String id, String label, String value, String note) {
	}

	private final Dashboard dashboard;

	private final MessageSource messages;

	private final Locale locale;

	private final JsonMapper json;

	private final List<Kpi> kpis;

	private final List<FigureTable> tables;

	/** The months a report covers, {@code null} for the dashboard's last twelve. */
	private final ReportPeriod period;

	DashboardView(Dashboard dashboard, MessageSource messages, Locale locale, JsonMapper json,
			Function<String, String> childLink) {
		this(dashboard, messages, locale, json, childLink, null);
	}

	/** A report's figures: the same tables, its notes naming its period. */
	DashboardView(Dashboard dashboard, MessageSource messages, Locale locale, JsonMapper json,
			Function<String, String> childLink, ReportPeriod period) {
		this.period = period;
		this.dashboard = dashboard;
		this.messages = messages;
		this.locale = locale;
		this.json = json;
		this.kpis = kpis();
		this.tables = tables(childLink);
	}

	public Dashboard dashboard() {
		return this.dashboard;
	}

	public List<Kpi> getKpis() {
		return this.kpis;
	}

	public List<FigureTable> getTables() {
		return this.tables;
	}

	/** The table of this id, {@code null} for none. */
	public FigureTable table(String id) {
		return this.tables.stream().filter(table -> table.id().equals(id)).findFirst().orElse(null);
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, this.locale);
	}

	private List<Kpi> kpis() {
		Dashboard.StationCounts stations = this.dashboard.stations();
		Dashboard.Totals totals = this.dashboard.totals();
		Dashboard.Cases cases = this.dashboard.cases();
		List<Kpi> kpis = new ArrayList<>();
		kpis.add(new Kpi("kpi-stations", text("reporting.kpi.stations"), String.valueOf(stations.total()),
				text("reporting.kpi.stations.note", stations.listed())));
		kpis.add(new Kpi("kpi-all-day", text("reporting.kpi.allDay"), String.valueOf(stations.allDay()),
				text("reporting.kpi.smart.note", stations.smart())));
		String months = (this.period == null) ? text("reporting.kpi.months", UnionDashboards.MONTHS)
				: this.period.label(this.locale);
		kpis.add(new Kpi("kpi-satisfaction", text("reporting.kpi.satisfaction"),
				FigureTable.text(FigureTable.Share.of(totals.satisfaction())),
				text("reporting.kpi.satisfaction.period", totals.ratings(), months)));
		kpis.add(new Kpi("kpi-visits", text("reporting.kpi.visits"), String.valueOf(totals.visits()), months));
		kpis.add(new Kpi("kpi-open-cases", text("reporting.kpi.openCases"), String.valueOf(cases.open()),
				text("reporting.kpi.overdue.note", cases.overdue())));
		kpis.add(new Kpi("kpi-closing", text("reporting.kpi.closing"),
				(cases.medianHoursToClose() == null) ? "—"
						: String.format(Locale.ROOT, "%.1f", cases.medianHoursToClose()),
				text("reporting.kpi.closing.note", cases.closedRecently())));
		kpis.add(new Kpi("kpi-silent", text("reporting.kpi.silent"), String.valueOf(cases.silent()),
				text("reporting.kpi.silent.note")));
		return kpis;
	}

	private List<FigureTable> tables(Function<String, String> childLink) {
		Dashboard.StationCounts stations = this.dashboard.stations();
		List<FigureTable> tables = new ArrayList<>();
		String count = text("reporting.col.stations");

		Map<String, Long> status = new LinkedHashMap<>();
		for (StationStatus value : StationStatus.values()) {
			status.put(value.label(this.locale), stations.byStatus().getOrDefault(value, 0L));
		}
		tables.add(breakdown("status", text("reporting.table.status"), text("reporting.col.status"), count, status,
				"pie"));
		Map<String, Long> level = new LinkedHashMap<>();
		for (StationLevel value : StationLevel.values()) {
			level.put(value.label(this.locale), stations.byLevel().getOrDefault(value, 0L));
		}
		tables.add(breakdown("level", text("reporting.table.level"), text("reporting.col.level"), count, level, "bar"));
		Map<String, Long> stars = new LinkedHashMap<>();
		stations.byStars().forEach((value, n) -> stars.put(text("reporting.stars", value), n));
		tables.add(breakdown("stars", text("reporting.table.stars"), text("reporting.col.stars"), count, stars, "bar"));
		Map<String, Long> hosts = new LinkedHashMap<>();
		for (HostType value : HostType.values()) {
			long n = stations.byHostType().getOrDefault(value, 0L);
			if (n > 0) {
				hosts.put(value.label(this.locale), n);
			}
		}
		tables.add(breakdown("host-type", text("reporting.table.hostType"), text("reporting.col.hostType"), count,
				hosts, "hbar"));

		List<String> months = new ArrayList<>();
		List<List<Object>> growth = new ArrayList<>();
		List<List<Object>> satisfaction = new ArrayList<>();
		List<List<Object>> visits = new ArrayList<>();
		for (Dashboard.Month month : this.dashboard.months()) {
			String name = month(month.month());
			months.add(name);
			growth.add(List.of(name, month.registered(), month.registeredTotal()));
			List<Object> rated = new ArrayList<>();
			rated.add(name);
			rated.add(month.ratings());
			rated.add(month.averageStars());
			rated.add(FigureTable.Share.of(month.satisfaction()));
			satisfaction.add(rated);
			visits.add(List.of(name, month.visits()));
		}
		String monthHead = text("reporting.col.month");
		tables.add(new FigureTable("growth", text("reporting.table.growth"),
				List.of(monthHead, text("reporting.col.registered"), text("reporting.col.registeredTotal")), growth,
				null,
				chart("line", months, List.of(series(text("reporting.col.registered"), "bar", 0, column(growth, 1)),
						series(text("reporting.col.registeredTotal"), "line", 1, column(growth, 2))))));
		tables
			.add(new FigureTable(
					"satisfaction", text("reporting.table.satisfaction"), List.of(monthHead,
							text("reporting.col.ratings"), text(
									"reporting.col.averageStars"),
							text("reporting.col.satisfaction")),
					satisfaction, null,
					chart("line", months, List.of(
							series(text("reporting.col.ratings"), "bar", 0, column(satisfaction, 1)),
							series(text("reporting.col.satisfaction") + " %", "line", 1, column(satisfaction, 3))))));
		tables.add(new FigureTable("visits", text("reporting.table.visits"),
				List.of(monthHead, text("reporting.col.visits")), visits, null,
				chart("bar", months, List.of(series(text("reporting.col.visits"), "bar", 0, column(visits, 1))))));

		List<List<Object>> children = new ArrayList<>();
		List<String> links = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (Dashboard.ChildUnion child : this.dashboard.children()) {
			List<Object> row = new ArrayList<>();
			row.add(child.name());
			row.add(child.stations());
			row.add(child.listed());
			row.add(child.allDay());
			row.add(child.smart());
			row.add(child.ratings());
			row.add(FigureTable.Share.of(child.satisfaction()));
			row.add(child.visits());
			row.add(child.openCases());
			row.add(child.overdueCases());
			row.add(child.silent());
			children.add(row);
			names.add(child.name());
			links.add((childLink == null) ? null : childLink.apply(child.code()));
		}
		if (!children.isEmpty()) {
			tables
				.add(new FigureTable("children", text("reporting.table.children"), List.of(text("reporting.col.union"),
						count, text("reporting.col.listed"), text("reporting.col.allDay"), text("reporting.col.smart"),
						text("reporting.col.ratings"), text("reporting.col.satisfaction"), text("reporting.col.visits"),
						text("reporting.col.openCases"), text("reporting.col.overdue"), text("reporting.col.silent")),
						children, links, chart("hbar", names,
								List.of(series(text("reporting.col.listed"), "bar", 0, column(children, 2))))));
		}
		return tables;
	}

	private FigureTable breakdown(String id, String title, String head, String count, Map<String, Long> values,
			String type) {
		List<List<Object>> rows = new ArrayList<>();
		values.forEach((name, n) -> rows.add(List.of(name, n)));
		return new FigureTable(id, title, List.of(head, count), rows, null, chart(type,
				new ArrayList<>(values.keySet()), List.of(series(count, "bar", 0, new ArrayList<>(values.values())))));
	}

	private String month(YearMonth month) {
		return "en".equals(this.locale.getLanguage()) ? month.toString()
				: month.getYear() + "年" + month.getMonthValue() + "月";
	}

	private static List<Object> column(List<List<Object>> rows, int column) {
		List<Object> values = new ArrayList<>();
		for (List<Object> row : rows) {
			Object cell = row.get(column);
			values.add((cell instanceof FigureTable.Share share) ? Math.round(share.value() * 1000) / 10.0 : cell);
		}
		return values;
	}

	private static Map<String, Object> series(String name, String kind, int axis, List<?> values) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("kind", kind);
		series.put("axis", axis);
		series.put("values", values);
		return series;
	}

	private String chart(String type, List<String> categories, List<Map<String, Object>> series) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", type);
		chart.put("categories", categories);
		chart.put("series", series);
		return this.json.writeValueAsString(chart);
	}

}
