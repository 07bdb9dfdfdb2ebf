package org.yizhan.platform;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal that names a missing thing says its identifier as given: once the suite's
 * notifications passed a thousand, "消息 3,658 不存在" was answered.
 */
class NotFoundExceptionTests {

	@Test
	void aNumericIdentifierIsNotGrouped() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("thing.notFound", Locale.SIMPLIFIED_CHINESE, "消息 {0} 不存在");
		Explanation explanation = new NotFoundException("thing.notFound", 3658L).explanation();

		assertThat(messages.getMessage(explanation.code(), explanation.args(), Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("消息 3658 不存在");
		assertThat(new NotFoundException("thing.notFound", "330106").explanation().args()).containsExactly("330106");
	}

}
