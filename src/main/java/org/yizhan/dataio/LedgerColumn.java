package org.yizhan.dataio;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a station ledger, as the import reads them and the export writes them:
 * each found by its Chinese or English heading (case and spaces ignored), in any order. A
 * violation of the station registry names a field ({@code location.lat},
 * {@code amenities[2]}); {@link #forField} finds the column that holds it.
 */
enum LedgerColumn {

	CODE("站点编码", "Code", false), NAME("站点名称", "Name", true), ADDRESS("地址", "Address", true),
	DISTRICT("区县代码", "District code", true), HOST_NAME("承建单位", "Host", true), HOST_TYPE("承建单位类型", "Host type", true),
	LAT("纬度", "Latitude", true), LON("经度", "Longitude", true), CRS("坐标系", "Coordinate system", false),
	AREA("面积(平方米)", "Area (m²)", false), SEATS("座位数", "Seats", false), AMENITIES("服务设施", "Amenities", false),
	OPENING_HOURS("开放时间", "Opening hours", true), SMART_ENTRY_METHOD("智能门禁方式", "Smart entry method", false),
	SMART_ENTRY_HOURS("智能门禁时段", "Smart entry hours", false), MOBILE("移动驿站", "Mobile", false),
	PHONE("联系电话", "Phone", false), DESCRIPTION("简介", "Description", false), LEVEL("级别", "Level", false),
	STARS("星级", "Stars", false);

	private final String zh;

	private final String en;

	private final boolean required;

	LedgerColumn(String zh, String en, boolean required) {
		this.zh = zh;
		this.en = en;
		this.required = required;
	}

	String heading(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? this.en : this.zh;
	}

	boolean required() {
		return this.required;
	}

	static Optional<LedgerColumn> forHeading(String heading) {
		String wanted = normalise(heading);
		for (LedgerColumn column : values()) {
			if (normalise(column.zh).equals(wanted) || normalise(column.en).equals(wanted)
					|| normalise(column.name()).equals(wanted)) {
				return Optional.of(column);
			}
		}
		return Optional.empty();
	}

	/** The column of a field as the station registry names it in a violation. */
	static Optional<LedgerColumn> forField(String field) {
		if (field == null) {
			return Optional.empty();
		}
		String base = field.replaceAll("\\[\\d+]$", "");
		return Optional.ofNullable(switch (base) {
			case "code" -> CODE;
			case "name" -> NAME;
			case "address" -> ADDRESS;
			case "district" -> DISTRICT;
			case "hostName" -> HOST_NAME;
			case "hostType" -> HOST_TYPE;
			case "location.lat", "location" -> LAT;
			case "location.lon" -> LON;
			case "location.crs" -> CRS;
			case "areaM2" -> AREA;
			case "seats" -> SEATS;
			case "amenities" -> AMENITIES;
			case "openingHours" -> OPENING_HOURS;
			case "smartEntry.method" -> SMART_ENTRY_METHOD;
			case "smartEntry.hours" -> SMART_ENTRY_HOURS;
			case "mobile" -> MOBILE;
			case "phone" -> PHONE;
			case "description" -> DESCRIPTION;
			case "level" -> LEVEL;
			case "stars" -> STARS;
			default -> null;
		});
	}

	private static String normalise(String heading) {
		return heading == null ? "" : heading.replaceAll("[\\s_()（）²]", "").toLowerCase(Locale.ROOT);
	}

}
