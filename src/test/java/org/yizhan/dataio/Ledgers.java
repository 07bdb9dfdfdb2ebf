package org.yizhan.dataio;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Station ledgers written for tests: CSV text and xlsx workbooks made by the export's
 * writer.
 */
public final class Ledgers {

	public static final List<String> HEADINGS = List.of("站点名称", "地址", "区县代码", "承建单位", "承建单位类型", "纬度", "经度", "坐标系",
			"服务设施", "开放时间", "站点编码");

	private Ledgers() {
	}

	/** A row of {@link #HEADINGS} for a station of 西湖区 at a place of its own. */
	public static List<String> row(String name, String host, double lat, double lon) {
		return List.of(name, "西湖区文三路 " + name, "330106", host, "银行网点", Double.toString(lat), Double.toString(lon),
				"wgs84", "饮用水、卫生间", "Mo-Su 08:00-20:00", "");
	}

	public static byte[] csv(List<List<String>> rows) {
		StringBuilder text = new StringBuilder();
		rows.forEach(row -> text.append(String.join(",", row)).append("\r\n"));
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] xlsx(List<List<String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (SheetWriter sheet = new SheetWriter(out, "ledger")) {
			rows.forEach(sheet::row);
		}
		return out.toByteArray();
	}

}
