package org.yizhan.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title, description and authentication of the API document at {@code /v3/api-docs}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI yizhanOpenApi() {
		return new OpenAPI()
			.info(new Info().title("yizhan API · 驿站接口")
				.version("v1")
				.description("""
						The registry of trade-union service stations for outdoor workers. Locations name \
						their coordinate system (crs=wgs84|gcj02|bd09, default wgs84). Errors are RFC 9457 \
						problem details in zh-CN, or English with Accept-Language: en.""")
				.license(new License().name("Demo data © OpenStreetMap contributors, ODbL 1.0")))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
