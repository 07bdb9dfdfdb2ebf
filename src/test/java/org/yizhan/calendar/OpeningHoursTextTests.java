package org.yizhan.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningHoursTextTests {

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private static final Locale EN = Locale.ENGLISH;

	/** What a worker must never have to read: the OSM code words. */
	private static final Pattern OSM_WORDS = Pattern.compile("\\b(?:Mo|Tu|We|Th|Fr|Sa|Su|PH|SH|off|24/7)\\b");

	@ParameterizedTest(name = "{0} reads {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					24/7                                                        | 全天 24 小时
					Mo-Su 00:00-24:00                                           | 全天 24 小时
					Mo-Fr 08:30-17:30; PH off                                   | 周一至周五 08:30–17:30，法定节假日休息
					Mo-Fr 08:30-17:30                                           | 周一至周五 08:30–17:30
					Mo-Su 07:00-22:00                                           | 每天 07:00–22:00
					07:00-22:00                                                 | 每天 07:00–22:00
					Mo-Fr 08:30-12:00,13:30-17:30; Sa 09:00-16:00               | 周一至周五 08:30–12:00、13:30–17:30，周六 09:00–16:00
					Mo-Fr 08:30-11:30,14:00-17:00; Sa 09:00-12:00; Su,PH off    | 周一至周五 08:30–11:30、14:00–17:00，周六 09:00–12:00，周日和法定节假日休息
					Mo-Su 18:00-08:00                                           | 每天 18:00–次日 08:00
					Mo-Su 22:00-06:00                                           | 每天 22:00–次日 06:00
					Sa,Su 10:00-16:00                                           | 周六、周日 10:00–16:00
					Sa-Mo 10:00-12:00                                           | 周六至周一 10:00–12:00
					Mo-Su 07:00-21:00; PH 09:00-17:00                           | 每天 07:00–21:00，法定节假日 09:00–17:00
					Mo-Su 10:00-22:00; PH open                                  | 每天 10:00–22:00，法定节假日全天开放
					Mo-Su 08:00-20:00; We 12:00-14:00 off                       | 每天 08:00–20:00，周三 12:00–14:00休息
					Mo-Su 17:00+                                                | 每天 17:00 起，关门时间未注明
					Mo-Fr 08:00-18:00; SH off                                   | 周一至周五 08:00–18:00，学校假期（日期未知）休息
					Mo-Fr 08:00-18:00 unknown                                   | 周一至周五 08:00–18:00时间未定
					Mo-Su 09:00-21:00; Jan 01 off                               | 每天 09:00–21:00，1月1日休息
					Mo-Su 08:00-20:00; Dec 25-Jan 01 off                        | 每天 08:00–20:00，12月25日至1月1日休息
					2026 Oct 01-07 off                                          | 2026年10月1日至7日休息
					off                                                         | 休息
					""")
	void chineseReadsAsAClerkWouldWriteIt(String hours, String expected) {
		assertThat(OpeningHoursText.describe(hours, ZH)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} reads {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					24/7                                                        | Open 24 hours
					Mo-Fr 08:30-17:30; PH off                                   | Mon–Fri 08:30–17:30; closed on public holidays
					Mo-Su 07:00-22:00                                           | Every day 07:00–22:00
					Sa,Su 10:00-16:00                                           | Sat, Sun 10:00–16:00
					Mo-Su 18:00-08:00                                           | Every day 18:00–08:00 (next day)
					Mo-Fr 08:30-12:00,13:30-17:30; Sa 09:00-16:00               | Mon–Fri 08:30–12:00, 13:30–17:30; Sat 09:00–16:00
					Mo-Su 10:00-22:00; PH open                                  | Every day 10:00–22:00; public holidays all day
					Mo-Sa 08:00-18:00; Su off                                   | Mon–Sat 08:00–18:00; closed on Sun
					Mo-Su 09:00-21:00; Jan 01 off                               | Every day 09:00–21:00; closed on Jan 1
					Mo-Su 17:00+                                                | Every day from 17:00, closing time not given
					""")
	void englishToo(String hours, String expected) {
		assertThat(OpeningHoursText.describe(hours, EN)).isEqualTo(expected);
	}

	@Test
	void aFallbackAndACommentAreSaid() {
		assertThat(OpeningHoursText.describe("Mo-Fr 08:00-18:00 || \"by appointment\"", ZH))
			.isEqualTo("周一至周五 08:00–18:00，其他时间：“by appointment”");
		assertThat(OpeningHoursText.describe("Mo-Fr 08:00-17:00 || Sa 09:00-12:00 || \"by appointment\"", EN))
			.isEqualTo("Mon–Fri 08:00–17:00; otherwise: Sat 09:00–12:00; otherwise: “by appointment”");
		assertThat(OpeningHoursText.describe("\"ask the guard\"", ZH)).isEqualTo("备注：“ask the guard”");
		assertThat(OpeningHoursText.describe("Mo-Fr 08:00-18:00 \"ring the bell\"", EN))
			.isEqualTo("Mon–Fri 08:00–18:00 (note: ring the bell)");
	}

	@Test
	void hoursThatCannotBeReadAreQuotedNotParaphrased() {
		// A paraphrase of sunrise or week numbers could only guess; the worker gets the
		// original.
		assertThat(OpeningHoursText.describe("Mo-Fr sunrise-sunset", ZH)).isEqualTo("开放时间（原文）：Mo-Fr sunrise-sunset");
		assertThat(OpeningHoursText.describe("周一至周五 8:30-18:00", ZH)).startsWith("开放时间（原文）：");
		assertThat(OpeningHoursText.describe("", ZH)).isEqualTo("未提供开放时间");
		assertThat(OpeningHoursText.describe((String) null, EN)).isEqualTo("Opening hours not given");
	}

	@Test
	void everyRealValueReadsWithoutTheCodeWords() throws IOException {
		// The Hangzhou OSM values, the typical values of the differential test and the
		// demo city's hours: whatever the evaluator reads is written without Mo, PH or
		// off, in both languages.
		List<String> values = realValues();
		assertThat(values).hasSizeGreaterThan(250);
		int read = 0;
		for (String value : values) {
			OpeningSchedule schedule = OpeningSchedule.compileOrUnknown(value);
			String zh = OpeningHoursText.describe(value, ZH);
			String en = OpeningHoursText.describe(value, EN);
			assertThat(zh).as(value).isNotBlank();
			assertThat(en).as(value).isNotBlank();
			if (schedule.isUnknown()) {
				assertThat(zh).as(value).startsWith("开放时间（原文）：");
				continue;
			}
			read++;
			if (!value.contains("\"")) {
				assertThat(zh).as(value).doesNotContainPattern("[A-Za-z]");
				assertThat(en).as(value).doesNotContainPattern(OSM_WORDS);
			}
			if (schedule.hasUnknownTimes() && !value.contains("\"")) {
				// What makes an answer unknown is said in the text.
				assertThat(zh).as(value).containsAnyOf("未注明", "未定", "未知");
			}
		}
		assertThat(read).isGreaterThan(250);
	}

	static List<String> realValues() throws IOException {
		Stream<String> osm = Files.readAllLines(Path.of("bench/opening-hours/values-hangzhou-osm.txt")).stream();
		Stream<String> typical = Files.readAllLines(Path.of("bench/opening-hours/values-typical.txt")).stream();
		Stream<String> demo = Files.readAllLines(Path.of("src/main/resources/demo/hangzhou-stations.csv"))
			.stream()
			.skip(1)
			.flatMap(line -> Stream.of(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")))
			.filter(cell -> cell.matches("(?:24/7|(?:Mo|Tu|We|Th|Fr|Sa|Su)[-, ].*)"))
			.map(cell -> cell.replace("\"", ""));
		return Stream.of(osm, typical, demo)
			.flatMap(s -> s)
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.distinct()
			.toList();
	}

}
