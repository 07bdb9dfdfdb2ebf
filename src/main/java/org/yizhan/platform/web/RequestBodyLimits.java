package org.yizhan.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body may be ({@code yizhan.request-limits}): {@code default} for
 * every path not named under {@code paths}, whose keys are Ant patterns matched in order
 * against the routed path ({@link RoutedPath}), the first match winning.
 *
 * @param enabled whether bodies are limited at all
 * @param defaultLimit the limit of every path not named (JSON APIs and forms)
 * @param paths limits of the paths that take uploads
 */
@ConfigurationProperties("yizhan.request-limits")
record RequestBodyLimits(Boolean enabled, DataSize defaultLimit, Map<String, DataSize> paths) {

	private static final AntPathMatcher MATCHER = new AntPathMatcher();

	RequestBodyLimits {
		enabled = (enabled == null) ? Boolean.TRUE : enabled;
		defaultLimit = (defaultLimit == null) ? DataSize.ofKilobytes(16) : defaultLimit;
		paths = (paths == null) ? Map.of() : new LinkedHashMap<>(paths);
	}

	long limitFor(String path) {
		for (Map.Entry<String, DataSize> entry : this.paths.entrySet()) {
			if (MATCHER.match(entry.getKey(), path)) {
				return entry.getValue().toBytes();
			}
		}
		return this.defaultLimit.toBytes();
	}

}
