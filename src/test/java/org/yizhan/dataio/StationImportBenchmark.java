package org.yizhan.dataio;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import org.yizhan.station.StationQuery;
import org.yizhan.support.ActingAsNationalAdmin;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import at the scale (docs/benchmarks.md, "Station import"): a 200,000-row
 * xlsx ledger over the districts of Hangzhou, checked, imported, then checked again
 * (every row unchanged), then every station exported as xlsx and as CSV. Prints the wall
 * time of each step and the heap after it. Not part of the build:
 * {@code bench/import.sh}.
 */
@SpringBootTest
@ExtendWith(ActingAsNationalAdmin.class)
@EnabledIfSystemProperty(named = "yizhan.bench.import", matches = "true")
class StationImportBenchmark {

	static final int ROWS = Integer.getInteger("yizhan.bench.import.rows", 200_000);

	static final List<String> DISTRICTS = List.of("330102", "330105", "330106", "330108", "330109", "330110");

	static final List<String> HOURS = List.of("Mo-Su 08:00-20:00", "24/7", "Mo-Fr 08:30-18:00; Sa,Su 09:00-17:00",
			"周一至周五 8:30-18:00");

	@Autowired
	StationImports imports;

	@Autowired
	StationExports exports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void importsTwoHundredThousandRows() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		System.out.printf(Locale.ROOT, "machine: %d cores, max heap %d MB%n",
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
		long start = System.nanoTime();
		byte[] file = ledger(ROWS);
		System.out.printf(Locale.ROOT, "ledger: %d rows, %.1f MB xlsx, written in %d ms%n", ROWS, file.length / 1e6,
				(System.nanoTime() - start) / 1_000_000);
		long before = this.jdbc.sql("select count(*) from station").query(Long.class).single();

		start = System.nanoTime();
		ImportReport check = this.imports.check("benchmark.xlsx", file);
		long checkMs = (System.nanoTime() - start) / 1_000_000;
		System.out.printf(Locale.ROOT, "check: %d ms (%d new, %d problems), heap %d MB%n", checkMs, check.createCount(),
				check.problemCount(), memory.getHeapMemoryUsage().getUsed() >> 20);
		assertThat(check.problemCount()).isZero();

		start = System.nanoTime();
		ImportReport done = this.imports.importChecked(check.id(), ImportMode.ALL);
		long importMs = (System.nanoTime() - start) / 1_000_000;
		System.out.printf(Locale.ROOT, "import: %d ms (%d created), heap %d MB%n", importMs, done.createCount(),
				memory.getHeapMemoryUsage().getUsed() >> 20);
		System.out.printf(Locale.ROOT, "check + import: %d ms%n", checkMs + importMs);
		assertThat(this.jdbc.sql("select count(*) from station").query(Long.class).single()).isEqualTo(before + ROWS);

		start = System.nanoTime();
		ImportReport again = this.imports.check("benchmark.xlsx", file);
		System.out.printf(Locale.ROOT, "re-check: %d ms (%d unchanged, %d new)%n",
				(System.nanoTime() - start) / 1_000_000, again.unchangedCount(), again.createCount());
		assertThat(again.unchangedCount()).isEqualTo(ROWS);

		for (ExportFormat format : ExportFormat.values()) {
			System.gc();
			ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
			long base = memory.getHeapMemoryUsage().getUsed();
			FirstByteClock out = new FirstByteClock();
			start = System.nanoTime();
			this.exports.write(StationQuery.all(), format, Locale.SIMPLIFIED_CHINESE, out);
			long totalMs = (System.nanoTime() - start) / 1_000_000;
			long peak = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter(pool -> pool.getType() == MemoryType.HEAP)
				.mapToLong(pool -> pool.getPeakUsage().getUsed())
				.sum();
			System.out.printf(Locale.ROOT,
					"export %s: first 8 KiB %d ms, %d rows, %.1f MB in %d ms, heap peak %d MB (%d MB before)%n", format,
					(out.first - start) / 1_000_000,
					this.jdbc.sql("select count(*) from station").query(Long.class).single(), out.count / 1e6, totalMs,
					peak >> 20, base >> 20);
		}
	}

	/**
	 * Counts what is written and notes when the first 8 KiB had come: what a servlet
	 * container buffers before the client sees its first byte.
	 */
	static final class FirstByteClock extends OutputStream {

		long first;

		long count;

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.count += len;
			if (this.first == 0 && this.count >= 8192) {
				this.first = System.nanoTime();
			}
		}

	}

	/** Stations at random places of the city's main urban area, hosts numbered. */
	static byte[] ledger(int rows) {
		SplittableRandom random = new SplittableRandom(19);
		List<List<String>> table = new ArrayList<>(rows + 1);
		table.add(List.of("站点名称", "地址", "区县代码", "承建单位", "承建单位类型", "纬度", "经度", "坐标系", "服务设施", "开放时间", "座位数", "联系电话"));
		for (int i = 0; i < rows; i++) {
			double lat = 30.15 + random.nextDouble() * 0.25;
			double lon = 120.00 + random.nextDouble() * 0.30;
			table.add(List.of("压测驿站" + i, "杭州市压测路 " + i + " 号", DISTRICTS.get(i % DISTRICTS.size()), "压测承建单位" + i,
					i % 3 == 0 ? "银行网点" : "PETROL_STATION", String.format(Locale.ROOT, "%.6f", lat),
					String.format(Locale.ROOT, "%.6f", lon), i % 2 == 0 ? "gcj02" : "wgs84", "饮用水、卫生间、手机充电",
					HOURS.get(i % HOURS.size()), Integer.toString(4 + i % 20), "0571-8" + (1000000 + i % 8999999)));
		}
		return Ledgers.xlsx(table);
	}

}
