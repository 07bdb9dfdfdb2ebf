package org.yizhan.platform.web;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON bodies are read strictly, for every API and the rating intake alike (they share
 * the application's {@code JsonMapper}): a key given twice ({@code "stars":1,"stars":5},
 * where a filter and the application could read different values), a fraction where a
 * whole number is expected ({@code "stars":5.9} was read as 5) and a number, or true or
 * false, sent as a string ({@code "stars":"5"}) are refused as unreadable, a 400 naming
 * the field.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return builder -> {
			builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
			builder.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
			builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
			builder.withCoercionConfig(LogicalType.Integer, config -> {
				config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
				config.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
			});
			builder.withCoercionConfig(LogicalType.Float,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
			builder.withCoercionConfig(LogicalType.Boolean,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
		};
	}

}
