package org.yizhan.calendar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseOpeningHoursTests {

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			周一至周五 8:30-18:00                                  | Mo-Fr 08:30-18:00
			周一至周五 08:30-17:30，法定节假日休息                   | Mo-Fr 08:30-17:30; PH off
			周一到周五 8:30—17:30；节假日休息                        | Mo-Fr 08:30-17:30; PH off
			星期一至星期六 9:00～17:00                              | Mo-Sa 09:00-17:00
			工作日 上午8:30-12:00，下午2:00-5:30                     | Mo-Fr 08:30-12:00,14:00-17:30
			周一至周五 上午8:30-12:00 下午13:30-17:30                | Mo-Fr 08:30-12:00,13:30-17:30
			每天 7:00-22:00                                        | Mo-Su 07:00-22:00
			7:00-22:00                                             | Mo-Su 07:00-22:00
			全天24小时                                              | 24/7
			24小时开放                                              | 24/7
			周一至周五 8:30-17:30；周六 9:00-12:00；周日休息          | Mo-Fr 08:30-17:30; Sa 09:00-12:00; Su off
			周六、周日 10:00-16:00                                  | Sa,Su 10:00-16:00
			周末 10:00-16:00                                       | Sa,Su 10:00-16:00
			每天 18:00-次日8:00                                     | Mo-Su 18:00-08:00
			每天 晚上6点-早上8点                                     | Mo-Su 18:00-08:00
			周一至周五 8点半-17点半                                  | Mo-Fr 08:30-17:30
			开放时间：周一至周日 9:00-21:00，节假日照常开放            | Mo-Su 09:00-21:00; PH open
			周一至周五 ８：３０－１７：３０                            | Mo-Fr 08:30-17:30
			周二至周日 9:00-17:00 周一闭馆                            | Tu-Su 09:00-17:00; Mo off
			""")
	void commonChineseFormsBecomeOsmValues(String text, String expected) {
		assertThat(ChineseOpeningHours.parse(text)).map(OpeningHours::value).contains(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "周一至周五 看情况", "早上开门", "周一至周五 8:30-18:00 需预约", "周八 9:00-17:00", "周一至周五 25:00-26:00", "周六",
			"Mo-Fr 08:00-18:00", "" })
	void whatIsNotReadWholeIsNotReadAtAll(String text) {
		// A value that dropped "需预约" would promise hours the station does not keep.
		assertThat(ChineseOpeningHours.parse(text)).isEmpty();
	}

}
